// The one table of the viewer. TanStack Table in manual mode owns the sort state and header
// behaviour; the worker sorts and filters; only the rows in view are rendered (useFixedRows: rows
// have one height), so a table of millions scrolls like one of ten. The data given to TanStack is
// only the visible rows.

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flexRender } from '@tanstack/react-table';
import type { Cell, SortSpec, TableFilter } from '../../../engine/types.ts';
import { fmtCell } from '../../format.ts';
import { columnLayout, hasFileColumn } from '../../display/column-layout.ts';
import type { DataEpoch } from '../../data/data-epoch.ts';
import type { RowQuery, RowSource } from '../../data/row-source.ts';
import { columnKind, type VisibleRow } from '../../display/column-defs.ts';
import { useExport } from '../../hooks/use-export.ts';
import { useFixedRows } from '../../hooks/use-fixed-rows.ts';
import { useGridKeys } from '../../hooks/use-grid-keys.ts';
import { useGridTable } from '../../hooks/use-grid-table.ts';
import { useRowPages } from '../../hooks/use-row-pages.ts';
import { useRowWindow } from '../../hooks/use-row-window.ts';
import { useSlashFocus } from '../../hooks/use-slash-focus.ts';
import { useTableColumns } from '../../hooks/use-table-columns.ts';
import { ExportError } from './TableExport.tsx';
import { TableToolbar } from './TableToolbar.tsx';

const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 30;

export interface DataTableProps {
  /** Where the rows come from (a worker table, or the comparison). Stable per table. */
  source: RowSource;
  /** Start of export file names: `<exportName>-<source id>.csv`. */
  exportName: string;
  /** Accessible name of the grid. */
  label: string;
  sort: SortSpec[];
  onSortChange: (sort: SortSpec[]) => void;
  filterText: string;
  onFilterTextChange: (text: string) => void;
  filterPlaceholder?: string;
  /** Clock window applied to the rows (tables that ignore it say so). */
  clockMin?: number;
  clockMax?: number;
  /** Whether this table honours the clock window (aggregate tables do not). */
  usesClockWindow: boolean;
  clockWindowActive: boolean;
  fullPath: boolean;
  onFullPathChange: (full: boolean) => void;
  dataVersion: number;
  /** Changes when a parse starts or ends: rows of an earlier epoch are dropped, not kept on screen. */
  dataEpoch: DataEpoch;
  /** Shown when the table has no rows at all. */
  emptyText: string;
  /** Controls before the filter box (e.g. a sub-table toggle). */
  toolbarStart?: ReactNode;
  /** Whether to offer the Full paths toggle (default: when a column holds file names). */
  showFullPath?: boolean;
}

