// One site's live objects over clock (a row's detail): the seed's bookkeeping followed for that site
// alone, sampled at the last event of each bucket.

import type { LogStore } from '../store/log-store.ts';
import { isDelOf } from '../store/type-kind.ts';

import type { LivePoint } from '../types.ts';

export function siteLiveSeries(s: LogStore, site: number, buckets: number): LivePoint[] {
  const n = s.eventCount;
  if (n === 0) return [];
  const lo = s.clockFirst ?? s.clock.get(0);
  const hi = s.clockLast ?? s.clock.get(n - 1);
  const count = Math.max(1, Math.min(5000, Math.floor(buckets)));
  const scale = hi > lo ? count / (hi - lo) : 0;
  const values = new Float64Array(count).fill(NaN);
  const { pairNew, pairDel, dupOld, dupNew } = s.seed;
  let pair = 0;
  let dup = 0;
  let live = 0;
  for (let e = 0; e < n; e++) {
    if (isDelOf(s.typeKind.get(e))) {
      if (pair < pairDel.length && pairDel.get(pair) === e) {
        if (s.site.get(pairNew.get(pair)) === site) live--;
        pair++;
      }
    } else {
      if (dup < dupNew.length && dupNew.data[dup] === e) {
        if (s.site.get(dupOld.data[dup]) === site) live--;
        dup++;
      }
      if (s.site.get(e) === site) live++;
    }
    const c = s.clock.get(e);
    if (c >= lo && c <= hi) values[Math.min(count - 1, Math.floor((c - lo) * scale))] = live;
  }
  const out: LivePoint[] = [];
  for (let b = 0; b < count; b++)
    if (values[b] === values[b]) out.push({ clock: scale ? lo + b / scale : lo, live: values[b] });
  return out;
}
