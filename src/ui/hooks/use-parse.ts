// One parse in the worker as React state: progress, the end, and which parse is current. Shared by
// the open log and the comparison's baseline. Only the newest parse may change the state: a later
// open (or begin()) makes the callbacks of earlier ones stale.

import { startTransition, useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ParseStop, Summary } from '../../engine/types.ts';
import { refreshInterval } from '../data/refresh-pace.ts';
import type { LogSource, Progress } from '../../worker/api.ts';

export type ParseStatus = 'idle' | 'fetching' | 'parsing' | 'done' | 'cancelled' | 'failed';

export interface ParseState {
  status: ParseStatus;
  /** File name or URL being shown. */
  name: string;
  summary: Summary | null;
  /**
   * The summary as of the last `dataVersion` bump: what tables show counts from, so they need not
   * re-render with every progress report.
   */
  dataSummary: Summary | null;
  progress: Progress | null;
  /** A failure to show in the error banner (worker error, fetch error, stopped early by an error). */
  error: string | null;
  /** Bumped when the worker's data changed enough for tables and chart to ask again. */
  dataVersion: number;
  /** Which load this is (0 before any). */
  loadId: number;
}

export const IDLE: ParseState = {
  status: 'idle',
  name: '',
  summary: null,
  dataSummary: null,
  progress: null,
  error: null,
  dataVersion: 0,
  loadId: 0,
};

/** Starts a parse in the worker; resolves with the final summary. */
export type StartParse = (source: LogSource, onProgress: (p: Progress) => void) => Promise<Summary>;

/**
 * The worker reports about ten times a second; the page shows the status and summary numbers at
 * most this often, so the main thread stays idle and leaves the CPU to the worker.
 */
const SHOW_PROGRESS_EVERY_MS = 250;
/** Progress has its own message port, so the final report may come just after the result. */
const FINAL_REPORT_WAIT_MS = 500;

export interface Parse {
  state: ParseState;
  setState: Dispatch<SetStateAction<ParseState>>;
  open(source: LogSource, name: string): void;
  /** Makes the current parse's callbacks stale (something else now owns the state); returns the new generation. */
  begin(): number;
  isCurrent(generation: number): boolean;
}

/** How a parse that ran to its result ended: a cancel is not an error, any other stop is. */
function ending(stopped: ParseStop | null): Pick<ParseState, 'status' | 'error'> {
  if (!stopped) return { status: 'done', error: null };
  if (stopped.reason === 'cancelled') return { status: 'cancelled', error: null };
  return { status: 'failed', error: stopped.message };
}

export function useParse(start: StartParse): Parse {
  const [state, setState] = useState<ParseState>(IDLE);
  const generation = useRef(0);
  /** Clears the current parse's timers. */
  const stopTimers = useRef(() => {});
  useEffect(() => () => stopTimers.current(), []);

  const begin = useCallback(() => {
    stopTimers.current();
    return ++generation.current;
  }, []);
  const isCurrent = useCallback((gen: number) => gen === generation.current, []);

  const open = useCallback(
    (source: LogSource, name: string) => {
      const gen = begin();
      setState((s) => ({
        status: 'parsing',
        name,
        summary: null,
        dataSummary: null,
        progress: null,
        error: null,
        dataVersion: s.dataVersion + 1,
        loadId: gen,
      }));
      let lastRefresh = Date.now();
      /** The worker's query time (Progress.queryMs) when the tables last refreshed: what answering a refresh costs. */
      let queryMsAtRefresh = 0;
      let lastShown = 0;
      /** The newest report not shown yet, and the timer that will show it. */
      let pending: Progress | null = null;
      let showTimer: ReturnType<typeof setTimeout> | undefined;
      /** A refresh of tables and chart that a shown report did not get (see show). */
      let refreshTimer: ReturnType<typeof setTimeout> | undefined;
      let latest: Progress | null = null;
      /** The worker's last report (done: true) and the parse's result: the parse ends when both are in. */
      let finalReport: Progress | null = null;
      let result: Summary | null = null;
      let ended = false;
      let endTimer: ReturnType<typeof setTimeout> | undefined;
      const stale = () => ended || gen !== generation.current;
      const stopShowing = () => {
        ended = true;
        clearTimeout(showTimer);
        clearTimeout(endTimer);
        clearTimeout(refreshTimer);
        showTimer = undefined;
        refreshTimer = undefined;
        pending = null;
      };
      stopTimers.current = stopShowing;

      const show = () => {
        showTimer = undefined;
        const p = pending;
        pending = null;
        if (!p || stale()) return;
        const now = Date.now();
        lastShown = now;
        const every = refreshInterval(p.queryMs - queryMsAtRefresh);
        const refresh = now - lastRefresh >= every;
        if (refresh) {
          lastRefresh = now;
          queryMsAtRefresh = p.queryMs;
          clearTimeout(refreshTimer);
          refreshTimer = undefined;
        } else if (refreshTimer === undefined) {
          // The tables and the chart catch up with this report in a moment even if no other comes:
          // a stream that stalls (a slow server) must not leave them behind the numbers shown.
          refreshTimer = setTimeout(catchUp, lastRefresh + every - now);
        }
        // A transition: React renders it in slices that yield to the page.
        // The open before and the end after stay urgent, and updates apply in the order they came.
        startTransition(() =>
          setState((s) =>
            refresh
              ? { ...s, progress: p, summary: p.summary, dataSummary: p.summary, dataVersion: s.dataVersion + 1 }
              : { ...s, progress: p, summary: p.summary },
          ),
        );
      };
      const catchUp = () => {
        refreshTimer = undefined;
        if (stale()) return;
        lastRefresh = Date.now();
        if (latest) queryMsAtRefresh = latest.queryMs;
        startTransition(() => setState((s) => ({ ...s, dataSummary: s.summary, dataVersion: s.dataVersion + 1 })));
      };
      const end = () => {
        if (stale() || !result) return;
        stopShowing();
        const summary = result;
        const p = finalReport ?? latest;
        setState((s) => ({
          ...s,
          ...ending(summary.stopped),
          summary,
          dataSummary: summary,
          progress: p ?? s.progress,
          dataVersion: s.dataVersion + 1,
        }));
      };
      const onProgress = (p: Progress) => {
        if (stale()) return;
        latest = p;
        if (p.done) {
          finalReport = p;
          end();
          return;
        }
        pending = p;
        if (showTimer !== undefined) return;
        // The first report shows at once, later ones at most every SHOW_PROGRESS_EVERY_MS.
        showTimer = setTimeout(show, Math.max(0, lastShown + SHOW_PROGRESS_EVERY_MS - Date.now()));
      };
      start(source, onProgress).then(
        (summary) => {
          if (gen !== generation.current) return;
          result = summary;
          // Waits briefly for the final report, so Done shows the final size and time once.
          if (finalReport) end();
          else endTimer = setTimeout(end, FINAL_REPORT_WAIT_MS);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          stopShowing();
          setState((s) => ({
            ...s,
            status: 'failed',
            error: `Could not read ${name}: ${e instanceof Error ? e.message : String(e)}`,
          }));
        },
      );
    },
    [begin, start],
  );

  return { state, setState, open, begin, isCurrent };
}
