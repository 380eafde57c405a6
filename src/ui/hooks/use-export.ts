// Files the page makes and saves: a table's export (the rows as shown, filter and sort applied,
// saved as `<exportName>-<source id>.<format>`), or any other file the worker makes on request.

import { useCallback, useState } from 'react';
import { downloadBlob } from '../data/download.ts';
import type { RowQuery, RowSource } from '../data/row-source.ts';
import type { ExportFormat } from '../../engine/types.ts';

export interface Download<K extends string> {
  /** The file being made, or null when none is. */
  exporting: K | null;
  error: string | null;
  start(key: K): void;
  dismissError(): void;
}

export type TableExport = Download<ExportFormat>;

/** Makes the file `key` names (one at a time) and saves it under fileName(key). */
export function useDownload<K extends string>(
  make: (key: K) => Promise<Blob>,
  fileName: (key: K) => string,
): Download<K> {
  const [exporting, setExporting] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(
    (key: K) => {
      setExporting(key);
      setError(null);
      make(key).then(
        (blob) => {
          downloadBlob(blob, fileName(key));
          setExporting(null);
        },
        (e: unknown) => {
          setExporting(null);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    },
    [make, fileName],
  );
  const dismissError = useCallback(() => setError(null), []);
  return { exporting, error, start, dismissError };
}

export function useExport(source: RowSource, query: RowQuery, exportName: string): TableExport {
  const make = useCallback((format: ExportFormat) => source.export(query, format), [source, query]);
  const fileName = useCallback(
    (format: ExportFormat) => `${exportName}-${source.id}.${format}`,
    [exportName, source.id],
  );
  return useDownload(make, fileName);
}
