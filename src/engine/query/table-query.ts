// Runs a TableQuery: filter, sort (stable, several keys), then one window of rows. The filtered and
// sorted order is cached, so scrolling asks only for the rows it shows.
//
// A filter keystroke must not re-sort: the order of every row under the table's last sort is
// kept, and a filter is a mask over the rows (row-mask.ts) picked out of it (stable sorting and
// filtering commute, so this is the order sorting the kept rows gives). When the new text
// contains the previous one it keeps a subset of that answer's rows: it picks out of the answer.

import type { LogStore } from '../store/log-store.ts';
import type { ColumnInfo, Row, SortSpec, TableFilter, TableId, TableQuery, TableWindow } from '../types.ts';
import { derivedOf, type Derived } from './derived.ts';
import { filterText, isAddressText } from './event-filter.ts';
import { sortRowsByKey } from './radix-sort.ts';
import { gather } from './row-mask.ts';
import { tableDef, type TableDef } from './tables.ts';

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

export class TableQueries {
  readonly derived: Derived;
  private states = new Map<TableId, TableState>();
  /** Working space of gather(), kept for the next keystroke. */
  private scratch = new Uint32Array(0);

  constructor(private readonly store: LogStore) {
    this.derived = derivedOf(store);
  }

  private def(table: TableId, fullPath: boolean): TableDef {
    return tableDef(table, this.store, this.derived, fullPath);
  }

  columns(table: TableId): ColumnInfo[] {
    return this.def(table, false).columns.map(({ id, title, kind }) => ({ id, title, kind }));
  }

  /**
   * The cache of a table, emptied when the store changed. Messages and problems are not counted
   * by store.version, so their numbers are part of the stamp.
   */
  private state(table: TableId): TableState {
    const s = this.store;
    const stamp = `${s.version}/${s.notes.msgLine.length}/${s.notes.probLine.length}`;
    const st = this.states.get(table);
    if (st && st.stamp === stamp) return st;
    const fresh: TableState = { stamp, natural: null, sorted: null, answer: null };
    this.states.set(table, fresh);
    return fresh;
  }

  /** The full filtered, sorted order of row ids (cached per table). */
  order(q: Omit<TableQuery, 'offset' | 'limit'>): { def: TableDef; order: Uint32Array; total: number } {
    const def = this.def(q.table, !!q.fullPath);
    const st = this.state(q.table);
    const f: TableFilter = q.filter ?? {};
    const sort = (q.sort ?? []).filter((s) => def.columns.some((c) => c.id === s.column));
    // File sort keys depend on fullPath (basename or path ranks).
    const sortKey = JSON.stringify([sort, !!q.fullPath]);
    const text = filterText(f);
    const rest = JSON.stringify([f.clockMin ?? null, f.clockMax ?? null, f.lifetimeMin ?? null, f.lifetimeMax ?? null]);
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

  window(q: TableQuery): TableWindow {
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
    return { table: q.table, total, matched: order.length, offset, rows };
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
