// The one table of the viewer, over rows the worker sorts and filters: only the rows in view are
// asked for and rendered (they have one height), so a table of millions scrolls like one of ten.
// This file wires the parts: columns, the query, the row window, pages, keys, toolbar and grid.

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ColumnInfo, IgnoreList, Row, SiteName, SortSpec, TableFilter, TimeView } from '../../../engine/types.ts';
import type { DataEpoch } from '../../data/data-epoch.ts';
import type { RowQuery, RowSource } from '../../data/row-source.ts';
import { takeTableFocus } from '../../data/table-focus.ts';
import type { VisibleRow } from '../../display/column-defs.ts';
import {
  columnLayout,
  fontOf,
  hasFileColumn,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  textWidth,
  type ContentWidths,
} from '../../display/grid-layout.ts';
import { fmtCell } from '../../format.ts';
import { useExport } from '../../hooks/use-export.ts';
import { useFixedRows } from '../../hooks/use-fixed-rows.ts';
import { useGridKeys } from '../../hooks/use-grid-keys.ts';
import { useGridTable } from '../../hooks/use-grid-table.ts';
import { useRowPages } from '../../hooks/use-row-pages.ts';
import { useRowWindow } from '../../hooks/use-row-window.ts';
import { useSlashFocus } from '../../hooks/use-slash-focus.ts';
import { useTableColumns } from '../../hooks/use-table-columns.ts';
import type { ClockWindow } from '../../url-state.ts';
import { Grid } from './Grid.tsx';
import { ExportError } from './TableExport.tsx';
import { TableToolbar } from './TableToolbar.tsx';

/** What a table is called and says. */
export interface TableText {
  /** Accessible name of the grid. */
  label: string;
  /** Shown when the table has no rows at all. */
  emptyText: string;
  filterPlaceholder?: string;
  /** Start of export file names: `<exportName>-<source id>.csv`. */
  exportName: string;
}

/** The user's sort, filter and full paths (they live in the URL), and how to change them. */
export interface TableControls {
  sort: SortSpec[];
  onSortChange: (sort: SortSpec[]) => void;
  filterText: string;
  onFilterTextChange: (text: string) => void;
  fullPath: boolean;
  onFullPathChange: (full: boolean) => void;
}

/** The part of the log a table covers, apart from the user's filter: a moment, the ignore list, one site or type. */
export interface TableScope {
  view?: TimeView;
  ignore?: IgnoreList;
  site?: SiteName;
  type?: string;
}

export interface DataTableProps {
  /** Where the rows come from (a worker table, or the comparison). Stable per table. */
  source: RowSource;
  text: TableText;
  controls: TableControls;
  /** The clock window, and whether this table honours it (aggregate tables do not). */
  clock: { win: ClockWindow | null; applies: boolean };
  /** The worker's data: its version (bumped on refresh) and epoch (see data-epoch.ts). */
  data: { version: number; epoch: DataEpoch };
  /** Controls before the filter box, and whether to offer Full paths (default: when a column holds file names). */
  toolbar?: { start?: ReactNode; showFullPath?: boolean };
  scope?: TableScope;
  /**
   * A row clicked, or Enter on the keyboard's row: its index, its cells and the query that showed
   * it, and whether Shift was held (a range: the Phases tab's several phases).
   */
  onActivateRow?: (index: number, row: Row, query: RowQuery, shift: boolean) => void;
}

const NO_SCOPE: TableScope = {};
const NO_WIDTHS: ContentWidths = {};

/** The widest cell of each column among `rows`, as drawn (addresses in the monospace font, 12px). */
function measureCells(columns: ColumnInfo[], rows: VisibleRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  const text = fontOf('400');
  const mono = fontOf('400', true, '12px');
  for (const c of columns) {
    const font = c.kind === 'address' ? mono : text;
    let w = 0;
    for (const r of rows) if (r.row) w = Math.max(w, textWidth(fmtCell(c.kind, r.row[c.id] ?? null, c.id).text, font));
    out[c.id] = w;
  }
  return out;
}

/** Whether any column of `seen` is wider than in `known`. */
function wider(known: ContentWidths, seen: ContentWidths): boolean {
  return Object.keys(seen).some((id) => seen[id] > (known[id] ?? 0) + 0.5);
}

