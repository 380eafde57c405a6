// `reftrace history RUN...`: a program's runs, oldest first (each a log, plain or .gz, or the JSON
// report `reftrace analyse --json` wrote for it): per site that leaks in any run, its live count and
// verdict per run and the run it began to leak in; the sites that never leak in one line.

import { readFileSync } from 'node:fs';
import { runHistory, type History, type RunSummary } from '../../engine/runs/history.ts';
import { siteLabel } from '../../shared/names.ts';
import { parseOptions } from '../args.ts';
import { IGNORE_OPTIONS, IGNORE_USAGE, ignoreListOf } from '../ignore-options.ts';
import { openForCommand } from '../open-log.ts';
import type { Command } from './command.ts';

/** A run's summary from its JSON report, or why it is not one. */
function fromReport(path: string, text: string): RunSummary | string {
  let r: Partial<RunSummary> & { file?: string };
  try {
    r = JSON.parse(text);
  } catch (e) {
    return `${path}: not a JSON report: ${(e as Error).message}`;
  }
  if (!Array.isArray(r.sites) || typeof r.lines !== 'number' || typeof r.live !== 'number')
    return `${path}: a JSON report without "sites" (write it with a reftrace analyse --json that has them)`;
  return {
    log: path,
    lines: r.lines,
    live: r.live,
    clock: r.clock ?? { first: null, last: null },
    sites: r.sites,
    sitesBelow: r.sitesBelow ?? 0,
  };
}

function isJson(path: string): boolean {
  const head = readFileSync(path, { encoding: 'latin1' }).slice(0, 64).trimStart();
  return head.startsWith('{');
}

export const history: Command = {
  name: 'history',
  usage: `reftrace history <run>... [--json] [--ignore-type T ...] [--ignore-file F ...]
  A program's runs, oldest first: each a log (plain or .gz) or the JSON report of
  reftrace analyse --json. Per site that leaks in any run: its live objects and verdict per run,
  and the run it began to leak in. Sites are matched by file base name, line and function; a site
  whose file and function stay while its line moves is followed (and the move is said).
${IGNORE_USAGE}`,
  async run(rest, io) {
    const args = parseOptions(rest, { flags: ['--json'], values: [], repeated: IGNORE_OPTIONS, files: 'many' });
    if (typeof args === 'string') return io.usageError(args);
    const runs: RunSummary[] = [];
    for (const path of args.files) {
      let json: boolean;
      try {
        json = isJson(path);
      } catch (e) {
        return io.fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      if (json) {
        const run = fromReport(path, readFileSync(path, 'utf8'));
        if (typeof run === 'string') return io.fail(run);
        runs.push(run);
        continue;
      }
      const engine = await openForCommand(path, false, io);
      if (typeof engine === 'number') return engine;
      runs.push({ ...engine.ask('run', { ignore: ignoreListOf(args) }), log: path });
    }
    const h = runHistory(runs);
    if (args.flags.has('--json')) io.out(JSON.stringify(historyJson(h), null, 1) + '\n');
    else io.out(historyText(h).join('\n') + '\n');
    return 0;
  },
};

function historyJson(h: History) {
  return {
    runs: h.runs,
    sites: h.sites.map((s) => ({
      file: s.file,
      line: s.lines.findLast((l) => l !== null) ?? null,
      lines: s.lines,
      function: s.function,
      type: s.type,
      live: s.live,
      verdict: s.verdict,
      firstLeakRun: s.firstLeakRun,
      moves: s.moves,
    })),
    neverLeak: h.neverLeak,
  };
}

function historyText(h: History): string[] {
  const n = h.runs.length;
  const col = (v: string | number) => String(v).padStart(12);
  const lines = [
    `History of ${n} run${n === 1 ? '' : 's'} (oldest first):`,
    `    ${'run'.padStart(3)}  ${'lines'.padStart(10)} ${'live'.padStart(10)} ${'leaks'.padStart(6)}  log`,
    ...h.runs.map(
      (r, i) =>
        `    ${String(i + 1).padStart(3)}  ${r.lines.toLocaleString('en-US').padStart(10)} ${r.live.toLocaleString('en-US').padStart(10)} ${String(r.leaks).padStart(6)}  ${r.log}`,
    ),
    `Sites that leak in any run [${h.sites.length}]:`,
  ];
  for (const s of h.sites) {
    const line = s.lines.findLast((l) => l !== null)!;
    const first = s.firstLeakRun!;
    lines.push(
      `  ${siteLabel({ file: s.file, line, function: s.function })} (${s.type}): began to leak in run ${first + 1} (${h.runs[first].log})` +
        (s.moves.length ? `; its line moved: ${s.moves.join(', ')}` : ''),
      `      live    ${s.live.map((v) => col(v === null ? '-' : v)).join('')}`,
      `      verdict ${s.verdict.map((v) => col(v ?? '-')).join('')}`,
    );
  }
  if (h.sites.length === 0) lines.push('    none');
  lines.push(
    `Sites that never leak: ${h.neverLeak.sites} (holding ${h.neverLeak.liveLastRun.toLocaleString('en-US')} objects in the last run).`,
  );
  return lines;
}
