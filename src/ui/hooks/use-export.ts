// A table's export: the rows as shown (filter and sort applied), made by the row source and saved
// as `<exportName>-<source id>.<format>`.

import { useCallback, useState } from 'react';
import { downloadBlob } from '../data/download.ts';
import type { RowQuery, RowSource } from '../data/row-source.ts';
import type { ExportFormat } from '../data/worker-client.ts';

export interface TableExport {
  /** The format being made, or null when none is. */
  exporting: ExportFormat | null;
  error: string | null;
  start(format: ExportFormat): void;
  dismissError(): void;
}

export function useExport(source: RowSource, query: RowQuery, exportName: string): TableExport {
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(
    (format: ExportFormat) => {
      setExporting(format);
      setError(null);
      source.export(query, format).then(
        (blob) => {
          downloadBlob(blob, `${exportName}-${source.id}.${format}`);
          setExporting(null);
        },
        (e: unknown) => {
          setExporting(null);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    },
    [source, query, exportName],
  );
  const dismissError = useCallback(() => setError(null), []);
  return { exporting, error, start, dismissError };
}
