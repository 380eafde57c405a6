// The baseline of a comparison: a second log, parsed by the same worker into its own analysis (the
// "before"; the open log is the "after"), followed like the open log (useParse).

import { useCallback } from 'react';
import type { LogSource } from '../../worker/api.ts';
import { cancelLog, openBaselineLog } from '../data/worker-client.ts';
import { useParse, type ParseState } from './use-parse.ts';

export interface Baseline {
  /** Status 'idle' until a baseline is chosen; never 'fetching'. */
  state: ParseState;
  open(files: File[]): void;
  cancel(): void;
}

export function useBaseline(): Baseline {
  const { state, open: openParse } = useParse(openBaselineLog);

  const open = useCallback(
    (files: File[]) => {
      if (!files.length) return;
      const source: LogSource =
        files.length === 1
          ? { kind: 'file', file: files[0], name: files[0].name }
          : { kind: 'files', files: files.map((f) => ({ file: f, name: f.name })) };
      openParse(source, files.map((f) => f.name).join(', '));
    },
    [openParse],
  );

  const cancel = useCallback(() => cancelLog(), []);

  return { state, open, cancel };
}
