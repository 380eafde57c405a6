// Runs a TableQuery: filter, sort (stable, several keys), then one page of rows. The filtered and
// sorted order is cached, so scrolling asks only for the rows it shows.
//
// A filter keystroke must not re-sort: the order of every row under the table's last sort is
// kept, and a filter is a mask over the rows (row-mask.ts) picked out of it (stable sorting and
// filtering commute, so this is the order sorting the kept rows gives). When the new text
// contains the previous one it keeps a subset of that answer's rows: it picks out of the answer.

import type { LogStore } from '../store/log-store.ts';
import type {
  ColumnInfo,
  IgnoreList,
  Row,
  RowPage,
  SortSpec,
  TableFilter,
  TableId,
  TableQuery,
  TimeView,
} from '../types.ts';
import { derivedOf, type Derived } from './derived.ts';
import { filterText, isAddressText } from './event-filter.ts';
import { sortRowsByKey } from './radix-sort.ts';
import { gather } from './row-mask.ts';
import { tableDef, type TableDef } from './tables/index.ts';
import { leakQueriesOf } from './leak-queries.ts';
import type { ViewContext } from './tables/view-context.ts';

/** The last answer of a table, with what a refinement needs to know of it. */
interface Answer {
  key: string;
  sortKey: string;
  text: string;
  /** The filter apart from its text. */
  rest: string;
  order: Uint32Array;
}

interface Sorted {
  key: string;
  order: Uint32Array;
}

/** What is cached of one table, all for one state of the store. */
interface TableState {
  stamp: string;
  natural: Uint32Array | null;
  /** Every row under the last sort asked. */
  sorted: Sorted | null;
  answer: Answer | null;
}

/** What the tables need beyond the store: when answers go stale, and the tables computed whole. */
export interface TableSources {
  /** Changes whenever any answer may change (the engine's stamp). */
  stamp(): number;
  /** The phases and comparison tables (row-tables.ts), kept by the engine; null for the store's own tables. */
  rowTable(table: TableId, fullPath: boolean, ignore: IgnoreList | undefined): TableDef | null;
}

export class TableQueries {
  readonly derived: Derived;
  private states = new Map<TableId, TableState>();
  /** The view of the last query, reused while the store, the view and the ignore list stay the same. */
  private lastView: { stamp: string; view: TimeView | undefined; ignore: string; ctx: ViewContext } | null = null;
  /** Working space of gather(), kept for the next keystroke. */
  private scratch = new Uint32Array(0);

  constructor(
    private readonly store: LogStore,
    private readonly sources: TableSources,
  ) {
    this.derived = derivedOf(store);
  }

  private def(table: TableId, fullPath: boolean, view?: TimeView, ignore?: IgnoreList): TableDef {
    return (
      this.sources.rowTable(table, fullPath, ignore) ??
      tableDef(table, this.store, this.derived, this.view(view, ignore), fullPath)
    );
  }

  private view(view: TimeView | undefined, ignore: IgnoreList | undefined): ViewContext {
    const stamp = this.stamp();
    const ignoreText = JSON.stringify(ignore ?? null);
    const last = this.lastView;
    if (
      last &&
      last.stamp === stamp &&
      JSON.stringify(last.view ?? null) === JSON.stringify(view ?? null) &&
      last.ignore === ignoreText
    )
      return last.ctx;
    const ctx = leakQueriesOf(this.store).view(view, ignore);
    this.lastView = { stamp, view, ignore: ignoreText, ctx };
    return ctx;
  }

  /** The columns of a table (they differ by view: a growth window has its own). */
  columns(table: TableId, view?: TimeView): ColumnInfo[] {
    return this.def(table, false, view).columns.map(({ id, title, kind }) => ({ id, title, kind }));
  }

  private stamp(): string {
    return String(this.sources.stamp());
  }

  /** The cache of a table, emptied when the store changed. */
  private state(table: TableId, viewKey: string): TableState {
    const stamp = `${this.stamp()}/${viewKey}`;
    const st = this.states.get(table);
    if (st && st.stamp === stamp) return st;
    const fresh: TableState = { stamp, natural: null, sorted: null, answer: null };
    this.states.set(table, fresh);
    return fresh;
  }

