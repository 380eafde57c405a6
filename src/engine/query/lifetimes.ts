// How long objects live: a log-scale histogram of the lifetimes (DEL clock - NEW clock) of the pairs
// of a site or a type, with those still alive at the end, and the temporary ones: a pair whose DEL
// comes before `n` more NEWs have happened since its NEW (memray's rule; n = 1: nothing else was
// created in between). Lots of temporaries at a site is churn, not a leak.

import type { LogStore } from '../store/log-store.ts';
import { isDelOf } from '../store/type-kind.ts';

/** Bucket edges in seconds: < 1 µs, [1 µs, 10 µs), ..., [100 s, ∞). */
export const LIFETIME_EDGES = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100];

export interface LifetimeProfile {
  /** Pairs per bucket (LIFETIME_EDGES.length + 1 buckets). */
  buckets: number[];
  pairs: number;
  /** NEWs of the site or type still alive at the end. */
  alive: number;
  temporary: number;
}

export interface ObjectGroup {
  site?: number;
  type?: number;
}

/** Number of NEW events before each event: the count of "NEWs since" between two events. */
function newsBefore(s: LogStore): Uint32Array {
  const n = s.eventCount;
  const out = new Uint32Array(n + 1);
  let news = 0;
  for (let e = 0; e < n; e++) {
    out[e] = news;
    if (!isDelOf(s.typeKind.get(e))) news++;
  }
  out[n] = news;
  return out;
}

function bucketOf(t: number): number {
  let b = 0;
  while (b < LIFETIME_EDGES.length && t >= LIFETIME_EDGES[b]) b++;
  return b;
}

export function lifetimeProfile(s: LogStore, group: ObjectGroup, temporaryNews = 1): LifetimeProfile {
  const inGroup = (e: number) =>
    (group.site === undefined || s.site.get(e) === group.site) &&
    (group.type === undefined || s.typeOf(e) === group.type);
  const before = newsBefore(s);
  const buckets = new Array<number>(LIFETIME_EDGES.length + 1).fill(0);
  let pairs = 0;
  let temporary = 0;
  const { pairNew, pairDel, liveMap } = s.seed;
  for (let i = 0; i < pairNew.length; i++) {
    const born = pairNew.get(i);
    if (!inGroup(born)) continue;
    const died = pairDel.get(i);
    pairs++;
    buckets[bucketOf(s.clock.get(died) - s.clock.get(born))]++;
    if (before[died] - before[born] - 1 < temporaryNews) temporary++;
  }
  let alive = 0;
  liveMap.forEachValue((e) => {
    if (inGroup(e)) alive++;
  });
  return { buckets, pairs, alive, temporary };
}
