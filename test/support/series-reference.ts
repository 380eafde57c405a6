// The reference for the RSS/live chart series: one plain walk over every event, as the worker did
// before src/engine/query/series-index.ts. The index must give exactly this answer; the
// equivalence tests compare against it.

import type { LogStore } from '../../src/engine/store/log-store.ts';
import type { SeriesPoint, SeriesQuery } from '../../src/engine/types.ts';

/** RSS and live-object count over clock, in buckets that keep each bucket's min and max. */
export function rssAndLiveSeriesReference(s: LogStore, q: SeriesQuery): SeriesPoint[] {
  const n = s.eventCount;
  if (n === 0) return [];
  const buckets = Math.max(1, Math.min(10_000, Math.floor(q.buckets)));
  const lo = q.clockMin ?? s.clock.get(0);
  const hi = q.clockMax ?? s.clock.get(n - 1);
  const span = hi - lo;
  const scale = span > 0 ? buckets / span : 0;
  const rssMin = new Float64Array(buckets).fill(Infinity);
  const rssMax = new Float64Array(buckets).fill(-Infinity);
  const liveMin = new Float64Array(buckets).fill(Infinity);
  const liveMax = new Float64Array(buckets).fill(-Infinity);
  const used = new Uint8Array(buckets);

  // Walk events keeping the running live count: a NEW adds one unless it replaced a live address;
  // a DEL removes one unless it was untracked. Both exception lists are in event order.
  let live = 0;
  let dup = 0;
  let untr = 0;
  let rssI = -1;
  let rss = NaN;
  const dupNew = s.seed.dupNew.data;
  const nDup = s.seed.dupNew.length;
  const nUntr = s.seed.untracked.length;
  let nextUntr = nUntr > 0 ? s.seed.untracked.get(0) : -1;
  const rssEv = s.rss.event.data;
  const nRss = s.rss.event.length;
  for (let e = 0; e < n; e++) {
    const tk = s.typeKind.get(e);
    if (tk & 1) {
      if (e === nextUntr) nextUntr = ++untr < nUntr ? s.seed.untracked.get(untr) : -1;
      else live--;
    } else if (dup < nDup && dupNew[dup] === e) dup++;
    else live++;
    while (rssI + 1 < nRss && rssEv[rssI + 1] <= e) rss = s.rss.value[++rssI];
    const c = s.clock.get(e);
    if (c < lo || c > hi) continue;
    let b = Math.floor((c - lo) * scale);
    if (b >= buckets) b = buckets - 1;
    used[b] = 1;
    if (live < liveMin[b]) liveMin[b] = live;
    if (live > liveMax[b]) liveMax[b] = live;
    if (rss === rss) {
      if (rss < rssMin[b]) rssMin[b] = rss;
      if (rss > rssMax[b]) rssMax[b] = rss;
    }
  }
  const out: SeriesPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    if (!used[b]) continue;
    out.push({
      clock: span > 0 ? lo + b / scale : lo,
      rssMin: rssMin[b] === Infinity ? NaN : rssMin[b],
      rssMax: rssMax[b] === -Infinity ? NaN : rssMax[b],
      liveMin: liveMin[b],
      liveMax: liveMax[b],
    });
  }
  return out;
}
