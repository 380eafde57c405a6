// `reftrace analyse LOG`: the seed analyser's report (or --json) from the viewer's engine, with the
// leak suspects and budget checks for CI.

import { parseOptions } from '../args.ts';
import { checkBudgets, parseBudget, type Budgets } from '../budgets.ts';
import { IGNORE_OPTIONS, IGNORE_USAGE, ignoreListOf } from '../ignore-options.ts';
import { checkLeakGate, maxScoreOf } from '../leak-gate.ts';
import { failOnLeak, verdictLines } from '../leak-verdict.ts';
import { openLog } from '../open-log.ts';
import { suspectLines } from '../suspects-report.ts';
import type { Command } from './command.ts';

export const analyse: Command = {
  name: 'analyse',
  usage: `reftrace analyse <file> [--json] [--full-path] [--include-untracked]
                        [--include-historical] [--recurse-files] [--all] [--suspects N]
                        [--fail-on-leak] [--max-live N] [--max-live-type TYPE=N ...] [--max-score S]
                        [--ignore-type T ...] [--ignore-file F ...]
  Analyses a pymemtrace ReferenceTracing log (plain or gzip).
  --json                print a JSON report instead of text
  --full-path           show full file paths (default: base names, as the seed does)
  --include-untracked   list DELs of objects never seen created, per type
  --include-historical  list every NEW/DEL pair with its lifetime
  --recurse-files       follow "Detaching ... New file: <path>" into child logs
  --all                 list every duplicate, error and problem (default: the first 1000 of each,
                        and how many more)
  --suspects N          how many leak suspects to list (default 10; 0: none)
  --fail-on-leak        exit 1 when any allocation site's verdict is leak (see the README: how a
                        verdict is decided); the gate a CI job uses, with no number to tune
  --max-live N          exit 1 when more than N objects are live at the end
  --max-live-type T=N   exit 1 when more than N objects of type T are live (repeatable)
  --max-score S         exit 1 when a leak suspect (a site) scores over S; a site that grew all
                        through the run and holds n objects scores about log2(1 + n)
  The ignore options apply to the suspects and --max-score (the report stays the seed's):
${IGNORE_USAGE}`,
  async run(rest, io) {
    const args = parseOptions(rest, {
      flags: [
        '--json',
        '--full-path',
        '--include-untracked',
        '--include-historical',
        '--recurse-files',
        '--fail-on-leak',
        '--all',
      ],
      values: ['--suspects', '--max-score'],
      repeated: ['--max-live', '--max-live-type', ...IGNORE_OPTIONS],
      files: 'one',
    });
    if (typeof args === 'string') return io.usageError(args);
    const budgets: Budgets = { maxLive: null, maxLiveByType: new Map() };
    for (const option of ['--max-live', '--max-live-type'])
      for (const v of args.repeated.get(option) ?? []) {
        const err = parseBudget(budgets, option, v);
        if (err) return io.usageError(err);
      }
    const suspectsText = args.values.get('--suspects') ?? '10';
    if (!/^\d+$/.test(suspectsText)) return io.usageError(`--suspects takes a whole number, not "${suspectsText}"`);
    const suspectCount = Number(suspectsText);
    const maxScoreText = args.values.get('--max-score');
    const maxScore = maxScoreText === undefined ? null : maxScoreOf(maxScoreText);
    if (typeof maxScore === 'string') return io.usageError(maxScore);
    const ignore = ignoreListOf(args);
    const file = args.files[0];
    const started = performance.now();
    const opened = await openLog(file, args.flags.has('--recurse-files'));
    if (!opened.ok) return io.fail(opened.error);
    const engine = opened.engine;
    const fullPath = args.flags.has('--full-path');
    const budgetVerdict = checkBudgets(() => engine.ask('heap', { at: Infinity }), budgets);
    // One ranking serves the list and both gates, which need every site.
    const ranked = engine.ask('suspects', { by: 'site', limit: Infinity, ignore });
    const suspects = ranked.slice(0, suspectCount);
    const gate = maxScore === null ? null : checkLeakGate(ranked, maxScore, fullPath);
    const leakGate = args.flags.has('--fail-on-leak') ? failOnLeak(ranked, fullPath) : null;
    const leaks = engine.ask('leaks', { ignore });
    if (args.flags.has('--json')) {
      const { warnings, ...verdict } = leaks;
      // The sites (leaks and those holding most) let reftrace history read this report in place of the log.
      const { sites, sitesBelow } = engine.ask('run', { ignore });
      const report = { ...engine.ask('report'), leaks: verdict, warnings, suspects, sites, sitesBelow };
      io.out(JSON.stringify({ ...report, budget: budgetVerdict.json, leakGate: gate?.json }, null, 1) + '\n');
    } else {
      const options = {
        file,
        fullPath,
        includeUntracked: args.flags.has('--include-untracked'),
        includeHistorical: args.flags.has('--include-historical'),
        listLimit: args.flags.has('--all') ? Infinity : undefined,
      };
      for (const chunk of engine.ask('seedReport', options)) await io.out(chunk);
      if (!opened.notALog) io.out(verdictLines(leaks, fullPath).join('\n') + '\n');
      if (suspectCount > 0) io.out(suspectLines(suspects, options.fullPath).join('\n') + '\n');
      io.out(`Process time: ${((performance.now() - started) / 1000).toFixed(3)} (s)\n`);
      const gates = [...budgetVerdict.lines, ...(gate?.lines ?? []), ...(leakGate?.lines ?? [])];
      if (!opened.notALog) for (const line of gates) io.out(line + '\n');
    }
    // Not a log: a CI gate must not pass on it, whatever the budget says.
    if (opened.notALog) return io.fail(opened.notALog);
    return budgetVerdict.exceeded || gate?.exceeded || leakGate?.failed ? 1 : 0;
  },
};
