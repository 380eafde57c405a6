// Loading the log to look at: from a file, several files (a nested run), a URL the worker fetches,
// or a URL the page fetches first (the bundled example). The parse itself is useParse's.

import { useCallback, useEffect, useRef } from 'react';
import type { LogSource } from '../../worker/api.ts';
import { cancelLog, onWorkerCrash, openLog } from '../data/worker-client.ts';
import { IDLE, useParse, type ParseState } from './use-parse.ts';

export interface LogLoader {
  state: ParseState;
  open(source: LogSource): void;
  openUrlAsBlob(url: string, name: string): void;
  cancel(): void;
  dismissError(): void;
  /** Shows a source that will not be opened as a failed load (nothing read) with its reason. */
  refuse(name: string, reason: string): void;
}

function sourceName(source: LogSource): string {
  if (source.kind === 'file') return source.name;
  if (source.kind === 'url') return source.url;
  return source.files.map((f) => f.name).join(', ');
}

export function useLogLoader(): LogLoader {
  const { state, setState, open: openParse, begin, isCurrent } = useParse(openLog);
  const fetchAbort = useRef<AbortController | null>(null);

  useEffect(
    () =>
      onWorkerCrash((message) =>
        setState((s) => ({
          ...s,
          status: s.status === 'parsing' ? 'failed' : s.status,
          error: `The analysis worker failed: ${message}`,
        })),
      ),
    [setState],
  );

  const open = useCallback(
    (source: LogSource) => {
      fetchAbort.current?.abort();
      openParse(source, sourceName(source));
    },
    [openParse],
  );

  /** Fetches on the page (same-origin example) and passes the Blob on, so the worker reads it like a dropped file. */
  const openUrlAsBlob = useCallback(
    (url: string, name: string) => {
      const gen = begin();
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
            if (isCurrent(gen)) open({ kind: 'file', file: blob, name });
          },
          (e: unknown) => {
            if (!isCurrent(gen)) return;
            if (abort.signal.aborted) setState((s) => ({ ...s, status: 'cancelled' }));
            else
              setState((s) => ({
                ...s,
                status: 'failed',
                error: `Could not fetch ${name}: ${e instanceof Error ? e.message : String(e)}`,
              }));
          },
        );
    },
    [begin, isCurrent, open, setState],
  );

  const cancel = useCallback(() => {
    fetchAbort.current?.abort();
    cancelLog();
  }, []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), [setState]);

  const refuse = useCallback(
    (name: string, reason: string) => {
      const gen = begin();
      fetchAbort.current?.abort();
      setState((s) => ({
        ...IDLE,
        status: 'failed',
        name,
        error: reason,
        dataVersion: s.dataVersion + 1,
        loadId: gen,
      }));
    },
    [begin, setState],
  );

  return { state, open, openUrlAsBlob, cancel, dismissError, refuse };
}