export function DataTable(props: DataTableProps) {
  const { source, sort, dataVersion, fullPath } = props;
  const { columns, error: columnsError } = useTableColumns(source, dataVersion);
  const gridId = useId();

  // No debounce: each keystroke queries at once, and useRowWindow keeps only the newest waiting.
  const filterText = props.filterText.trim();
  const filter = useMemo<TableFilter>(() => {
    const f: TableFilter = {};
    if (filterText) f.text = filterText;
    if (props.usesClockWindow && props.clockMin !== undefined) f.clockMin = props.clockMin;
    if (props.usesClockWindow && props.clockMax !== undefined) f.clockMax = props.clockMax;
    return f;
  }, [filterText, props.usesClockWindow, props.clockMin, props.clockMax]);

  const query = useMemo<RowQuery>(() => ({ sort, filter, fullPath }), [sort, filter, fullPath]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // One table is in the page at a time: "/" goes to its filter.
  const filterRef = useRef<HTMLInputElement>(null);
  useSlashFocus(filterRef);
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const rows = useRowWindow(source, query, dataVersion, props.dataEpoch, range[0], range[1]);
  const count = rows.matched ?? 0;
  const pages = useRowPages(count);
  const view = useFixedRows(scrollRef, pages.count, { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, overscan: 12 });
  const first = pages.start + Math.max(0, view.first);
  const last = pages.start + Math.max(0, view.last);
  useEffect(() => {
    setRange((r) => (r[0] === first && r[1] === last ? r : [first, last]));
  }, [first, last]);

  const keys = useGridKeys(count, pages, view);

  // A new order, filter or file starts at the top; a refresh of the same parse keeps the place.
  const loadId = props.dataEpoch.loadId;
  useEffect(() => {
    pages.setPage(0);
    keys.setActive(null);
    view.scrollToTop();
  }, [rows.key, loadId]);
  const goToPage = (p: number) => {
    pages.setPage(p);
    keys.setActive(null);
    view.scrollToTop();
  };

  const exp = useExport(source, query, props.exportName);

  // Only the rows in view go to TanStack Table: the worker holds the table, the cache a few blocks.
  const data: VisibleRow[] = [];
  for (let i = Math.max(0, view.first); i <= view.last; i++) data.push({ index: pages.start + i, pageIndex: i, row: rows.rowAt(pages.start + i) });

  const table = useGridTable(columns, data, sort, props.onSortChange);

  const layout = useMemo(() => columnLayout(columns, fullPath), [columns, fullPath]);
  const gridStyle = { gridTemplateColumns: layout.template };
  const showFullPath = props.showFullPath ?? hasFileColumn(columns);
  const error = rows.error ?? columnsError;
  const tableRows = table.getRowModel().rows;
  const rowId = (index: number) => `${gridId}-r${index}`;
  const { active } = keys;
  const activeRendered = active !== null && tableRows.some((r) => r.original.index === active);

  return (
    <section className="table-view">
      <TableToolbar
        start={props.toolbarStart}
        filter={{ label: props.label, text: props.filterText, placeholder: props.filterPlaceholder, onChange: props.onFilterTextChange, inputRef: filterRef }}
        counts={{ matched: rows.matched, total: rows.total }}
        notes={{ clockWindowIgnored: props.clockWindowActive && !props.usesClockWindow, sortKeys: sort.length }}
        paging={{ pages, onPage: goToPage }}
        exp={exp}
        fullPath={showFullPath ? { checked: fullPath, onChange: props.onFullPathChange } : null}
      />
      {error && (
        <div className="banner banner-error" role="alert">
          Could not load rows: {error}
        </div>
      )}
      <ExportError exp={exp} />
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label={props.label}
        // Every row of the table counts, the header row too (aria-rowindex 1; data rows from 2).
        aria-rowcount={count + 1}
        aria-colcount={columns.length}
        aria-busy={rows.loading}
        aria-activedescendant={activeRendered ? rowId(active) : undefined}
        tabIndex={0}
        onKeyDown={keys.onKeyDown}
        onFocus={keys.onFocus}
      >
        <div className="grid-inner" style={{ minWidth: layout.minWidth }}>
          {table.getHeaderGroups().map((hg) => (
            <div key={hg.id} role="row" aria-rowindex={1} className="grid-row grid-header" style={{ ...gridStyle, height: HEADER_HEIGHT }}>
              {hg.headers.map((h) => {
                const dir = h.column.getIsSorted();
                const kind = columnKind(h.column.columnDef);
                const sortIndex = sort.length > 1 ? h.column.getSortIndex() : -1;
                return (
                  <div
                    key={h.id}
                    role="columnheader"
                    data-testid={`col-${h.column.id}`}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    className={`cell head kind-${kind}`}
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
          ))}
          <div className="grid-body" style={{ height: pages.count * ROW_HEIGHT }}>
            {tableRows.map((r) => {
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
                  className={`grid-row${d.index % 2 ? ' odd' : ''}${isActive ? ' active' : ''}`}
                  style={style}
                  onClick={() => keys.setActive(d.index)}
                >
                  {r.getVisibleCells().map((cell) => {
                    const kind = columnKind(cell.column.columnDef);
                    const f = fmtCell(kind, cell.getValue() as Cell, cell.column.id);
                    return (
                      <div key={cell.id} role="gridcell" className={`cell kind-${kind}${f.muted ? ' muted' : ''}${f.className ? ` ${f.className}` : ''}`} title={f.title}>
                        {f.text}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
          {rows.matched === 0 && (
            <div className="grid-empty">
              {rows.total === 0 ? props.emptyText : `No rows match${filterText ? ` “${filterText}”` : ''}${filter.clockMin !== undefined ? ' in the clock window' : ''}.`}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
