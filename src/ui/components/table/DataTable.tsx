// The one table of the viewer. TanStack Table in manual mode owns the sort state and header
// behaviour; the worker sorts and filters; only the rows in view are rendered (useFixedRows: rows
// have one height), so a table of millions scrolls like one of ten. The data given to TanStack is
// only the visible rows.

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SortSpec, TableFilter } from '../../../engine/types.ts';
import { columnLayout, hasFileColumn, HEADER_HEIGHT, ROW_HEIGHT } from '../../display/grid-layout.ts';
import type { DataEpoch } from '../../data/data-epoch.ts';
import type { RowQuery, RowSource } from '../../data/row-source.ts';
import type { VisibleRow } from '../../display/column-defs.ts';
import { useExport } from '../../hooks/use-export.ts';
import { useFixedRows } from '../../hooks/use-fixed-rows.ts';
import { useGridKeys } from '../../hooks/use-grid-keys.ts';
import { useGridTable } from '../../hooks/use-grid-table.ts';
import { useRowPages } from '../../hooks/use-row-pages.ts';
import { useRowWindow } from '../../hooks/use-row-window.ts';
import { useSlashFocus } from '../../hooks/use-slash-focus.ts';
import { useTableColumns } from '../../hooks/use-table-columns.ts';
import { Grid } from './Grid.tsx';
import { ExportError } from './TableExport.tsx';
import { TableToolbar } from './TableToolbar.tsx';

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
  const showFullPath = props.showFullPath ?? hasFileColumn(columns);
  const error = rows.error ?? columnsError;
  const empty =
    rows.matched !== 0
      ? null
      : rows.total === 0
        ? props.emptyText
        : `No rows match${filterText ? ` “${filterText}”` : ''}${filter.clockMin !== undefined ? ' in the clock window' : ''}.`;

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
      <Grid
        scrollRef={scrollRef}
        label={props.label}
        table={table}
        layout={layout}
        rows={{ count, pageCount: pages.count, loading: rows.loading }}
        keys={keys}
        empty={empty}
      />
    </section>
  );
}
