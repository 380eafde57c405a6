// The baseline of a comparison: a second log, parsed by the same worker into its own analysis (the
// "before"; the open log is the "after"). Progress is shown at most four times a second and the
// comparison refreshed at most once a second, as for the open log.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Summary } from '../../engine/types.ts';
import type { LogSource, Progress } from '../../worker/api.ts';
import { cancelLog, openBaselineLog } from '../data/worker-client.ts';

export type BaselineStatus = 'none' | 'parsing' | 'done' | 'cancelled' | 'failed';

export interface BaselineState {
  status: BaselineStatus;
  name: string;
  progress: Progress | null;
  summary: Summary | null;
  error: string | null;
  /** Bumped when the baseline's data changed enough for the comparison to ask again. */
  version: number;
  /** Which baseline this is (0 before any). */
  loadId: number;
}

const INITIAL: BaselineState = { status: 'none', name: '', progress: null, summary: null, error: null, version: 0, loadId: 0 };
const SHOW_PROGRESS_EVERY_MS = 250;
const REFRESH_EVERY_MS = 1000;

export interface Baseline {
  state: BaselineState;
  open(files: File[]): void;
  cancel(): void;
}

export function useBaseline(): Baseline {
  const [state, setState] = useState<BaselineState>(INITIAL);
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const open = useCallback((files: File[]) => {
    if (!files.length) return;
    const gen = ++generation.current;
    clearTimeout(timer.current);
    timer.current = undefined;
    const source: LogSource =
      files.length === 1
        ? { kind: 'file', file: files[0], name: files[0].name }
        : { kind: 'files', files: files.map((f) => ({ file: f, name: f.name })) };
    const name = files.map((f) => f.name).join(', ');
    setState((s) => ({ status: 'parsing', name, progress: null, summary: null, error: null, version: s.version + 1, loadId: gen }));
    let pending: Progress | null = null;
    /** Set once the parse's result is in: a late report (progress has its own port) changes nothing. */
    let ended = false;
    let lastShown = 0;
    let lastRefresh = Date.now();
    const show = () => {
      timer.current = undefined;
      const p = pending;
      pending = null;
      if (!p || ended || gen !== generation.current) return;
      lastShown = Date.now();
      const refresh = lastShown - lastRefresh >= REFRESH_EVERY_MS;
      if (refresh) lastRefresh = lastShown;
      setState((s) => ({ ...s, progress: p, summary: p.summary, version: refresh ? s.version + 1 : s.version }));
    };
    openBaselineLog(source, (p) => {
      if (gen !== generation.current || ended) return;
      pending = p;
      if (timer.current === undefined) timer.current = setTimeout(show, Math.max(0, lastShown + SHOW_PROGRESS_EVERY_MS - Date.now()));
    }).then(
      (summary) => {
        if (gen !== generation.current) return;
        ended = true;
        clearTimeout(timer.current);
        timer.current = undefined;
        const stopped = summary.stopped;
        const cancelled = stopped?.reason === 'cancelled';
        setState((s) => ({
          ...s,
          summary,
          status: !stopped ? 'done' : cancelled ? 'cancelled' : 'failed',
          error: stopped && !cancelled ? stopped.message : null,
          version: s.version + 1,
        }));
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        ended = true;
        clearTimeout(timer.current);
        timer.current = undefined;
        setState((s) => ({ ...s, status: 'failed', error: `Could not read ${name}: ${e instanceof Error ? e.message : String(e)}`, version: s.version + 1 }));
      },
    );
  }, []);

  const cancel = useCallback(() => cancelLog(), []);

  return { state, open, cancel };
}
