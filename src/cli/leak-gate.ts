// CI gate: --max-score S fails the run when a leak suspect (an allocation site) scores above S,
// so a build fails on a site that keeps growing rather than on a fixed count of live objects.

import { siteLabel } from '../shared/names.ts';
import type { Suspect } from '../engine/types.ts';

/** The --max-score value, or an error message. */
export function maxScoreOf(text: string): number | string {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0)
    return `--max-score takes a score (a number, 0 or more), not "${text}"`;
  return v;
}

export interface LeakGateVerdict {
  exceeded: boolean;
  lines: string[];
  json: { maxScore: number; exceeded: boolean; over: Suspect[] };
}

/** Every site of `ranked` (all suspects by site, best first) whose score is over maxScore. */
export function checkLeakGate(ranked: Suspect[], maxScore: number, fullPath: boolean): LeakGateVerdict {
  const over = ranked.filter((x) => x.score > maxScore);
  const where = (x: Suspect) => siteLabel(x, fullPath);
  const lines = over.length
    ? [
        `Leak gate: ${over.length} site${over.length === 1 ? '' : 's'} over score ${maxScore}:`,
        ...over.map(
          (x) =>
            `  ${where(x)}: score ${x.score.toFixed(2)} > ${maxScore} (${x.live} ${x.type} live, since ${x.firstClock.toFixed(6)})`,
        ),
      ]
    : [`Leak gate: no site over score ${maxScore}.`];
  return { exceeded: over.length > 0, lines, json: { maxScore, exceeded: over.length > 0, over } };
}
