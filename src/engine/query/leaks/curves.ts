// Each site's (or type's) live count over the run, as a leak hunter reads it: one pass over the
// events follows the seed's bookkeeping per key (a NEW adds one to its key, the DEL that pairs it or
// the NEW that replaces it takes it back) and, for every key still holding objects at the end,
// records per span of the run's clock its live count at the span's end, the NEWs it made there,
// how many of those are still alive at the end, and the lifetimes of those it freed.
//
// The kept curve: kept(j) = its objects alive at the end that were made by the end of span j, i.e.
// what it made by then and never gave back. Objects are followed one by one, so garbage the
// collector frees late (its sawtooth, or only at exit) and batches freed later never count; it
// only rises.

import type { LogStore } from '../../store/log-store.ts';
import { isDelOf, typeIdOf } from '../../store/type-kind.ts';
import type { IgnoreMasks } from '../ignore.ts';

/** Spans of the run's clock: the last one is its last 1%, and every third end is a sparkline point. */
export const SPANS = 96;
/** Sparkline points: the start and the end of each of 32 equal spans. */
export const SPARK_EVERY = 3;

export interface LeakCurves {
  by: 'site' | 'type';
  /** Keys (site or type ids) holding objects at the end, in id order. */
  keys: number[];
  /** Per key (index into keys): live objects at the end, NEWs made, and its first NEW's event. */
  live: Int32Array;
  created: Int32Array;
  firstEvent: Int32Array;
  /** Per key, SPANS values each (row-major by key): live at the span's end, kept by its end, NEWs in it. */
  ends: Int32Array;
  retained: Int32Array;
  news: Int32Array;
  /** Per key, SPANS values each: its freed objects by lifetime, in whole spans (the last holds longer ones). */
  lifetimes: Int32Array;
  /** The clock at the end of each span. */
  spanEnd: Float64Array;
  /** Per span: 1 when a module was imported in it (the import machinery, or module-level code that ran once). */
  importing: Uint8Array;
  clockFirst: number;
}

/** Import machinery (`<frozen importlib._bootstrap>`, `<frozen abc>`, …): it runs while a module is imported. */
export function isImportMachinery(file: string): boolean {
  return file.startsWith('<frozen ');
}

const MACHINERY = 1;
const MODULE_LEVEL = 2;

function siteKinds(s: LogStore): Uint8Array {
  const out = new Uint8Array(s.sites.size);
  for (let i = 0; i < out.length; i++)
    if (isImportMachinery(s.files.strings[s.sites.file[i]])) out[i] = MACHINERY;
    else if (s.funcs.strings[s.sites.func[i]] === '<module>') out[i] = MODULE_LEVEL;
  return out;
}

/**
 * `liveAtEnd(k)`: a key's live count at the end before the ignore list (keys with none are skipped);
 * `liveEvents`: the NEWs still alive at the end, ascending.
 */
