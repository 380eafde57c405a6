// The leak verdict in the text report, and the gate a CI job uses with no number to tune:
// --fail-on-leak exits 1 when any site's verdict is leak, naming each with its reason.

import { siteLabel } from '../shared/names.ts';
import type { LeakReport, Suspect } from '../engine/types.ts';

/** The headline, each finding with its members, and the warnings about the log. */
export function verdictLines(report: LeakReport, fullPath: boolean): string[] {
  const lines = [`Leak verdict: ${report.headline}`];
  report.findings.forEach((f, i) => {
    lines.push(`  ${i + 1}. ${f.reason}`);
    if (f.sites.length > 1)
      for (const x of f.sites)
        lines.push(`       ${siteLabel(x, fullPath)}  ${x.type}  keeps ${x.kept} (live ${x.live})`);
  });
  for (const w of report.warnings) lines.push(`Warning (${w.kind}): ${w.message}`);
  return lines;
}

export interface LeakGate {
  failed: boolean;
  lines: string[];
}

/** Every site whose verdict is leak (`sites`: every site's suspect, leaks first). */
export function failOnLeak(sites: Suspect[], fullPath: boolean): LeakGate {
  const leaks = sites.filter((x) => x.verdict === 'leak');
  if (leaks.length === 0) return { failed: false, lines: ['Leak gate (--fail-on-leak): no site leaks.'] };
  return {
    failed: true,
    lines: [
      `Leak gate (--fail-on-leak): ${leaks.length} site${leaks.length > 1 ? 's' : ''} leak:`,
      ...leaks.map((x) => `  ${siteLabel(x, fullPath)} (${x.type}, ${x.kept} kept): ${x.reason}`),
    ],
  };
}
