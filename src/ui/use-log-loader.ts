// Loading a log: hands the source to the worker, follows its progress and keeps the latest summary.
// Only the newest load may change the state: a later open makes earlier callbacks stale.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Summary } from '../engine/types.ts';
import type { LogSource, Progress } from '../worker/api.ts';
import { cancelLog, onWorkerCrash, openLog } from './worker-client.ts';

export type LoadStatus = 'idle' | 'fetching' | 'parsing' | 'done' | 'cancelled' | 'failed';

export interface LoadState {
  status: LoadStatus;
  /** File name or URL being shown. */
  name: string;
  summary: Summary | null;
  progress: Progress | null;
  /** A failure to show in the error banner (worker error, fetch error, stopped early by an error). */
  error: string | null;
  /** Bumped when the worker's data changed enough for tables and chart to ask again. */
  dataVersion: number;
  /** Which load this is (0 before any). */
  loadId: number;
}

const INITIAL: LoadState = { status: 'idle', name: '', summary: null, progress: null, error: null, dataVersion: 0, loadId: 0 };

/** While parsing, tables and chart refresh at most this often (each refresh re-sorts in the worker). */
const REFRESH_EVERY_MS = 1000;

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
}

export function useLogLoader(): LogLoader {
  const [state, setState] = useState<LoadState>(INITIAL);
  const generation = useRef(0);
  const lastRefresh = useRef(0);
  const fetchAbort = useRef<AbortController | null>(null);

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
    setState((s) => ({ status: 'parsing', name, summary: null, progress: null, error: null, dataVersion: s.dataVersion + 1, loadId: gen }));
    const onProgress = (p: Progress) => {
      if (gen !== generation.current) return;
      // Read by `npm run bench:browser` (worker-side parse and query times).
      (globalThis as { __reftraceLastProgress?: Progress }).__reftraceLastProgress = p;
      const refresh = Date.now() - lastRefresh.current >= REFRESH_EVERY_MS;
      if (refresh) lastRefresh.current = Date.now();
      setState((s) => ({ ...s, progress: p, summary: p.summary, dataVersion: refresh ? s.dataVersion + 1 : s.dataVersion }));
    };
    openLog(source, onProgress).then(
      (summary) => {
        if (gen !== generation.current) return;
        const stopped = summary.stoppedEarly;
        const cancelled = !!stopped && stopped.startsWith('Cancelled');
        setState((s) => ({
          ...s,
          summary,
          status: !stopped ? 'done' : cancelled ? 'cancelled' : 'failed',
          error: stopped && !cancelled ? stopped : null,
          dataVersion: s.dataVersion + 1,
        }));
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
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

  return { state, open, openUrlAsBlob, cancel, dismissError };
}
