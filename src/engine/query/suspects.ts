// Leak suspects: allocation sites (and types) holding objects at the end, each with a verdict
// (leaks/judge.ts) and the numbers of the older score (README, "Leak suspects"):
//   live       objects still alive at the end
//   survival   live / NEWs: the share of what it made that it kept
//   steadiness the share of the 32 segments since its first NEW (at least MIN_SPAN) in which its
//              live count reached a new high
//   score      steadiness × survival × log2(1 + live)
// Ranked by verdict first (leaks, most kept first, then fastest growing), then by score.

import type { LogStore } from '../store/log-store.ts';
import { SPANS, SPARK_EVERY, type LeakCurves } from './leaks/curves.ts';
import { judge, type Judgement, type KeyName } from './leaks/judge.ts';

export const SEGMENTS = SPANS / SPARK_EVERY;
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
  judgement: Judgement;
}

/** Every key of the curves holding objects at the end, ranked (see above); `nameOf` names a key for its verdict. */
export function rankSuspects(s: LogStore, curves: LeakCurves, nameOf: (key: number) => KeyName): SuspectScore[] {
  const out: SuspectScore[] = [];
  curves.keys.forEach((key, c) => {
    const live = curves.live[c];
    const created = curves.created[c];
    if (live <= 0 || created === 0) return;
    const sparkline = sparklineOf(curves, c);
    const firstSeg = Math.floor(spanOf(curves, c) / SPARK_EVERY);
    let best = 0;
    let highs = 0;
    for (let g = firstSeg + 1; g <= SEGMENTS; g++)
      if (sparkline[g] > best) {
        best = sparkline[g];
        highs++;
      }
    const steadiness = highs / Math.max(MIN_SPAN, SEGMENTS - firstSeg);
    const survival = live / created;
    const score = steadiness * survival * Math.log2(1 + live);
    out.push({
      key,
      score,
      live,
      created,
      survival,
      steadiness,
      firstClock: s.clock.get(curves.firstEvent[c]),
      sparkline,
      judgement: judge(curves, c, nameOf(key)),
    });
  });
  out.sort(
    (a, b) =>
      leakFirst(a) - leakFirst(b) ||
      (a.judgement.verdict === 'leak' && b.judgement.verdict === 'leak'
        ? b.judgement.kept - a.judgement.kept || b.judgement.growthPerSecond - a.judgement.growthPerSecond
        : 0) ||
      b.score - a.score ||
      b.live - a.live ||
      a.key - b.key,
  );
  return out;
}

const leakFirst = (x: SuspectScore) => (x.judgement.verdict === 'leak' ? 0 : 1);

/** The span of the key's first NEW. */
function spanOf(curves: LeakCurves, c: number): number {
  let t = 0;
  while (t < SPANS - 1 && curves.news[c * SPANS + t] === 0) t++;
  return t;
}

/** Live count at the start (0) and at the end of each of the SEGMENTS segments. */
function sparklineOf(curves: LeakCurves, c: number): number[] {
  const line = [0];
  for (let g = 1; g <= SEGMENTS; g++) line.push(curves.ends[c * SPANS + g * SPARK_EVERY - 1]);
  return line;
}
