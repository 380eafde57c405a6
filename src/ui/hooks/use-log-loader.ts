// Loading a log: hands the source to the worker, follows its progress and keeps the latest summary.
// Only the newest load may change the state: a later open makes earlier callbacks stale.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Summary } from '../../engine/types.ts';
import type { LogSource, Progress } from '../../worker/api.ts';
import { cancelLog, onWorkerCrash, openLog } from '../data/worker-client.ts';

export type LoadStatus = 'idle' | 'fetching' | 'parsing' | 'done' | 'cancelled' | 'failed';

export interface LoadState {
  status: LoadStatus;
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

const INITIAL: LoadState = { status: 'idle', name: '', summary: null, dataSummary: null, progress: null, error: null, dataVersion: 0, loadId: 0 };

/** While parsing, tables and chart refresh at most this often (each refresh re-sorts in the worker). */
const REFRESH_EVERY_MS = 1000;
/**
 * The worker reports about ten times a second; the page shows the status and summary numbers at
 * most this often, so the main thread stays idle and leaves the CPU to the worker.
 */
const SHOW_PROGRESS_EVERY_MS = 250;

/** Identifies the data tables show: the load, and whether its parse is still going. */
export function dataEpoch(s: LoadState): string {
  return `${s.loadId}:${s.status === 'parsing' ? 'partial' : 'final'}`;
}

export interface LogLoader {
  state: LoadState;
  open(source: LogSource): void;
  openUrlAsBlob(url: string, name: string): void;
  cancel(): void;
  dismissError(): void;
  /** Shows a source that will not be opened as a failed load (nothing read) with its reason. */
  refuse(name: string, reason: string): void;
}

export function useLogLoader(): LogLoader {
  const [state, setState] = useState<LoadState>(INITIAL);
  const generation = useRef(0);
  const lastRefresh = useRef(0);
  const lastShown = useRef(0);
  /** The newest progress report not shown yet, and the timer that will show it. */
  const pending = useRef<Progress | null>(null);
  const showTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fetchAbort = useRef<AbortController | null>(null);
  useEffect(() => () => clearTimeout(showTimer.current), []);

  useEffect(
    () =>
      onWorkerCrash((message) =>
        setState((s) => ({ ...s, status: s.status === 'parsing' ? 'failed' : s.status, error: `The analysis worker failed: ${message}` })),
      ),
    [],
  );

  const open = useCallback((source: LogSource) => {
    const gen = ++generation.current;
    fetchAbort.current?.abort();
    const name = source.kind === 'file' ? source.name : source.kind === 'url' ? source.url : source.files.map((f) => f.name).join(', ');
    lastRefresh.current = Date.now();
    lastShown.current = 0;
    pending.current = null;
    clearTimeout(showTimer.current);
    setState((s) => ({ status: 'parsing', name, summary: null, dataSummary: null, progress: null, error: null, dataVersion: s.dataVersion + 1, loadId: gen }));
    let latest: Progress | null = null;
    /** The worker's last report (done: true) and the parse's result: the load ends when both are in. */
    let finalReport: Progress | null = null;
    let result: Summary | null = null;
    let ended = false;
    let endTimer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      showTimer.current = undefined;
      const p = pending.current;
      pending.current = null;
      if (!p || ended || gen !== generation.current) return;
      const now = Date.now();
      lastShown.current = now;
      const refresh = now - lastRefresh.current >= REFRESH_EVERY_MS;
      if (refresh) lastRefresh.current = now;
      setState((s) =>
        refresh
          ? { ...s, progress: p, summary: p.summary, dataSummary: p.summary, dataVersion: s.dataVersion + 1 }
          : { ...s, progress: p, summary: p.summary },
      );
    };
    const stopShowing = () => {
      ended = true;
      clearTimeout(showTimer.current);
      clearTimeout(endTimer);
      showTimer.current = undefined;
      pending.current = null;
    };
    const end = () => {
      if (ended || gen !== generation.current || !result) return;
      stopShowing();
      const summary = result;
      const p = finalReport ?? latest;
      const stopped = summary.stopped;
      const cancelled = stopped?.reason === 'cancelled';
      setState((s) => ({
        ...s,
        summary,
        dataSummary: summary,
        progress: p ?? s.progress,
        status: !stopped ? 'done' : cancelled ? 'cancelled' : 'failed',
        error: stopped && !cancelled ? stopped.message : null,
        dataVersion: s.dataVersion + 1,
      }));
    };
    const onProgress = (p: Progress) => {
      if (gen !== generation.current || ended) return;
      // Read by `npm run bench:browser` (worker-side parse and query times).
      (globalThis as { __reftraceLastProgress?: Progress }).__reftraceLastProgress = p;
      latest = p;
      if (p.done) {
        finalReport = p;
        end();
        return;
      }
      pending.current = p;
      if (showTimer.current !== undefined) return;
      // The first report shows at once, later ones at most every SHOW_PROGRESS_EVERY_MS.
      showTimer.current = setTimeout(show, Math.max(0, lastShown.current + SHOW_PROGRESS_EVERY_MS - Date.now()));
    };
    openLog(source, onProgress).then(
      (summary) => {
        if (gen !== generation.current) return;
        result = summary;
        // Progress comes through its own message port, so the final report may arrive just after
        // the result: wait for it briefly, so Done shows the final size and time once.
        if (finalReport) end();
        else endTimer = setTimeout(end, 500);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        stopShowing();
        setState((s) => ({ ...s, status: 'failed', error: `Could not read ${name}: ${e instanceof Error ? e.message : String(e)}` }));
      },
    );
  }, []);

  /** Fetches on the page (same-origin example) and passes the Blob on, so the worker reads it like a dropped file. */
  const openUrlAsBlob = useCallback(
    (url: string, name: string) => {
      const gen = ++generation.current;
      fetchAbort.current?.abort();
      const abort = new AbortController();
      fetchAbort.current = abort;
      setState((s) => ({ ...s, status: 'fetching', name, error: null, progress: null }));
      fetch(url, { signal: abort.signal })
        .then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status} ${r.statusText}`);
          return r.blob();
        })
        .then(
          (blob) => {
            if (gen === generation.current) open({ kind: 'file', file: blob, name });
          },
          (e: unknown) => {
            if (gen !== generation.current) return;
            if (abort.signal.aborted) setState((s) => ({ ...s, status: 'cancelled' }));
            else setState((s) => ({ ...s, status: 'failed', error: `Could not fetch ${name}: ${e instanceof Error ? e.message : String(e)}` }));
          },
        );
    },
    [open],
  );

  const cancel = useCallback(() => {
    fetchAbort.current?.abort();
    cancelLog();
  }, []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  const refuse = useCallback((name: string, reason: string) => {
    const gen = ++generation.current;
    fetchAbort.current?.abort();
    setState((s) => ({ ...INITIAL, status: 'failed', name, error: reason, dataVersion: s.dataVersion + 1, loadId: gen }));
  }, []);

  return { state, open, openUrlAsBlob, cancel, dismissError, refuse };
}
