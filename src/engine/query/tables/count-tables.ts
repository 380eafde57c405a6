// Tables of counts per type and per allocation site. At the end of the log they are the seed's
// numbers; at an instant, the same numbers for the log cut there; over a growth window, alive at its
// start, at its end, the difference, and created in it and still alive at its end.

import type { LogStore } from '../../store/log-store.ts';
import type { TableId } from '../../types.ts';
import type { Derived } from '../derived.ts';
import { byPredicate, col, idsWithAny, siteColumns, textPredicate, type ColumnDef, type TableDef } from './columns.ts';
import type { ViewContext } from './view-context.ts';

export function countTable(id: TableId, s: LogStore, d: Derived, v: ViewContext, fullPath: boolean): TableDef | null {
  if (id === 'types') return v.kind === 'growth' ? typeGrowth(s, d, v) : typeCounts(s, d, v);
  if (id === 'sites') return v.kind === 'growth' ? siteGrowth(s, d, v, fullPath) : siteCounts(s, d, v, fullPath);
  return null;
}

const typeColumn = (s: LogStore, d: Derived) =>
  col(
    'type',
    'Type',
    'text',
    (t) => d.ranks('types')[t],
    (t) => s.types.strings[t],
  );

function growthColumns(from: ArrayLike<number>, to: ArrayLike<number>, created: ArrayLike<number>): ColumnDef[] {
  return [
    col('aliveFrom', 'Alive at A', 'int', (i) => from[i]),
    col('aliveTo', 'Alive at B', 'int', (i) => to[i]),
    col('delta', 'Δ', 'int', (i) => to[i] - from[i]),
    col('createdAlive', 'New in A..B, alive at B', 'int', (i) => created[i]),
  ];
}

function typeCounts(s: LogStore, d: Derived, v: ViewContext): TableDef {
  // The end without an ignore list is the seed's bookkeeping as kept; anything else is counted.
  const counted = v.kind !== 'end' || v.ignore !== null;
  const h = counted ? v.heap() : null;
  const newN = h ? (t: number) => h.typeNew[t] : (t: number) => s.seed.typeNew.data[t] ?? 0;
  const delN = h ? (t: number) => h.typeDel[t] : (t: number) => s.seed.typeDel.data[t] ?? 0;
  const untracked = h ? (t: number) => h.typeUntracked[t] : (t: number) => s.seed.typeUntracked.data[t] ?? 0;
  const live = h ? (t: number) => h.typeAlive[t] : (t: number) => d.liveByType()[t] ?? 0;
  return byPredicate({
    id: 'types',
    rows: () => {
      const ids: number[] = [];
      for (let t = 0; t < s.types.size; t++) if (newN(t) || delN(t)) ids.push(t);
      return Uint32Array.from(ids);
    },
    columns: [
      typeColumn(s, d),
      col('new', 'New', 'int', newN),
      col('del', 'Del', 'int', delN),
      col('net', 'New − Del', 'int', (t) => newN(t) - delN(t)),
      col('untracked', 'Untracked', 'int', untracked),
      col('live', 'Live', 'int', live),
    ],
    predicate: (f) => textPredicate(f, [(t) => s.types.strings[t]]),
  });
}

function typeGrowth(s: LogStore, d: Derived, v: ViewContext): TableDef {
  const g = v.growth();
  return byPredicate({
    id: 'types',
    rows: () => idsWithAny(s.types.size, g.typeFrom, g.typeTo, g.typeCreated),
    columns: [typeColumn(s, d), ...growthColumns(g.typeFrom, g.typeTo, g.typeCreated)],
    predicate: (f) => textPredicate(f, [(t) => s.types.strings[t]]),
  });
}

function topTypeColumn(s: LogStore, d: Derived): ColumnDef {
  const top = () => d.sites().topType;
  return col(
    'topType',
    'Most created type',
    'text',
    (i) => d.ranks('types')[top()[i]] ?? NaN,
    (i) => s.types.strings[top()[i]] ?? null,
  );
}

function sitePredicate(s: LogStore, d: Derived) {
  return (f: Parameters<typeof textPredicate>[0]) =>
    textPredicate(f, [
      (i) => s.files.strings[s.sites.file[i]],
      (i) => s.funcs.strings[s.sites.func[i]],
      (i) => s.types.strings[d.sites().topType[i]] ?? '',
    ]);
}

function siteCounts(s: LogStore, d: Derived, v: ViewContext, fullPath: boolean): TableDef {
  const counted = v.kind !== 'end' || v.ignore !== null;
  const st = () => d.sites();
  const h = counted ? v.heap() : null;
  const created = h ? (i: number) => h.siteNew[i] : (i: number) => st().created[i];
  const live = h ? (i: number) => h.siteAlive[i] : (i: number) => st().live[i];
  const freed = h ? (i: number) => h.siteFreed[i] : (i: number) => st().freed[i];
  return byPredicate({
    id: 'sites',
    rows: () => (h ? idsWithAny(s.sites.size, h.siteNew) : st().ids),
    columns: [
      ...siteColumns(s, d, fullPath),
      col('live', 'Live', 'int', live),
      col('created', 'New', 'int', created),
      col('freed', 'Freed (pairs)', 'int', freed),
      col('typeCount', 'Types', 'int', (i) => st().typeCount[i]),
      topTypeColumn(s, d),
    ],
    predicate: sitePredicate(s, d),
  });
}

function siteGrowth(s: LogStore, d: Derived, v: ViewContext, fullPath: boolean): TableDef {
  const g = v.growth();
  return byPredicate({
    id: 'sites',
    rows: () => idsWithAny(s.sites.size, g.siteFrom, g.siteTo, g.siteCreated),
    columns: [
      ...siteColumns(s, d, fullPath),
      ...growthColumns(g.siteFrom, g.siteTo, g.siteCreated),
      topTypeColumn(s, d),
    ],
    predicate: sitePredicate(s, d),
  });
}
