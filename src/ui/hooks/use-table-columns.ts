// The columns of a table, asked of its row source again with each data version: a parse can add
// some (Sizeof once the header names it, Log file once a child log is read).

import { useEffect, useState } from 'react';
import type { ColumnInfo } from '../../engine/types.ts';
import type { RowSource } from '../data/row-source.ts';

export function useTableColumns(
  source: RowSource,
  dataVersion: number,
): { columns: ColumnInfo[]; error: string | null } {
  const [columns, setColumns] = useState<ColumnInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    source.columns().then(
      (c) => {
        if (!live) return;
        // The same columns again (most refreshes) keep the old array: nothing below re-computes.
        setColumns((old) => (JSON.stringify(old) === JSON.stringify(c) ? old : c));
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [source, dataVersion]);
  return { columns, error };
}
