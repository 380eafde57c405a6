// The "Leak suspects" section of the text report.

import { siteLabel } from '../shared/names.ts';
import type { Suspect } from '../engine/types.ts';

const BARS = ' ▁▂▃▄▅▆▇█';

/** A sparkline of values, one character each. */
export function sparkline(values: number[]): string {
  const max = Math.max(1, ...values);
  return values.map((v) => BARS[Math.max(0, Math.round((v / max) * (BARS.length - 1)))]).join('');
}

export function suspectLines(suspects: Suspect[], fullPath: boolean): string[] {
  const lines = [
    `Leak suspects [${suspects.length}] (leaks first; score = steadiness × survival × log2(1 + live); see the README):`,
  ];
  if (suspects.length === 0) lines.push('    none: every object made at a site was freed, or no site keeps growing');
  suspects.forEach((x, i) => {
    const where = x.by === 'site' ? siteLabel(x, fullPath) : x.type;
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${where}  ${x.verdict}: ${x.reason}\n      score ${x.score.toFixed(2)}  live ${x.live} of ${x.new} made (${(x.survival * 100).toFixed(0)}%)` +
        `  steady ${(x.steadiness * 100).toFixed(0)}%  since ${x.firstClock.toFixed(6)}  ${x.by === 'site' ? x.type + '  ' : ''}${sparkline(x.sparkline)}`,
    );
  });
  return lines;
}
