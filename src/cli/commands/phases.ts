// `reftrace phases LOG`: the spans between the program's messages and what each did to the heap.

import { parseOptions } from '../args.ts';
import { IGNORE_OPTIONS, IGNORE_USAGE, ignoreListOf } from '../ignore-options.ts';
import { openForCommand } from '../open-log.ts';
import type { Command } from './command.ts';

export const phases: Command = {
  name: 'phases',
  usage: `reftrace phases <file> [--json] [--recurse-files] [--ignore-type T ...] [--ignore-file F ...]
  The spans between the log's messages (MSG lines; and before the first, after the last): NEWs,
  DELs, the change of the live count, objects created in the span and alive at its end, RSS change.
${IGNORE_USAGE}`,
  async run(rest, io) {
    const args = parseOptions(rest, {
      flags: ['--json', '--recurse-files'],
      values: [],
      repeated: IGNORE_OPTIONS,
      files: 'one',
    });
    if (typeof args === 'string') return io.usageError(args);
    const engine = await openForCommand(args.files[0], args.flags.has('--recurse-files'), io);
    if (typeof engine === 'number') return engine;
    const list = engine.ask('phases', { ignore: ignoreListOf(args) });
    if (args.flags.has('--json')) {
      const rows = list.map((p) => ({
        from: p.from,
        to: p.to,
        message: p.message,
        new: p.new,
        del: p.del,
        netLive: p.netLive,
        createdAndAlive: p.createdAndAlive,
        rssDelta: p.rssDelta,
      }));
      io.out(JSON.stringify(rows, null, 1) + '\n');
      return 0;
    }
    const signed = (d: number | null) => (d === null ? '' : (d > 0 ? '+' : '') + String(d));
    const lines = [
      `Phases [${list.length}]:`,
      `    ${'from'.padStart(12)} ${'to'.padStart(12)} ${'NEW'.padStart(8)} ${'DEL'.padStart(8)} ${'Δ live'.padStart(8)} ${'new, alive'.padStart(10)} ${'Δ RSS'.padStart(12)}  message`,
    ];
    for (const p of list) {
      const from = p.from === null ? 'start' : p.from.toFixed(6);
      const message = p.message === null ? '(before the first message)' : p.message.split('\n')[0];
      lines.push(
        `    ${from.padStart(12)} ${p.to.toFixed(6).padStart(12)} ${String(p.new).padStart(8)} ${String(p.del).padStart(8)} ${signed(p.netLive).padStart(8)} ${String(p.createdAndAlive).padStart(10)} ${signed(p.rssDelta).padStart(12)}  ${message}`,
      );
    }
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
