// `reftrace growth LOG --from A --to B`: what grew between two instants, per type and per site:
// alive at A, alive at B, and created after A and still alive at B.

import { siteLabel } from '../../shared/names.ts';
import { clockValue, parseOptions } from '../args.ts';
import { IGNORE_OPTIONS, IGNORE_USAGE, ignoreListOf } from '../ignore-options.ts';
import { openForCommand } from '../open-log.ts';
import type { Command } from './command.ts';

export const growth: Command = {
  name: 'growth',
  usage: `reftrace growth <file> --from A --to B [--json] [--full-path] [--recurse-files] [--ignore-type T ...] [--ignore-file F ...]
  Growth from clock A to clock B (seconds, A < B), per type and per allocation site: alive at A,
  alive at B, and created after A and still alive at B; biggest growth first.
${IGNORE_USAGE}`,
  async run(rest, io) {
    const args = parseOptions(rest, {
      flags: ['--json', '--full-path', '--recurse-files'],
      values: ['--from', '--to'],
      repeated: IGNORE_OPTIONS,
      files: 'one',
    });
    if (typeof args === 'string') return io.usageError(args);
    const from = clockValue('--from', args.values.get('--from'));
    if (typeof from === 'string') return io.usageError(from);
    const to = clockValue('--to', args.values.get('--to'));
    if (typeof to === 'string') return io.usageError(to);
    if (!(from < to)) return io.usageError(`--from must be before --to (got ${from} and ${to})`);
    const engine = await openForCommand(args.files[0], args.flags.has('--recurse-files'), io);
    if (typeof engine === 'number') return engine;
    const g = engine.ask('growth', { from, to, ignore: ignoreListOf(args) });
    if (args.flags.has('--json')) {
      io.out(JSON.stringify(g, null, 1) + '\n');
      return 0;
    }
    const signed = (d: number) => (d > 0 ? '+' : '') + String(d);
    const row = (a: number, b: number, c: number) =>
      `${String(a).padStart(8)} ${String(b).padStart(8)} ${signed(b - a).padStart(8)} ${String(c).padStart(10)}`;
    const head = `    ${'at A'.padStart(8)} ${'at B'.padStart(8)} ${'Δ'.padStart(8)} ${'new, alive'.padStart(10)}`;
    const lines = [
      `Growth from ${from} to ${to}: alive ${g.aliveFrom} → ${g.aliveTo} (${signed(g.aliveTo - g.aliveFrom)}); created after ${from} and alive at ${to}: ${g.createdAndAlive}`,
      `Types [${Object.keys(g.types).length}]:`,
      head,
    ];
    for (const [type, [a, b, c]] of Object.entries(g.types)) lines.push(`    ${row(a, b, c)}  ${type}`);
    lines.push(`Sites [${g.sites.length}]:`, head);
    for (const x of g.sites)
      lines.push(
        `    ${row(x.aliveFrom, x.aliveTo, x.createdAndAlive)}  ${siteLabel(x, args.flags.has('--full-path'))}`,
      );
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
