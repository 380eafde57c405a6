// How right the leak verdicts are on the real corpus (test/fixtures/leaks, releases): leak sites
// flagged (recall) and other sites flagged (false alarms), for the set the rules were designed on
// and the held-out set, plus how long judging a log takes.

import { corpusLogs, engineOf, scoreAll } from '../support/leak-corpus.ts';

export function benchVerdicts(): string[] {
  const logs = corpusLogs();
  const lines: string[] = [];
  for (const [name, set] of [
    ['designed', logs.filter((l) => !l.holdout)],
    ['held out', logs.filter((l) => l.holdout)],
  ] as const) {
    const s = scoreAll(set);
    const leaking = set.filter((l) => l.leaks.length > 0).length;
    lines.push(
      `leak verdicts, ${name} (${set.length} real logs, ${leaking} leaking): recall ${s.flagged}/${s.leakSites} ` +
        `(${((s.flagged / Math.max(1, s.leakSites)) * 100).toFixed(0)}%), false alarms ${s.falseAlarms.length}`,
    );
  }
  const engine = engineOf('leaks/busy-traceback.log.gz');
  const t = performance.now();
  engine.ask('leaks', {});
  lines.push(`judging a 114k-line log (verdicts, findings, warnings): ${(performance.now() - t).toFixed(0)} ms`);
  return lines;
}
