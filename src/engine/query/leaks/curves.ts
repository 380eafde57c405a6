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
import { chunkOf, COLUMN_CHUNK } from '../../store/chunked-columns.ts';
import { isDelOf, typeIdOf } from '../../store/type-kind.ts';
import { isIgnored, type IgnoreMasks } from '../ignore.ts';

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

/** Keys (site or type ids) holding objects at the end, in id order, and each key's index among them (-1: none). */
function keysOf(liveAtEnd: ArrayLike<number>, keyCount: number): { keys: number[]; slot: Int32Array } {
  const keys: number[] = [];
  const slot = new Int32Array(keyCount).fill(-1);
  for (let k = 0; k < keyCount; k++) if ((liveAtEnd[k] ?? 0) > 0) slot[k] = keys.push(k) - 1;
  return { keys, slot };
}

function emptyCurves(
  by: 'site' | 'type',
  keys: number[],
  spanEnd: Float64Array,
  importing: Uint8Array,
  clockFirst: number,
): LeakCurves {
  const m = keys.length;
  return {
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
    importing,
    clockFirst,
  };
}

/**
 * The curves by site and by type, from one pass over the events. `liveAtEnd.site(k)`,
 * `liveAtEnd.type(k)`: a key's live count at the end before the ignore list (keys with none are
 * skipped); `liveEvents`: the NEWs still alive at the end, ascending.
 */
export function leakCurves(
  s: LogStore,
  liveAtEnd: { site: ArrayLike<number>; type: ArrayLike<number> },
  liveEvents: Uint32Array,
  ignore: IgnoreMasks | null,
): { site: LeakCurves; type: LeakCurves } {
  const n = s.eventCount;
  const lo = s.clockFirst ?? 0;
  const span = Math.max((s.clockLast ?? lo) - lo, 1e-9);
  const spanEnd = Float64Array.from({ length: SPANS }, (_, j) => lo + (span * (j + 1)) / SPANS);
  const importing = new Uint8Array(SPANS);
  const sites = keysOf(liveAtEnd.site, s.sites.size);
  const types = keysOf(liveAtEnd.type, s.types.size);
  const out = {
    site: emptyCurves('site', sites.keys, spanEnd, importing, lo),
    type: emptyCurves('type', types.keys, spanEnd, importing, lo),
  };
  if (n === 0 || (sites.keys.length === 0 && types.keys.length === 0)) return out;
  const walk = new CurveWalk(
    s,
    new CurveCounts(out.site, sites.slot),
    new CurveCounts(out.type, types.slot),
    liveEvents,
    SPANS / span,
    ignore,
  );
  // A chunk of the columns at a time: the events' own fields are read from their arrays, not looked up.
  const clocks = new Float64Array(COLUMN_CHUNK);
  for (let from = 0; from < n; from += COLUMN_CHUNK) {
    const to = Math.min(n, from + COLUMN_CHUNK);
    const { typeKind, clock } = s.chunkAt(from, to, clocks);
    walk.chunk(from, to, clock, typeKind, s.site.chunks[chunkOf(from)]);
  }
  walk.finish();
  return out;
}

/** One set of curves being counted (by site or by type): `c` is a key's index among those counted. */
class CurveCounts {
  constructor(
    readonly out: LeakCurves,
    /** Per key id: its index among the counted keys, or -1. */
    readonly slot: Int32Array,
  ) {}

  made(c: number, j: number, e: number, alive: boolean): void {
    const { out } = this;
    out.live[c]++;
    out.created[c]++;
    out.news[c * SPANS + j]++;
    if (alive) out.retained[c * SPANS + j]++;
    if (out.firstEvent[c] < 0) out.firstEvent[c] = e;
  }

  freed(c: number, lifetimeSpans: number): void {
    this.out.live[c]--;
    this.out.lifetimes[c * SPANS + lifetimeSpans]++;
  }

  replaced(c: number): void {
    this.out.live[c]--;
  }

  closeSpan(j: number): void {
    const { live, ends } = this.out;
    for (let c = 0; c < live.length; c++) ends[c * SPANS + j] = live[c];
  }

  /** Kept by the end of span j: those made in it and before. */
  finish(): void {
    const { live, retained } = this.out;
    for (let c = 0; c < live.length; c++)
      for (let t = 1; t < SPANS; t++) retained[c * SPANS + t] += retained[c * SPANS + t - 1];
  }
}

/**
 * One walk's state between chunks. The loop is one method of one class (no closures), so V8
 * compiles it once for every chunk instead of deoptimising on each new closure or on the code
 * between chunks.
 */
class CurveWalk {
  private readonly kinds: Uint8Array;
  // The spans in which each module-level site made objects: an imported module's code runs once.
  private readonly moduleFirst: Int32Array;
  private readonly moduleLast: Int32Array;
  private span = 0;
  private spanEnd: number;
  private pair = 0;
  private dup = 0;
  private nextPairDel: number;
  private nextDupNew: number;
  private nextLive = 0;

