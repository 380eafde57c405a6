// The peaks of the run: the instant with the most live objects and the one with the highest RSS.
// An instant is a clock T as the heap at T reads it (the log as if it had ended after its last event
// with clock <= T), so T set at a peak's clock shows exactly the peak's count: the walk looks at the
// live count and the RSS after the last event of each clock, not in the middle of a run of events
// sharing one. The live count is the chart's (the seed's bookkeeping: a NEW adds one unless it
// replaced a live address, a DEL takes one unless it was untracked), the whole log, no ignore list.

import type { LogStore } from '../store/log-store.ts';
import { isDelOf } from '../store/type-kind.ts';
import type { Phase } from './phases.ts';

/** One peak: where it is, how high, and the phase it falls in. */
export interface Peak {
  /** The instant T to set: the clock of the event after which the peak holds. */
  clock: number;
  /** Live objects, or RSS in bytes, at that instant. */
  value: number;
  /** The last event at that clock (its index), and its line in the log. */
  event: number;
  line: number;
  /** The phase it falls in, numbered from 1 in clock order as the Phases tab numbers them; null without phases. */
  phase: number | null;
  /** That phase's message (its first line; null for the span before the first message). */
  message: string | null;
}

export interface Peaks {
  /** Null for a log without events. */
  live: Peak | null;
  /** Null for a log without RSS. */
  rss: Peak | null;
}

export function logPeaks(s: LogStore, phases: Phase[]): Peaks {
  const n = s.eventCount;
  const { untracked, dupNew } = s.seed;
  const rssEvent = s.rss.event;
  const rssValue = s.rss.value;
  let live = 0;
  let untr = 0;
  let dup = 0;
  let rssI = -1;
  let bestLive = -Infinity;
  let liveAt = -1;
  let bestRss = -Infinity;
  let rssAt = -1;
  let next = n > 0 ? s.clock.get(0) : NaN;
  for (let e = 0; e < n; e++) {
    if (isDelOf(s.typeKind.get(e))) {
      if (untr < untracked.length && untracked.get(untr) === e) untr++;
      else live--;
    } else if (dup < dupNew.length && dupNew.data[dup] === e) dup++;
    else live++;
    while (rssI + 1 < rssEvent.length && rssEvent.data[rssI + 1] <= e) rssI++;
    const clock = next;
    next = e + 1 < n ? s.clock.get(e + 1) : NaN;
    // Only the last event of a clock is an instant T can name (and a NaN clock none).
    if (clock !== clock || clock === next) continue;
    if (live > bestLive) {
      bestLive = live;
      liveAt = e;
    }
    if (rssI >= 0 && rssValue[rssI] > bestRss) {
      bestRss = rssValue[rssI];
      rssAt = e;
    }
  }
  const peak = (e: number, value: number): Peak => {
    const clock = s.clock.get(e);
    const p = phaseOf(phases, clock);
    return {
      clock,
      value,
      event: e,
      line: s.lineOf(e),
      phase: p < 0 ? null : p + 1,
      message: p < 0 ? null : (phases[p].message?.split('\n')[0] ?? null),
    };
  };
  return {
    live: liveAt < 0 ? null : peak(liveAt, bestLive),
    rss: rssAt < 0 ? null : peak(rssAt, bestRss),
  };
}

/**
 * The index of the phase an event at `clock` belongs to: the last one whose message came before it
 * (an event at a message's own clock belongs to the phase before, query/phases.ts); -1 for none.
 */
export function phaseOf(phases: Phase[], clock: number): number {
  let lo = 0;
  let hi = phases.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const from = phases[mid].from;
    if (from === null || from < clock) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