  /** The full filtered, sorted order of row ids (cached per table). */
  order(q: Omit<TableQuery, 'offset' | 'limit'>): { def: TableDef; order: Uint32Array; total: number } {
    const def = this.def(q.table, !!q.fullPath, q.view, q.ignore);
    const st = this.state(q.table, this.view(q.view, q.ignore).key);
    const f: TableFilter = q.filter ?? {};
    const sort = (q.sort ?? []).filter((s) => def.columns.some((c) => c.id === s.column));
    // File sort keys depend on fullPath (basename or path ranks).
    const sortKey = JSON.stringify([sort, !!q.fullPath]);
    const text = filterText(f);
    const rest = JSON.stringify([
      f.clockMin ?? null,
      f.clockMax ?? null,
      f.lifetimeMin ?? null,
      f.lifetimeMax ?? null,
      f.site ?? null,
      f.type ?? null,
    ]);
    const key = JSON.stringify([sortKey, text, rest]);
    st.natural ??= def.rows();
    const natural = st.natural;
    const total = natural.length;
    const prev = st.answer;
    if (prev && prev.key === key) return { def, order: prev.order, total };

    let order: Uint32Array;
    const mask = def.mask(f);
    if (!mask) {
      order = this.sortedRows(def, st, sort, sortKey);
    } else if (prev && prev.sortKey === sortKey && prev.rest === rest && refines(prev.text, text)) {
      order = this.gather(prev.order, mask);
    } else {
      const all = this.cachedSorted(st, sort, sortKey);
      if (all) {
        order = this.gather(all, mask);
      } else {
        order = this.gather(natural, mask);
        // Sort every row when most are kept (the next keystrokes pick from it), else only the kept.
        if (order.length * 2 >= total) order = this.gather(this.sortedRows(def, st, sort, sortKey), mask);
        else order = sortRows(def, order, sort);
      }
    }
    st.answer = { key, sortKey, text, rest, order };
    return { def, order, total };
  }

  private gather(order: Uint32Array, mask: Uint8Array): Uint32Array {
    if (this.scratch.length < order.length + 1) this.scratch = new Uint32Array(order.length + 1);
    return gather(order, mask, this.scratch);
  }

  private cachedSorted(st: TableState, sort: SortSpec[], sortKey: string): Uint32Array | null {
    if (sort.length === 0) return st.natural;
    return st.sorted?.key === sortKey ? st.sorted.order : null;
  }

  /** Every row under the sort (natural order for none; the table's last sort is kept). */
  private sortedRows(def: TableDef, st: TableState, sort: SortSpec[], sortKey: string): Uint32Array {
    if (sort.length === 0) return st.natural!;
    if (st.sorted?.key !== sortKey) st.sorted = { key: sortKey, order: sortRows(def, st.natural!, sort) };
    return st.sorted.order;
  }

  page(q: TableQuery): RowPage {
    const { def, order, total } = this.order(q);
    const offset = Math.max(0, Math.min(q.offset, order.length));
    const end = Math.min(order.length, offset + Math.max(0, q.limit));
    const rows: Row[] = [];
    for (let i = offset; i < end; i++) {
      const r = order[i];
      const row: Row = {};
      for (const c of def.columns) row[c.id] = c.value(r);
      rows.push(row);
    }
    return { total, matched: order.length, offset, rows };
  }
}

/** Rows sorted by several keys: least significant first, each pass stable. */
function sortRows(def: TableDef, rows: Uint32Array, sort: SortSpec[]): Uint32Array {
  let order = rows;
  for (let k = sort.length - 1; k >= 0; k--) {
    const column = def.columns.find((c) => c.id === sort[k].column)!;
    const keys = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) keys[i] = column.key(order[i]);
    order = sortRowsByKey(order, keys, sort[k].desc);
  }
  return order;
}

/**
 * Does every row matching `text` match `prev`? A text containing the previous one matches fewer
 * names; an address text ("0x…") and a name text match different things, so neither refines the other.
 */
function refines(prev: string, text: string): boolean {
  return prev === '' || (text.includes(prev) && isAddressText(prev) === isAddressText(text));
}