  constructor(
    private readonly s: LogStore,
    private readonly bySite: CurveCounts,
    private readonly byType: CurveCounts,
    private readonly liveEvents: Uint32Array,
    private readonly perSpan: number,
    private readonly ignore: IgnoreMasks | null,
  ) {
    this.kinds = siteKinds(s);
    this.moduleFirst = new Int32Array(s.sites.size).fill(-1);
    this.moduleLast = new Int32Array(s.sites.size).fill(-1);
    this.spanEnd = bySite.out.spanEnd[0];
    const { pairDel, dupNew } = s.seed;
    this.nextPairDel = pairDel.length > 0 ? pairDel.get(0) : -1;
    this.nextDupNew = dupNew.length > 0 ? dupNew.data[0] : -1;
  }

  /** Events [from, to), one chunk: their clocks, typeKinds and sites from index 0. */
  chunk(
    from: number,
    to: number,
    clk: Float64Array,
    tks: Uint16Array | Uint32Array,
    siteIds: Uint16Array | Uint32Array,
  ): void {
    const { s, bySite, byType, liveEvents, kinds, moduleFirst, moduleLast, ignore, perSpan } = this;
    const siteSlot = bySite.slot;
    const typeSlot = byType.slot;
    const importing = bySite.out.importing;
    const spanEnds = bySite.out.spanEnd;
    const { pairNew, pairDel, dupOld, dupNew } = s.seed;
    let j = this.span;
    let end = this.spanEnd;
    let pair = this.pair;
    let dup = this.dup;
    let nextPairDel = this.nextPairDel;
    let nextDupNew = this.nextDupNew;
    let nextLive = this.nextLive;
    for (let e = from, k = 0; e < to; e++, k++) {
      const clock = clk[k];
      if (clock > end && j < SPANS - 1) {
        j = this.closeSpans(clock);
        end = spanEnds[j];
      }
      const tk = tks[k];
      if (isDelOf(tk)) {
        if (e === nextPairDel) {
          const born = pairNew.get(pair);
          if (ignore === null || !isIgnored(ignore, s, born)) {
            const cs = siteSlot[s.site.get(born)];
            const ct = typeSlot[s.typeOf(born)];
            if (cs >= 0 || ct >= 0) {
              const life = Math.min(SPANS - 1, Math.floor((clock - s.clock.get(born)) * perSpan));
              if (cs >= 0) bySite.freed(cs, life);
              if (ct >= 0) byType.freed(ct, life);
            }
          }
          nextPairDel = ++pair < pairDel.length ? pairDel.get(pair) : -1;
        }
        continue;
      }
      if (e === nextDupNew) {
        const old = dupOld.data[dup];
        if (ignore === null || !isIgnored(ignore, s, old)) {
          const cs = siteSlot[s.site.get(old)];
          const ct = typeSlot[s.typeOf(old)];
          if (cs >= 0) bySite.replaced(cs);
          if (ct >= 0) byType.replaced(ct);
        }
        nextDupNew = ++dup < dupNew.length ? dupNew.data[dup] : -1;
      }
      const site = siteIds[k];
      const kind = kinds[site];
      if (kind !== 0) {
        if (kind === MACHINERY) importing[j] = 1;
        else {
          if (moduleFirst[site] < 0) moduleFirst[site] = j;
          moduleLast[site] = j;
        }
      }
      const type = typeIdOf(tk);
      if (ignore !== null && (ignore.types[type] | ignore.sites[site]) === 1) continue;
      const cs = siteSlot[site];
      const ct = typeSlot[type];
      if (cs < 0 && ct < 0) continue;
      while (nextLive < liveEvents.length && liveEvents[nextLive] < e) nextLive++;
      const alive = nextLive < liveEvents.length && liveEvents[nextLive] === e;
      if (cs >= 0) bySite.made(cs, j, e, alive);
      if (ct >= 0) byType.made(ct, j, e, alive);
    }
    this.span = j;
    this.spanEnd = end;
    this.pair = pair;
    this.dup = dup;
    this.nextPairDel = nextPairDel;
    this.nextDupNew = nextDupNew;
    this.nextLive = nextLive;
  }

  /** Closes the spans that end before clock (not the last one); returns the span clock is in. */
  private closeSpans(clock: number): number {
    const spanEnds = this.bySite.out.spanEnd;
    let j = this.span;
    while (j < SPANS - 1 && clock > spanEnds[j]) this.closeSpan(j++);
    this.span = j;
    return j;
  }

  private closeSpan(j: number): void {
    this.bySite.closeSpan(j);
    this.byType.closeSpan(j);
  }

  finish(): void {
    const { moduleFirst, moduleLast } = this;
    for (let j = this.span; j < SPANS; j++) this.closeSpan(j);
    const importing = this.bySite.out.importing;
    for (let i = 0; i < moduleFirst.length; i++)
      if (moduleFirst[i] >= 0 && moduleLast[i] - moduleFirst[i] <= 1)
        importing.fill(1, moduleFirst[i], moduleLast[i] + 1);
    this.bySite.finish();
    this.byType.finish();
  }
}
