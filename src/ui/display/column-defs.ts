// The columns as TanStack Table defines them, over the rows in view (the worker holds the rest).

import type { ColumnDef } from '@tanstack/react-table';
import type { Cell, ColumnInfo, Row } from '../../engine/types.ts';

export interface VisibleRow {
  /** Position in the whole filtered, sorted table. */
  index: number;
  /** Position in the current page (what the row positions count). */
  pageIndex: number;
  /** Undefined while its block is on its way from the worker. */
  row: Row | undefined;
}

export type GridColumnDef = ColumnDef<VisibleRow, Cell>;

export function columnDefs(columns: ColumnInfo[]): GridColumnDef[] {
  return columns.map((c) => ({
    id: c.id,
    header: c.title,
    accessorFn: (d: VisibleRow) => d.row?.[c.id] ?? null,
    meta: { kind: c.kind },
  }));
}

/** The kind of a column made by columnDefs (how its cells are formatted and aligned). */
export function columnKind(def: GridColumnDef): ColumnInfo['kind'] {
  return (def.meta as { kind: ColumnInfo['kind'] } | undefined)?.kind ?? 'text';
}
