// Where a DataTable's rows come from. A worker table (live, pairs, …) is sorted, filtered, sliced
// and exported by the worker; the comparison of two logs comes from the worker's compare(). Each
// source is created once per table (cached), so its identity is stable across renders.

import type { ColumnInfo, IgnoreList, Row, SortSpec, TableFilter, TableId, TimeView } from '../../engine/types.ts';
import { getApi, type CompareBy, type ExportFormat } from './worker-client.ts';

/** What the table shows: its order, its filter, whether file names are full paths, the moment and what is ignored. */
export interface RowQuery {
  sort: SortSpec[];
  filter: TableFilter;
  fullPath: boolean;
  /** The heap at an instant or the growth over a window (none: the end of the log). */
  view?: TimeView;
  ignore?: IgnoreList;
}

export interface RowPage {
  /** Rows before filtering. */
  total: number;
  /** Rows matching the filter. */
  matched: number;
  rows: Row[];
}

export interface RowSource {
  /** Names the rows (for caches and file names): `live`, `growth-types`, `compare-type`, … */
  id: string;
  columns(): Promise<ColumnInfo[]>;
  rows(q: RowQuery, offset: number, limit: number): Promise<RowPage>;
  /** The whole table as shown (filter and sort applied) as a file. */
  export(q: RowQuery, format: ExportFormat): Promise<Blob>;
}

/** Which moment a worker table shows: the end of the log, an instant T, or a growth window. */
export type Moment = 'end' | 'at' | 'growth';

/** A view of each moment, for asking the columns (a growth window has its own; the instants do not matter). */
const COLUMN_VIEWS: Record<Moment, TimeView | undefined> = {
  end: undefined,
  at: { at: 0 },
  growth: { from: 0, to: 0 },
};

const tableSources = new Map<string, RowSource>();

/** The rows of a worker table at a moment: `live`, `heap-types`, `growth-objects`, … */
export function tableSource(table: TableId, moment: Moment = 'end'): RowSource {
  const id =
    moment === 'end' ? table : `${moment === 'at' ? 'heap' : 'growth'}-${table === 'live' ? 'objects' : table}`;
  let s = tableSources.get(id);
  if (!s) {
    const query = (q: RowQuery) => ({
      table,
      sort: q.sort,
      filter: q.filter,
      fullPath: q.fullPath,
      view: q.view,
      ignore: q.ignore,
    });
    s = {
      id,
      columns: () => getApi().columns(table, COLUMN_VIEWS[moment]),
      rows: (q, offset, limit) => getApi().table({ ...query(q), offset, limit }),
      export: (q, format) => getApi().exportTable(query(q), format),
    };
    tableSources.set(id, s);
  }
  return s;
}

/** Columns of the comparison: Before (the baseline), After (the open log) and Δ for New, Del and Live. */
export function compareColumns(by: CompareBy): ColumnInfo[] {
  const n = (id: string, title: string): ColumnInfo => ({ id, title, kind: 'int' });
  return [
    { id: 'key', title: by === 'type' ? 'Type' : 'Site (file:line:function)', kind: 'text' },
    n('newA', 'New before'),
    n('newB', 'New after'),
    n('newDiff', 'New Δ'),
    n('delA', 'Del before'),
    n('delB', 'Del after'),
    n('delDiff', 'Del Δ'),
    n('liveA', 'Live before'),
    n('liveB', 'Live after'),
    n('liveDiff', 'Live Δ'),
  ];
}

/** Biggest growth of live objects first (the worker's natural order, made visible in the header). */
export const COMPARE_DEFAULT_SORT: SortSpec[] = [{ column: 'liveDiff', desc: true }];

const compareSources = new Map<CompareBy, RowSource>();

export function compareSource(by: CompareBy): RowSource {
  let s = compareSources.get(by);
  if (!s) {
    const columns = compareColumns(by);
    const compare = (q: RowQuery) => ({
      by,
      text: q.filter.text,
      sort: q.sort,
      fullPath: q.fullPath,
      ignore: q.ignore,
    });
    s = {
      id: `compare-${by}`,
      columns: () => Promise.resolve(columns),
      rows: (q, offset, limit) => getApi().compare({ ...compare(q), offset, limit }),
      export: (q, format) => getApi().exportCompare(compare(q), columns, format),
    };
    compareSources.set(by, s);
  }
  return s;
}
