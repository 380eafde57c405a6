// TanStack Table in manual mode over the rows in view: it owns the sort state's header behaviour
// (asc → desc → asc, shift-click adds a key); the worker sorts and filters.

import { useMemo } from 'react';
import { getCoreRowModel, useReactTable, type SortingState, type Table, type Updater } from '@tanstack/react-table';
import type { ColumnInfo, SortSpec } from '../../engine/types.ts';
import { columnDefs, type VisibleRow } from '../display/column-defs.ts';

export function useGridTable(
  columns: ColumnInfo[],
  data: VisibleRow[],
  sort: SortSpec[],
  onSortChange: (sort: SortSpec[]) => void,
): Table<VisibleRow> {
  const defs = useMemo(() => columnDefs(columns), [columns]);
  const sorting = useMemo<SortingState>(() => sort.map((s) => ({ id: s.column, desc: s.desc })), [sort]);
  const onSortingChange = (u: Updater<SortingState>) => {
    const next = typeof u === 'function' ? u(sorting) : u;
    onSortChange(next.map((s) => ({ column: s.id, desc: s.desc })));
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- the table is read in the render that made it; no memoised component keeps its functions
  return useReactTable<VisibleRow>({
    data,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (d) => String(d.index),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    isMultiSortEvent: (e) => !!(e as { shiftKey?: boolean }).shiftKey,
    state: { sorting },
    onSortingChange,
  });
}
