// `reftrace analyse LOG`: the seed analyser's report (or --json) from the viewer's engine, with the
// leak suspects and budget checks for CI.

import { leakQueriesOf } from '../../engine/query/leak-queries.ts';
import { parseOptions } from '../args.ts';
import { checkBudgets, parseBudget, type Budgets } from '../budgets.ts';
import { notALogReason, openLog } from '../open-log.ts';
import { suspectLines } from '../suspects-report.ts';
import { textReport } from '../text-report.ts';
import type { Command } from './command.ts';

export const analyse: Command = {
  name: 'analyse',
  usage: `reftrace analyse <file> [--json] [--full-path] [--include-untracked]
                        [--include-historical] [--recurse-files] [--suspects N]
                        [--max-live N] [--max-live-type TYPE=N ...]
  Analyses a pymemtrace ReferenceTracing log (plain or gzip).
  --json                print a JSON report instead of text
  --full-path           show full file paths (default: base names, as the seed does)
  --include-untracked   list DELs of objects never seen created, per type
  --include-historical  list every NEW/DEL pair with its lifetime
  --recurse-files       follow "Detaching ... New file: <path>" into child logs
  --suspects N          how many leak suspects to list (default 10; 0: none)
  --max-live N          exit 1 when more than N objects are live at the end
  --max-live-type T=N   exit 1 when more than N objects of type T are live (repeatable)`,
  async run(rest, io) {
    const args = parseOptions(rest, {
      flags: ['--json', '--full-path', '--include-untracked', '--include-historical', '--recurse-files'],
      values: ['--suspects'],
      repeated: ['--max-live', '--max-live-type'],
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
    const file = args.files[0];
    const started = performance.now();
    const opened = await openLog(file, args.flags.has('--recurse-files'));
    if (!opened.ok) return io.fail(opened.error);
    const analysis = opened.analysis;
    const verdict = checkBudgets(analysis, budgets);
    const suspects = suspectCount > 0 ? leakQueriesOf(analysis.store).suspects('site', suspectCount) : [];
    if (args.flags.has('--json')) {
      io.out(JSON.stringify({ ...analysis.jsonReport(), suspects, budget: verdict.json }, null, 1) + '\n');
    } else {
      const options = {
        file,
        fullPath: args.flags.has('--full-path'),
        includeUntracked: args.flags.has('--include-untracked'),
        includeHistorical: args.flags.has('--include-historical'),
      };
      for (const chunk of textReport(analysis, options)) io.out(chunk);
      if (suspectCount > 0) io.out(suspectLines(suspects, options.fullPath).join('\n') + '\n');
      io.out(`Process time: ${((performance.now() - started) / 1000).toFixed(3)} (s)\n`);
      if (!analysis.summary().notALog) for (const line of verdict.lines) io.out(line + '\n');
    }
    // Not a log: a CI gate must not pass on it, whatever the budget says.
    const notALog = notALogReason(analysis);
    if (notALog) return io.fail(`${file}: ${notALog}`);
    return verdict.exceeded ? 1 : 0;
  },
};
