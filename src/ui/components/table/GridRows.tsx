// The data rows in view, each placed at its position in the page (rows have one height); a row
// whose block has not come from the worker yet shows as loading.

import type { CSSProperties } from 'react';
import type { Row as TableRow } from '@tanstack/react-table';
import type { Cell } from '../../../engine/types.ts';
import { columnKind, type VisibleRow } from '../../display/column-defs.ts';
import { ROW_HEIGHT } from '../../display/grid-layout.ts';
import { fmtCell } from '../../format.ts';

export interface GridRowsProps {
  rows: TableRow<VisibleRow>[];
  /** Rows on the page: the body is as tall as all of them. */
  pageCount: number;
  gridStyle: CSSProperties;
  active: number | null;
  /** A row clicked (shift: with Shift held, to extend a range). */
  onPick: (index: number, shift: boolean) => void;
  rowId: (index: number) => string;
  /** Whether a click opens the row (then it shows as clickable). */
  activatable: boolean;
}

export function GridRows({ rows, pageCount, gridStyle, active, onPick, rowId, activatable }: GridRowsProps) {
  return (
    <div className="grid-body" style={{ height: pageCount * ROW_HEIGHT }}>
      {rows.map((r) => {
        const d = r.original;
        const style = { ...gridStyle, height: ROW_HEIGHT, transform: `translateY(${d.pageIndex * ROW_HEIGHT}px)` };
        const isActive = d.index === active;
        if (!d.row) {
          return (
            <div
              key={r.id}
              id={rowId(d.index)}
              role="row"
              aria-rowindex={d.index + 2}
              data-testid="row-loading"
              className={`grid-row loading${isActive ? ' active' : ''}`}
              style={style}
            >
              <div role="gridcell" className="cell muted">
                …
              </div>
            </div>
          );
        }
        return (
          <div
            key={r.id}
            id={rowId(d.index)}
            role="row"
            aria-rowindex={d.index + 2}
            data-testid="row"
            className={`grid-row${d.index % 2 ? ' odd' : ''}${isActive ? ' active' : ''}${activatable ? ' activatable' : ''}`}
            style={style}
            onClick={(e) => onPick(d.index, e.shiftKey)}
          >
            {r.getVisibleCells().map((cell) => {
              const kind = columnKind(cell.column.columnDef);
              const f = fmtCell(kind, cell.getValue() as Cell, cell.column.id);
              return (
                <div
                  key={cell.id}
                  role="gridcell"
                  className={`cell kind-${kind}${f.muted ? ' muted' : ''}${f.className ? ` ${f.className}` : ''}`}
                  title={f.title}
                >
                  {f.text}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
