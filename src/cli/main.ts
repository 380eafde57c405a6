// `reftrace analyse <file>`: the seed analyser's report (or --json) from the viewer's engine.

import { accessSync, constants, statSync } from 'node:fs';
import type { Analysis } from '../engine/analysis.ts';
import { checkBudgets, parseBudget, type Budgets } from './budgets.ts';
import { readLog } from './read-log.ts';
import { textReport } from './text-report.ts';

const USAGE = `usage: reftrace analyse <file> [--json] [--full-path] [--include-untracked]
                        [--include-historical] [--recurse-files]
                        [--max-live N] [--max-live-type TYPE=N ...]

Analyses a pymemtrace ReferenceTracing log (plain or gzip).
  --json                print a JSON report instead of text
  --full-path           show full file paths (default: base names, as the seed does)
  --include-untracked   list DELs of objects never seen created, per type
  --include-historical  list every NEW/DEL pair with its lifetime
  --recurse-files       follow "Detaching ... New file: <path>" into child logs
  --max-live N          exit 1 when more than N objects are live at the end
  --max-live-type T=N   exit 1 when more than N objects of type T are live (repeatable)
Exit status: 0 ok, 1 a budget is exceeded, 2 usage error, unreadable file, or not a log.`;

interface Args {
  file: string;
  json: boolean;
  fullPath: boolean;
  includeUntracked: boolean;
  includeHistorical: boolean;
  recurseFiles: boolean;
  budgets: Budgets;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== 'analyse' && command !== 'analyze') return command ? `unknown command "${command}"` : 'no command';
  const args: Args = {
    file: '',
    json: false,
    fullPath: false,
    includeUntracked: false,
    includeHistorical: false,
    recurseFiles: false,
    budgets: { maxLive: null, maxLiveByType: new Map() },
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    switch (a) {
      case '--json':
        args.json = true;
        break;
      case '--full-path':
        args.fullPath = true;
        break;
      case '--include-untracked':
        args.includeUntracked = true;
        break;
      case '--include-historical':
        args.includeHistorical = true;
        break;
      case '--recurse-files':
        args.recurseFiles = true;
        break;
      case '--max-live':
      case '--max-live-type': {
        const err = parseBudget(args.budgets, a, rest[++i]);
        if (err) return err;
        break;
      }
      default:
        if (a.startsWith('--')) return `unknown option ${a}`;
        if (args.file) return 'only one log file may be given';
        args.file = a;
    }
  }
  if (!args.file) return 'no log file given';
  return args;
}

function readable(path: string): string | null {
  try {
    accessSync(path, constants.R_OK);
    if (statSync(path).isDirectory()) return `${path} is a directory`;
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? (e as Error).message}`;
  }
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    out(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`reftrace: ${args}\n${USAGE}\n`);
    return 2;
  }
  const unreadable = readable(args.file);
  if (unreadable) {
    process.stderr.write(`reftrace: ${unreadable}\n`);
    return 2;
  }
  const started = performance.now();
  let analysis: Analysis;
  try {
    analysis = await readLog(args.file, { recurseFiles: args.recurseFiles });
  } catch (e) {
    process.stderr.write(`reftrace: cannot read ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const verdict = checkBudgets(analysis, args.budgets);
  if (args.json) {
    out(JSON.stringify({ ...analysis.jsonReport(), budget: verdict.json }, null, 1) + '\n');
  } else {
    for (const chunk of textReport(analysis, args)) out(chunk);
    out(`Process time: ${((performance.now() - started) / 1000).toFixed(3)} (s)\n`);
    if (!analysis.summary().notALog) for (const line of verdict.lines) out(line + '\n');
  }
  // Not a log: a CI gate must not pass on it, whatever the budget says.
  const summary = analysis.summary();
  if (summary.notALog) {
    const why = analysis.store.notes.probDetail[analysis.store.notes.probKind.indexOf('not-a-log')] ?? 'not a log';
    process.stderr.write(`reftrace: ${args.file}: ${why}\n`);
    return 2;
  }
  return verdict.exceeded ? 1 : 0;
}