export function leakCurves(
  s: LogStore,
  by: 'site' | 'type',
  liveAtEnd: ArrayLike<number>,
  liveEvents: Uint32Array,
  ignore: IgnoreMasks | null,
): LeakCurves {
  const n = s.eventCount;
  const keyCount = by === 'site' ? s.sites.size : s.types.size;
  const keys: number[] = [];
  const slot = new Int32Array(keyCount).fill(-1);
  for (let k = 0; k < keyCount; k++) if ((liveAtEnd[k] ?? 0) > 0) slot[k] = keys.push(k) - 1;
  const m = keys.length;
  const lo = s.clockFirst ?? 0;
  const span = Math.max((s.clockLast ?? lo) - lo, 1e-9);
  const spanEnd = Float64Array.from({ length: SPANS }, (_, j) => lo + (span * (j + 1)) / SPANS);
  const out: LeakCurves = {
    by,
    keys,
    live: new Int32Array(m),
    created: new Int32Array(m),
    firstEvent: new Int32Array(m).fill(-1),
    ends: new Int32Array(m * SPANS),
    retained: new Int32Array(m * SPANS),
    news: new Int32Array(m * SPANS),
    lifetimes: new Int32Array(m * SPANS),
    spanEnd,
    importing: new Uint8Array(SPANS),
    clockFirst: lo,
  };
  if (n === 0 || m === 0) return out;
  const keyOf = by === 'site' ? (e: number) => s.site.get(e) : (e: number) => s.typeOf(e);
  const { live, created, firstEvent, ends, news, importing, lifetimes } = out;
  const perSpan = SPANS / span;
  const kinds = siteKinds(s);
  // The spans in which each module-level site made objects: an imported module's code runs once.
  const moduleFirst = new Int32Array(s.sites.size).fill(-1);
  const moduleLast = new Int32Array(s.sites.size).fill(-1);
  const keptMade = out.retained;
  let nextLive = 0;
  const ignT = ignore?.types;
  const ignS = ignore?.sites;
  const ignored = (e: number) => ignT !== undefined && (ignT[s.typeOf(e)] | ignS![s.site.get(e)]) === 1;
  const { pairNew, pairDel, dupOld, dupNew } = s.seed;
  let pair = 0;
  let dup = 0;
  let nextPairDel = pairDel.length > 0 ? pairDel.get(0) : -1;
  let nextDupNew = dupNew.length > 0 ? dupNew.data[0] : -1;
  let j = 0;
  let end = spanEnd[0];
  const release = (e: number) => {
    if (ignored(e)) return;
    const c = slot[keyOf(e)];
    if (c < 0) return;
    live[c]--;
  };
  const closeSpan = () => {
    const base = j;
    for (let c = 0; c < m; c++) {
      ends[c * SPANS + base] = live[c];
    }
    j++;
  };
  for (let e = 0; e < n; e++) {
    const clock = s.clock.get(e);
    while (j < SPANS - 1 && clock > end) {
      closeSpan();
      end = spanEnd[j];
    }
    const tk = s.typeKind.get(e);
    if (isDelOf(tk)) {
      if (e === nextPairDel) {
        const born = pairNew.get(pair);
        release(born);
        const c = ignored(born) ? -1 : slot[keyOf(born)];
        if (c >= 0) lifetimes[c * SPANS + Math.min(SPANS - 1, Math.floor((clock - s.clock.get(born)) * perSpan))]++;
        nextPairDel = ++pair < pairDel.length ? pairDel.get(pair) : -1;
      }
      continue;
    }
    if (e === nextDupNew) {
      release(dupOld.data[dup]);
      nextDupNew = ++dup < dupNew.length ? dupNew.data[dup] : -1;
    }
    const site = s.site.get(e);
    if (kinds[site] === MACHINERY) importing[j] = 1;
    else if (kinds[site] === MODULE_LEVEL) {
      if (moduleFirst[site] < 0) moduleFirst[site] = j;
      moduleLast[site] = j;
    }
    if (ignT && (ignT[typeIdOf(tk)] | ignS![s.site.get(e)]) === 1) continue;
    const c = slot[keyOf(e)];
    if (c < 0) continue;
    live[c]++;
    created[c]++;
    news[c * SPANS + j]++;
    while (nextLive < liveEvents.length && liveEvents[nextLive] < e) nextLive++;
    if (liveEvents[nextLive] === e) keptMade[c * SPANS + j]++;
    if (firstEvent[c] < 0) firstEvent[c] = e;
  }
  while (j < SPANS) closeSpan();
  for (let i = 0; i < moduleFirst.length; i++)
    if (moduleFirst[i] >= 0 && moduleLast[i] - moduleFirst[i] <= 1)
      importing.fill(1, moduleFirst[i], moduleLast[i] + 1);
  // Kept by the end of span j: those made in it and before.
  for (let c = 0; c < m; c++) for (let t = 1; t < SPANS; t++) keptMade[c * SPANS + t] += keptMade[c * SPANS + t - 1];
  return out;
}