export function DataTable({
  source,
  text,
  controls,
  clock,
  data,
  toolbar,
  scope = NO_SCOPE,
  onActivateRow,
}: DataTableProps) {
  const { sort, fullPath } = controls;
  const { columns, error: columnsError } = useTableColumns(source, data.version);

  // No debounce: each keystroke queries at once, and useRowWindow keeps only the newest waiting.
  const filterText = controls.filterText.trim();
  const clockMin = clock.applies ? clock.win?.min : undefined;
  const clockMax = clock.applies ? clock.win?.max : undefined;
  // By value: a parent's new scope object with the same contents asks nothing again.
  const scopeKey = JSON.stringify(scope);
  const filter = useMemo<TableFilter>(() => {
    const { site, type } = JSON.parse(scopeKey) as TableScope;
    const f: TableFilter = {};
    if (filterText) f.text = filterText;
    if (clockMin !== undefined) f.clockMin = clockMin;
    if (clockMax !== undefined) f.clockMax = clockMax;
    if (site) f.site = site;
    if (type !== undefined) f.type = type;
    return f;
  }, [filterText, clockMin, clockMax, scopeKey]);
  const query = useMemo<RowQuery>(() => {
    const { view, ignore } = JSON.parse(scopeKey) as TableScope;
    return { sort, filter, fullPath, view, ignore };
  }, [sort, filter, fullPath, scopeKey]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // A table opened from a suspect takes the focus (data/table-focus.ts).
  useEffect(() => {
    if (takeTableFocus()) scrollRef.current?.focus({ preventScroll: true });
  }, []);
  // One table is in the page at a time: "/" goes to its filter.
  const filterRef = useRef<HTMLInputElement>(null);
  useSlashFocus(filterRef);

  const [range, setRange] = useState<[number, number]>([0, 0]);
  const rows = useRowWindow(source, query, data.version, data.epoch, range[0], range[1]);
  const count = rows.matched ?? 0;
  const pages = useRowPages(count);
  const view = useFixedRows(scrollRef, pages.count, {
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: 12,
  });
  const first = pages.start + Math.max(0, view.first);
  const last = pages.start + Math.max(0, view.last);
  // State, not a value: the range depends on the row count useRowWindow returns; a change renders again at once.
  if (range[0] !== first || range[1] !== last) setRange([first, last]);
  const activate = (index: number, shift = false) => {
    const row = rows.rowAt(index);
    if (row && onActivateRow) onActivateRow(index, row, query, shift);
  };
  const keys = useGridKeys(count, pages, view, onActivateRow ? activate : undefined);

  const startAt = (page: number) => {
    pages.setPage(page);
    keys.setActive(null);
    view.scrollToTop();
  };
  // A new order, filter or file starts at the top; a refresh of the same parse keeps the place.
  const loadId = data.epoch.loadId;
  const [place, setPlace] = useState({ key: rows.key, loadId });
  if (place.key !== rows.key || place.loadId !== loadId) {
    setPlace({ key: rows.key, loadId });
    pages.setPage(0);
    keys.setActive(null);
  }
  const { scrollToTop } = view;
  useEffect(() => {
    scrollToTop();
  }, [scrollToTop, place]);

  const exp = useExport(source, query, text.exportName);

  // Only the rows in view go to TanStack Table: the worker holds the table, the cache a few blocks.
  const visible: VisibleRow[] = [];
  for (let i = Math.max(0, view.first); i <= view.last; i++)
    visible.push({ index: pages.start + i, pageIndex: i, row: rows.rowAt(pages.start + i) });
  const table = useGridTable(columns, visible, sort, controls.onSortChange);

  // Columns as wide as the widest cell drawn so far: they widen as wider rows come into view, and
  // keep their width while the same table is shown (a sort or a scroll does not make them jump).
  const measureKey = `${columns.map((c) => c.id).join(',')}|${fullPath}|${loadId}`;
  const [measured, setMeasured] = useState<{ key: string; widths: ContentWidths }>({ key: '', widths: NO_WIDTHS });
  const known = measured.key === measureKey ? measured.widths : NO_WIDTHS;
  const seen = measureCells(columns, visible);
  if (measured.key !== measureKey || wider(known, seen)) {
    const merged: Record<string, number> = { ...known };
    for (const id of Object.keys(seen)) merged[id] = Math.max(merged[id] ?? 0, seen[id]);
    setMeasured({ key: measureKey, widths: merged });
  }
  const layout = useMemo(() => columnLayout(columns, fullPath, known), [columns, fullPath, known]);
  const showFullPath = toolbar?.showFullPath ?? hasFileColumn(columns);
  const error = rows.error ?? columnsError;
  const empty =
    rows.matched !== 0
      ? null
      : rows.total === 0
        ? text.emptyText
        : `No rows match${filterText ? ` “${filterText}”` : ''}${filter.clockMin !== undefined ? ' in the clock window' : ''}.`;

  return (
    <section className="table-view">
      <TableToolbar
        start={toolbar?.start}
        filter={{
          label: text.label,
          text: controls.filterText,
          placeholder: text.filterPlaceholder,
          onChange: controls.onFilterTextChange,
        }}
        filterRef={filterRef}
        counts={{ matched: rows.matched, total: rows.total }}
        notes={{ clockWindowIgnored: !!clock.win && !clock.applies, sortKeys: sort.length }}
        paging={{ pages, onPage: startAt }}
        exp={exp}
        fullPath={showFullPath ? { checked: fullPath, onChange: controls.onFullPathChange } : null}
      />
      {error && (
        <div className="banner banner-error" role="alert">
          Could not load rows: {error}
        </div>
      )}
      <ExportError exp={exp} />
      <Grid
        scrollRef={scrollRef}
        label={text.label}
        table={table}
        layout={layout}
        rows={{ count, pageCount: pages.count, loading: rows.loading }}
        keys={keys}
        empty={empty}
        onActivate={onActivateRow ? activate : undefined}
      />
    </section>
  );
}
