// What kind of message starts a phase, as the page names and styles it (the engine's PhaseKind).

import type { PhaseKind } from '../../engine/query/phases.ts';
export type { PhaseKind };

export const PHASE_KIND_NAMES: Record<PhaseKind, string> = {
  start: 'start of the log',
  message: 'message',
  error: 'error (ERR line)',
  suspend: 'tracing suspended',
  resume: 'tracing resumed',
  detach: 'child log started (detached)',
  reattach: 'child log ended (re-attached)',
};
