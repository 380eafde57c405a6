// A program's runs, read one after another by the worker for their history (which site began to
// leak in which run). The files stay here, so a click on a run opens it as the log to look at.

import { useCallback, useRef, useState } from 'react';
import type { History } from '../../engine/runs/history.ts';
import { cancelLog, openRunLogs } from '../data/worker-client.ts';

export interface RunsState {
  status: 'idle' | 'reading' | 'done' | 'cancelled' | 'failed';
  /** The runs, oldest first (by file name, numbers in order: run-2 before run-10). */
  files: File[];
  history: History | null;
  /** Which run is being read, and how far. */
  reading: { run: number; runs: number; name: string; percent: number } | null;
  error: string | null;
}

const IDLE: RunsState = { status: 'idle', files: [], history: null, reading: null, error: null };

const byName = new Intl.Collator('en', { numeric: true }).compare;

/** `openRuns(files, onRead)`: onRead gets the last run read, to open it as the log to look at. */
export function useRuns(): {
  runs: RunsState;
  openRuns: (files: File[], onRead: (last: File) => void) => void;
  cancelRuns: () => void;
} {
  const [runs, setRuns] = useState<RunsState>(IDLE);
  const generation = useRef(0);
  const openRuns = useCallback((files: File[], onRead: (last: File) => void) => {
    const gen = ++generation.current;
    const sorted = [...files].sort((a, b) => byName(a.name, b.name));
    setRuns({ ...IDLE, status: 'reading', files: sorted });
    openRunLogs(
      sorted.map((f) => ({ kind: 'file', file: f, name: f.name })),
      (p) => {
        if (gen !== generation.current) return;
        const percent = p.progress.totalBytes ? (p.progress.bytesRead / p.progress.totalBytes) * 100 : 0;
        setRuns((r) => ({ ...r, reading: { run: p.run, runs: p.runs, name: p.name, percent } }));
      },
    ).then(
      (history) => {
        if (gen !== generation.current) return;
        const complete = history.runs.length === sorted.length;
        setRuns((r) => ({ ...r, status: complete ? 'done' : 'cancelled', history, reading: null }));
        if (history.runs.length > 0) onRead(sorted[history.runs.length - 1]);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setRuns((r) => ({ ...r, status: 'failed', error: e instanceof Error ? e.message : String(e), reading: null }));
      },
    );
  }, []);
  const cancelRuns = useCallback(() => cancelLog(), []);
  return { runs, openRuns, cancelRuns };
}
