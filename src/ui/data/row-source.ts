// Where a DataTable's rows come from. A worker table (live, pairs, …) is sorted, filtered, sliced
// and exported by the worker; the comparison of two logs comes from the worker's compare(). Each
// source is created once per table (cached), so its identity is stable across renders.

import type { ColumnInfo, Row, SortSpec, TableFilter, TableId } from '../../engine/types.ts';
import { getApi, type CompareBy, type ExportFormat } from './worker-client.ts';

/** What the table shows: its order, its filter, and whether file names are full paths. */
export interface RowQuery {
  sort: SortSpec[];
  filter: TableFilter;
  fullPath: boolean;
}

export interface RowPage {
  /** Rows before filtering. */
  total: number;
  /** Rows matching the filter. */
  matched: number;
  rows: Row[];
}

export interface RowSource {
  /** Names the rows (for caches and file names): `live`, `compare-type`, … */
  id: string;
  columns(): Promise<ColumnInfo[]>;
  rows(q: RowQuery, offset: number, limit: number): Promise<RowPage>;
  /** The whole table as shown (filter and sort applied) as a file. */
  export(q: RowQuery, format: ExportFormat): Promise<Blob>;
}

const tableSources = new Map<TableId, RowSource>();

export function tableSource(table: TableId): RowSource {
  let s = tableSources.get(table);
  if (!s) {
    s = {
      id: table,
      columns: () => getApi().columns(table),
      rows: (q, offset, limit) => getApi().table({ table, sort: q.sort, filter: q.filter, fullPath: q.fullPath, offset, limit }),
      export: (q, format) => getApi().exportTable({ table, sort: q.sort, filter: q.filter, fullPath: q.fullPath }, format),
    };
    tableSources.set(table, s);
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
    const compare = (q: RowQuery) => ({ by, text: q.filter.text, sort: q.sort, fullPath: q.fullPath });
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
