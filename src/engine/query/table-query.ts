// Runs a TableQuery: filter, sort (stable, several keys), then one window of rows. The filtered and
// sorted order is cached, so scrolling asks only for the rows it shows.

import type { LogStore } from '../log-store.ts';
import type { ColumnInfo, Row, TableId, TableQuery, TableWindow } from '../types.ts';
import { Derived } from './derived.ts';
import { sortRowsByKey } from './radix-sort.ts';
import { tableDef, type TableDef } from './tables.ts';

interface CachedOrder {
  key: string;
  version: number;
  total: number;
  order: Uint32Array;
}

export class TableQueries {
  readonly derived: Derived;
  private cache = new Map<TableId, CachedOrder>();

  constructor(private readonly store: LogStore) {
    this.derived = new Derived(store);
  }

  private def(table: TableId, fullPath: boolean): TableDef {
    return tableDef(table, this.store, this.derived, fullPath);
  }

  columns(table: TableId): ColumnInfo[] {
    return this.def(table, false).columns.map(({ id, title, kind }) => ({ id, title, kind }));
  }

  /** The full filtered, sorted order of row ids (cached per table). */
  order(q: Omit<TableQuery, 'offset' | 'limit'>): { def: TableDef; order: Uint32Array; total: number } {
    const def = this.def(q.table, !!q.fullPath);
    const key = JSON.stringify([q.sort ?? [], q.filter ?? {}, !!q.fullPath]);
    const hit = this.cache.get(q.table);
    if (hit && hit.key === key && hit.version === this.store.version) return { def, order: hit.order, total: hit.total };
    const all = def.rows();
    const pred = def.predicate(q.filter ?? {});
    let order = all;
    if (pred) {
      const kept = new Uint32Array(all.length);
      let n = 0;
      for (let i = 0; i < all.length; i++) if (pred(all[i])) kept[n++] = all[i];
      order = kept.slice(0, n);
    }
    const sort = (q.sort ?? []).filter((s) => def.columns.some((c) => c.id === s.column));
    // Least significant key first; each pass is stable.
    for (let k = sort.length - 1; k >= 0; k--) {
      const column = def.columns.find((c) => c.id === sort[k].column)!;
      const keys = new Float64Array(order.length);
      for (let i = 0; i < order.length; i++) keys[i] = column.key(order[i]);
      order = sortRowsByKey(order, keys, sort[k].desc);
    }
    this.cache.set(q.table, { key, version: this.store.version, total: all.length, order });
    return { def, order, total: all.length };
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
