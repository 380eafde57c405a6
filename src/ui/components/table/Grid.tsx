// The table itself: an ARIA grid that is one Tab stop and scrolls, with the header row, the rows in
// view and, when no row matches, why. Row numbers count every row of the table, not only those drawn.

import { useId, type ReactNode, type RefObject } from 'react';
import type { Table } from '@tanstack/react-table';
import type { VisibleRow } from '../../display/column-defs.ts';
import type { ColumnLayout } from '../../display/grid-layout.ts';
import type { GridKeys } from '../../hooks/use-grid-keys.ts';
import { GridHeader } from './GridHeader.tsx';
import { GridRows } from './GridRows.tsx';

export interface GridProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  label: string;
  table: Table<VisibleRow>;
  layout: ColumnLayout;
  /** Rows in the whole filtered table and on the page, and whether rows are on their way. */
  rows: { count: number; pageCount: number; loading: boolean };
  keys: GridKeys;
  /** Shown instead of rows when none match (null when some do). */
  empty: ReactNode;
  /** Opens a row (its detail, or what it stands for) when it is clicked. */
  onActivate?: (index: number, shift: boolean) => void;
}

export function Grid({ scrollRef, label, table, layout, rows, keys, empty, onActivate }: GridProps) {
  const gridId = useId();
  const rowId = (index: number) => `${gridId}-r${index}`;
  const gridStyle = { gridTemplateColumns: layout.template };
  const tableRows = table.getRowModel().rows;
  const { active } = keys;
  const activeRendered = active !== null && tableRows.some((r) => r.original.index === active);
  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={label}
      // Every row of the table counts, the header row too (aria-rowindex 1; data rows from 2).
      aria-rowcount={rows.count + 1}
      aria-colcount={table.getAllLeafColumns().length}
      aria-busy={rows.loading}
      aria-activedescendant={activeRendered ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={keys.onKeyDown}
      onFocus={keys.onFocus}
    >
      <div className="grid-inner" style={{ minWidth: layout.minWidth }}>
        <GridHeader table={table} gridStyle={gridStyle} />
        <GridRows
          rows={tableRows}
          pageCount={rows.pageCount}
          gridStyle={gridStyle}
          active={active}
          onPick={(index, shift) => {
            keys.setActive(index);
            onActivate?.(index, shift);
          }}
          rowId={rowId}
          activatable={!!onActivate}
        />
        {empty !== null && <div className="grid-empty">{empty}</div>}
      </div>
    </div>
  );
}
