// Leak suspects: allocation sites (and types) ranked by how much they look like a leak, from what
// the log shows. For each, one pass over the events follows its live count (the seed's bookkeeping:
// a NEW adds one to its site, the DEL that pairs it or the NEW that replaces it takes it back) and
// samples it at the ends of SEGMENTS equal spans of the run's clock. Then (README, "Leak suspects"):
//   live       objects still alive at the end
//   survival   live / NEWs: the share of what it made that it kept
//   steadiness the share of the segments since its first NEW (at least MIN_SPAN) in which its live
//              count reached a new high: ~1 for a steady leak, small for a cache that filled and
//              then plateaued, whatever their sizes
//   score      steadiness × survival × log2(1 + live)
// A site whose objects were all freed (live 0) never appears.

import type { LogStore } from '../store/log-store.ts';
import { isDelOf, typeIdOf } from '../store/type-kind.ts';
import type { IgnoreMasks } from './ignore.ts';

export const SEGMENTS = 32;
const MIN_SPAN = 4;

export interface SuspectScore {
  /** Site id or type id. */
  key: number;
  score: number;
  live: number;
  created: number;
  survival: number;
  steadiness: number;
  /** Clock of its first NEW. */
  firstClock: number;
  /** Live count at the start and at the end of each segment (SEGMENTS + 1 values). */
  sparkline: number[];
}

/** Suspects by site or by type, best first, at most `limit`. */
export function leakSuspects(
  s: LogStore,
  by: 'site' | 'type',
  limit: number,
  ignore: IgnoreMasks | null,
): SuspectScore[] {
  const n = s.eventCount;
  const keys = by === 'site' ? s.sites.size : s.types.size;
  if (n === 0 || keys === 0) return [];
  const keyOf = by === 'site' ? (e: number) => s.site.get(e) : (e: number) => s.typeOf(e);
  const live = new Int32Array(keys);
  const created = new Int32Array(keys);
  const firstSeg = new Int32Array(keys).fill(-1);
  const firstEvent = new Int32Array(keys).fill(-1);
  const best = new Int32Array(keys);
  const highs = new Int32Array(keys);
  /** Live counts at each segment end, row-major by segment: filled for every key (keys × 33 ints). */
  const samples = new Int32Array((SEGMENTS + 1) * keys);
  const lo = s.clockFirst ?? 0;
  const span = Math.max((s.clockLast ?? lo) - lo, 1e-9);
  const { pairNew, pairDel, dupOld, dupNew } = s.seed;
  let pair = 0;
  let dup = 0;
  let nextPairDel = pairDel.length > 0 ? pairDel.get(0) : -1;
  let nextDupNew = dupNew.length > 0 ? dupNew.data[0] : -1;
  let seg = 0;
  let segEnd = lo + span / SEGMENTS;
  const ignT = ignore?.types;
  const ignS = ignore?.sites;
  const ignored = (e: number) => ignT !== undefined && (ignT[s.typeOf(e)] | ignS![s.site.get(e)]) === 1;
  const closeSegment = () => {
    seg++;
    samples.set(live, seg * keys);
    for (let k = 0; k < keys; k++) {
      if (firstSeg[k] < 0) continue;
      if (live[k] > best[k]) {
        best[k] = live[k];
        highs[k]++;
      }
    }
  };
  for (let e = 0; e < n; e++) {
    const c = s.clock.get(e);
    while (seg < SEGMENTS - 1 && c > segEnd) {
      closeSegment();
      segEnd = lo + (span * (seg + 1)) / SEGMENTS;
    }
    const tk = s.typeKind.get(e);
    if (isDelOf(tk)) {
      if (e === nextPairDel) {
        const born = pairNew.get(pair);
        if (!ignored(born)) live[keyOf(born)]--;
        nextPairDel = ++pair < pairDel.length ? pairDel.get(pair) : -1;
      }
      continue;
    }
    if (e === nextDupNew) {
      const old = dupOld.data[dup];
      if (!ignored(old)) live[keyOf(old)]--;
      nextDupNew = ++dup < dupNew.length ? dupNew.data[dup] : -1;
    }
    if (ignT && (ignT[typeIdOf(tk)] | ignS![s.site.get(e)]) === 1) continue;
    const k = keyOf(e);
    live[k]++;
    created[k]++;
    if (firstSeg[k] < 0) {
      firstSeg[k] = seg;
      firstEvent[k] = e;
    }
  }
  while (seg < SEGMENTS) closeSegment();
  const out: SuspectScore[] = [];
  for (let k = 0; k < keys; k++) {
    if (live[k] <= 0 || created[k] === 0) continue;
    const steadiness = highs[k] / Math.max(MIN_SPAN, SEGMENTS - firstSeg[k]);
    const survival = live[k] / created[k];
    const score = steadiness * survival * Math.log2(1 + live[k]);
    if (!(score > 0)) continue;
    out.push({
      key: k,
      score,
      live: live[k],
      created: created[k],
      survival,
      steadiness,
      firstClock: s.clock.get(firstEvent[k]),
      sparkline: [],
    });
  }
  out.sort((a, b) => b.score - a.score || b.live - a.live || a.key - b.key);
  const top = out.slice(0, limit);
  for (const x of top) {
    const line: number[] = [];
    for (let g = 0; g <= SEGMENTS; g++) line.push(samples[g * keys + x.key]);
    x.sparkline = line;
  }
  return top;
}
