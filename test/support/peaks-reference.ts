// The reference for the peaks of a run (src/engine/query/peaks.ts): a plain walk over every event
// keeping the seed's live count (a NEW adds one unless it replaced a live address, a DEL takes one
// unless it was untracked) and the RSS in force, read after the last event of each clock (an
// instant T can name).

import type { LogStore } from '../../src/engine/store/log-store.ts';

export interface Instant {
  clock: number;
  live: number;
  /** NaN before the log's first RSS. */
  rss: number;
}

export function replayInstants(s: LogStore): Instant[] {
  const out: Instant[] = [];
  let live = 0;
  let dup = 0;
  let untr = 0;
  let rssI = -1;
  for (let e = 0; e < s.eventCount; e++) {
    if (s.isDel(e)) {
      if (untr < s.seed.untracked.length && s.seed.untracked.get(untr) === e) untr++;
      else live--;
    } else if (dup < s.seed.dupNew.length && s.seed.dupNew.data[dup] === e) dup++;
    else live++;
    while (rssI + 1 < s.rss.event.length && s.rss.event.data[rssI + 1] <= e) rssI++;
    const clock = s.clock.get(e);
    if (e + 1 < s.eventCount && s.clock.get(e + 1) === clock) continue;
    out.push({ clock, live, rss: rssI < 0 ? NaN : s.rss.value[rssI] });
  }
  return out;
}

/** The first instant with the most live objects, and the first with the highest RSS (null without RSS). */
export function referencePeaks(s: LogStore): { live: Instant; rss: Instant | null } {
  const instants = replayInstants(s);
  const live = instants.reduce((a, b) => (b.live > a.live ? b : a));
  const withRss = instants.filter((i) => i.rss === i.rss);
  const rss = withRss.length ? withRss.reduce((a, b) => (b.rss > a.rss ? b : a)) : null;
  return { live, rss };
}
