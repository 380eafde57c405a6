// `reftrace snapshot LOG --at T`: the heap at instant T (the live objects the log would report had
// it ended after its last NEW/DEL with clock <= T), per type and per site.

import { siteLabel } from '../../shared/names.ts';
import { clockValue, parseOptions } from '../args.ts';
import { IGNORE_OPTIONS, IGNORE_USAGE, ignoreListOf } from '../ignore-options.ts';
import { openForCommand } from '../open-log.ts';
import type { Command } from './command.ts';

export const snapshot: Command = {
  name: 'snapshot',
  usage: `reftrace snapshot <file> --at T [--older-than S] [--json] [--full-path] [--recurse-files] [--ignore-type T ...] [--ignore-file F ...]
  The heap at clock T (seconds): objects alive had the log ended after its last NEW/DEL at or
  before T, per type and per allocation site. Before the first event nothing is alive; after the
  last, this is the end state. --older-than S: only the objects made S seconds before T or earlier.
${IGNORE_USAGE}`,
  async run(rest, io) {
    const args = parseOptions(rest, {
      flags: ['--json', '--full-path', '--recurse-files'],
      values: ['--at', '--older-than'],
      repeated: IGNORE_OPTIONS,
      files: 'one',
    });
    if (typeof args === 'string') return io.usageError(args);
    const at = clockValue('--at', args.values.get('--at'));
    if (typeof at === 'string') return io.usageError(at);
    const olderText = args.values.get('--older-than');
    const olderThan = olderText === undefined ? undefined : clockValue('--older-than', olderText);
    if (typeof olderThan === 'string') return io.usageError(olderThan);
    if (olderThan !== undefined && olderThan < 0)
      return io.usageError(`--older-than takes 0 or more seconds, not ${olderThan}`);
    const engine = await openForCommand(args.files[0], args.flags.has('--recurse-files'), io);
    if (typeof engine === 'number') return engine;
    const snap = engine.ask('heap', { at, olderThan, ignore: ignoreListOf(args) });
    if (args.flags.has('--json')) {
      io.out(JSON.stringify(snap, null, 1) + '\n');
      return 0;
    }
    const lines = [`Heap at ${at}: ${snap.alive} alive`, `Types [${Object.keys(snap.types).length}]:`];
    for (const [type, n] of Object.entries(snap.types)) lines.push(`    ${String(n).padStart(8)}  ${type}`);
    lines.push(`Sites [${snap.sites.length}]:`);
    for (const x of snap.sites)
      lines.push(`    ${String(x.alive).padStart(8)}  ${siteLabel(x, args.flags.has('--full-path'))}`);
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
