// `reftrace compare BEFORE AFTER [--by type|site|phase]`: two runs of a program side by side, per
// type, per allocation site, or phase by phase (their phases aligned on the program's messages).

import { Engine } from '../../engine/engine.ts';
import type { TableId } from '../../engine/types.ts';
import { parseOptions } from '../args.ts';
import { IGNORE_OPTIONS, IGNORE_USAGE, ignoreListOf } from '../ignore-options.ts';
import { openForCommand } from '../open-log.ts';
import type { Command } from './command.ts';

const TABLES: Record<string, TableId> = { type: 'compare-types', site: 'compare-sites', phase: 'compare-phases' };

export const compare: Command = {
  name: 'compare',
  usage: `reftrace compare <before> <after> [--by type|site|phase] [--json] [--full-path] [--ignore-type T ...] [--ignore-file F ...]
  Two runs side by side: New, Del and Live per type (default) or per allocation site in each and
  the difference, biggest growth first; or --by phase: their phases aligned on the program's
  messages (the same text in order; a message in one run only is shown as such), with NEW, DEL, net
  live change and objects made and still alive at the phase's end in each run and the difference,
  the phases that kept objects in the after run only first.
${IGNORE_USAGE}`,
  async run(rest, io) {
    const args = parseOptions(rest, {
      flags: ['--json', '--full-path'],
      values: ['--by'],
      repeated: IGNORE_OPTIONS,
      files: 'many',
    });
    if (typeof args === 'string') return io.usageError(args);
    if (args.files.length !== 2) return io.usageError('compare takes two logs: before, then after');
    const by = args.values.get('--by') ?? 'type';
    const table = TABLES[by];
    if (!table) return io.usageError(`--by takes type, site or phase, not "${by}"`);
    const before = await openForCommand(args.files[0], false, io);
    if (typeof before === 'number') return before;
    const after = await openForCommand(args.files[1], false, io);
    if (typeof after === 'number') return after;
    const engine = new Engine(after.log, before.log);
    const query = { table, fullPath: args.flags.has('--full-path'), ignore: ignoreListOf(args), offset: 0 };
    const { rows } = engine.ask('rows', { ...query, limit: Infinity });
    const columns = engine.ask('columns', { table });
    if (args.flags.has('--json')) {
      io.out(JSON.stringify({ before: args.files[0], after: args.files[1], by, rows }, null, 1) + '\n');
      return 0;
    }
    const [key, ...numbers] = columns;
    const widths = numbers.map((c) => Math.max(8, c.title.length));
    const lines = [
      `Compare ${args.files[0]} (before) → ${args.files[1]} (after), per ${by} [${rows.length}]:`,
      `  ${numbers.map((c, i) => c.title.padStart(widths[i])).join(' ')}  ${key.title}`,
      ...rows.map(
        (r) => `  ${numbers.map((c, i) => String(r[c.id] ?? '').padStart(widths[i])).join(' ')}  ${String(r[key.id])}`,
      ),
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
