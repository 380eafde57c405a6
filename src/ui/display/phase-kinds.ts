// What kind of message starts a phase, as the page names and styles it (the engine's PhaseKind).

import type { ReftraceApi } from '../../worker/api.ts';

// Named from the worker API, as data/worker-client.ts names its shapes.
export type PhaseKind = ReturnType<ReftraceApi['phases']>[number]['kind'];

export const PHASE_KIND_NAMES: Record<PhaseKind, string> = {
  start: 'start of the log',
  message: 'message',
  error: 'error (ERR line)',
  suspend: 'tracing suspended',
  resume: 'tracing resumed',
  detach: 'child log started (detached)',
  reattach: 'child log ended (re-attached)',
};
