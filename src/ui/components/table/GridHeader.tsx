// The header row: one sort button per column, with the direction and, for several keys, its rank.

import type { CSSProperties } from 'react';
import { flexRender, type Table } from '@tanstack/react-table';
import { columnKind, type VisibleRow } from '../../display/column-defs.ts';
import { HEADER_HEIGHT } from '../../display/grid-layout.ts';

export function GridHeader({ table, gridStyle }: { table: Table<VisibleRow>; gridStyle: CSSProperties }) {
  const multiSort = table.getState().sorting.length > 1;
  return table.getHeaderGroups().map((hg) => (
    <div
      key={hg.id}
      role="row"
      aria-rowindex={1}
      className="grid-row grid-header"
      style={{ ...gridStyle, height: HEADER_HEIGHT }}
    >
      {hg.headers.map((h) => {
        const dir = h.column.getIsSorted();
        const sortIndex = multiSort ? h.column.getSortIndex() : -1;
        return (
          <div
            key={h.id}
            role="columnheader"
            data-testid={`col-${h.column.id}`}
            aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
            className={`cell head kind-${columnKind(h.column.columnDef)}`}
          >
            <button
              type="button"
              onClick={h.column.getToggleSortingHandler()}
              title={`${String(h.column.columnDef.header)}: click to sort, shift-click to add a secondary sort`}
            >
              <span className="head-title">{flexRender(h.column.columnDef.header, h.getContext())}</span>
              <span className="sort-mark" aria-hidden="true">
                {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                {sortIndex >= 0 && <sub>{sortIndex + 1}</sub>}
              </span>
            </button>
          </div>
        );
      })}
    </div>
  ));
}
