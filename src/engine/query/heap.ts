// The heap at an instant and its growth between two, per type and per site, by one pass over the
// events before the instant (ObjectEnds says which NEWs are still alive there). Definitions (README,
// "Finding leaks"): heap at T = what the seed would report had the log ended after its last NEW/DEL
// with clock <= T; growth A->B = alive at A, alive at B, and alive at B with a NEW clock > A.

import type { LogStore } from '../store/log-store.ts';
import { isDelOf, typeIdOf } from '../store/type-kind.ts';
import type { IgnoreMasks } from './ignore.ts';
import { ANY_TIME, type BornWindow } from './tables/moment.ts';

const bornIn = (s: LogStore, e: number, w: BornWindow) => {
  const c = s.clock.get(e);
  return (w.after === -Infinity || c > w.after) && (w.by === Infinity || c <= w.by);
};

/** The log cut after its first `prefix` events. */
export interface HeapCounts {
  prefix: number;
  alive: number;
  typeNew: Int32Array;
  typeDel: Int32Array;
  typeUntracked: Int32Array;
  typeAlive: Int32Array;
  siteNew: Int32Array;
  siteAlive: Int32Array;
  /** NEWs at the site whose object was freed by a DEL before the cut. */
  siteFreed: Int32Array;
}

export function heapCounts(
  s: LogStore,
  ends: Uint32Array,
  prefix: number,
  ignore: IgnoreMasks | null,
  born: BornWindow = ANY_TIME,
): HeapCounts {
  const nTypes = s.types.size;
  const nSites = s.sites.size;
  const h: HeapCounts = {
    prefix,
    alive: 0,
    typeNew: new Int32Array(nTypes),
    typeDel: new Int32Array(nTypes),
    typeUntracked: new Int32Array(nTypes),
    typeAlive: new Int32Array(nTypes),
    siteNew: new Int32Array(nSites),
    siteAlive: new Int32Array(nSites),
    siteFreed: new Int32Array(nSites),
  };
  const ignT = ignore?.types;
  const ignS = ignore?.sites;
  for (let e = 0; e < prefix; e++) {
    const tk = s.typeKind.get(e);
    const t = typeIdOf(tk);
    const site = s.site.get(e);
    if (ignT && (ignT[t] | ignS![site]) === 1) continue;
    if (isDelOf(tk)) {
      h.typeDel[t]++;
      continue;
    }
    h.typeNew[t]++;
    h.siteNew[site]++;
    if (ends[e] >= prefix && bornIn(s, e, born)) {
      h.alive++;
      h.typeAlive[t]++;
      h.siteAlive[site]++;
    }
  }
  const { untracked, pairNew, pairDel } = s.seed;
  for (let i = 0; i < untracked.length; i++) {
    const e = untracked.get(i);
    if (e >= prefix) break;
    const t = s.typeOf(e);
    if (!ignT || (ignT[t] | ignS![s.site.get(e)]) === 0) h.typeUntracked[t]++;
  }
  for (let i = 0; i < pairDel.length; i++) {
    if (pairDel.get(i) >= prefix) break;
    const born = pairNew.get(i);
    const site = s.site.get(born);
    if (!ignT || (ignT[s.typeOf(born)] | ignS![site]) === 0) h.siteFreed[site]++;
  }
  return h;
}

/** Growth from the cut at `from` (prefix fromPrefix) to the cut at `to` (prefix toPrefix). */
export interface GrowthCounts {
  fromPrefix: number;
  toPrefix: number;
  aliveFrom: number;
  aliveTo: number;
  createdAlive: number;
  typeFrom: Int32Array;
  typeTo: Int32Array;
  typeCreated: Int32Array;
  siteFrom: Int32Array;
  siteTo: Int32Array;
  siteCreated: Int32Array;
}

export function growthCounts(
  s: LogStore,
  ends: Uint32Array,
  from: number,
  fromPrefix: number,
  toPrefix: number,
  ignore: IgnoreMasks | null,
): GrowthCounts {
  const nTypes = s.types.size;
  const nSites = s.sites.size;
  const g: GrowthCounts = {
    fromPrefix,
    toPrefix,
    aliveFrom: 0,
    aliveTo: 0,
    createdAlive: 0,
    typeFrom: new Int32Array(nTypes),
    typeTo: new Int32Array(nTypes),
    typeCreated: new Int32Array(nTypes),
    siteFrom: new Int32Array(nSites),
    siteTo: new Int32Array(nSites),
    siteCreated: new Int32Array(nSites),
  };
  const ignT = ignore?.types;
  const ignS = ignore?.sites;
  const last = Math.max(fromPrefix, toPrefix);
  for (let e = 0; e < last; e++) {
    const tk = s.typeKind.get(e);
    if (isDelOf(tk)) continue;
    const t = typeIdOf(tk);
    const site = s.site.get(e);
    if (ignT && (ignT[t] | ignS![site]) === 1) continue;
    const end = ends[e];
    if (e < fromPrefix && end >= fromPrefix) {
      g.aliveFrom++;
      g.typeFrom[t]++;
      g.siteFrom[site]++;
    }
    if (e < toPrefix && end >= toPrefix) {
      g.aliveTo++;
      g.typeTo[t]++;
      g.siteTo[site]++;
      if (s.clock.get(e) > from) {
        g.createdAlive++;
        g.typeCreated[t]++;
        g.siteCreated[site]++;
      }
    }
  }
  return g;
}

/** Event ids of the NEWs alive after the first `prefix` events and made in the window, in event order. */
export function aliveRows(
  s: LogStore,
  ends: Uint32Array,
  prefix: number,
  born: BornWindow,
  ignore: IgnoreMasks | null,
): Uint32Array {
  let n = 0;
  const out = new Uint32Array(prefix);
  const ignT = ignore?.types;
  const ignS = ignore?.sites;
  for (let e = 0; e < prefix; e++) {
    if (ends[e] < prefix) continue;
    const tk = s.typeKind.get(e);
    if (isDelOf(tk)) continue;
    if (!bornIn(s, e, born)) continue;
    if (ignT && (ignT[typeIdOf(tk)] | ignS![s.site.get(e)]) === 1) continue;
    out[n++] = e;
  }
  return out.slice(0, n);
}
