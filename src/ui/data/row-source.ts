// Where a DataTable's rows come from: one table of the worker's (the live objects, the phases, the
// comparison, …), paged, sorted, filtered and exported there. Each source is created once per table
// and moment (cached), so its identity is stable across renders.

import type {
  ColumnInfo,
  CompareBy,
  ExportFormat,
  IgnoreList,
  RowPage,
  SortSpec,
  TableFilter,
  TableId,
  TimeView,
} from '../../engine/types.ts';
import { ask } from './worker-client.ts';

/** What the table shows: its order, its filter, whether file names are full paths, the moment and what is ignored. */
export interface RowQuery {
  sort: SortSpec[];
  filter: TableFilter;
  fullPath: boolean;
  /** The heap at an instant or the growth over a window (none: the end of the log). */
  view?: TimeView;
  ignore?: IgnoreList;
}

export interface RowSource {
  /** Names the rows (for caches and file names): `live`, `growth-types`, `compare-types`, … */
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

const MIME: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };

const tableSources = new Map<string, RowSource>();

/** The rows of a worker table at a moment: `live`, `heap-types`, `growth-objects`, `phases`, … */
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
      columns: () => ask('columns', { table, view: COLUMN_VIEWS[moment] }),
      rows: (q, offset, limit) => ask('rows', { ...query(q), offset, limit }),
      export: async (q, format) => new Blob(await ask('export', { ...query(q), format }), { type: MIME[format] }),
    };
    tableSources.set(id, s);
  }
  return s;
}

/** The comparison per type or per site. */
export const compareSource = (by: CompareBy): RowSource =>
  tableSource(by === 'type' ? 'compare-types' : by === 'site' ? 'compare-sites' : 'compare-phases');

/** Biggest growth of live objects first (the worker's natural order, made visible in the header). */
export const COMPARE_DEFAULT_SORT: SortSpec[] = [{ column: 'liveDiff', desc: true }];
