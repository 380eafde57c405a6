// `reftrace <command> …`: the command line over the viewer's engine.

import { analyse } from './commands/analyse.ts';
import type { Command, CommandIO } from './commands/command.ts';
import { exportCommand } from './commands/export.ts';
import { growth } from './commands/growth.ts';
import { history } from './commands/history.ts';
import { phases } from './commands/phases.ts';
import { snapshot } from './commands/snapshot.ts';

const COMMANDS: Command[] = [analyse, snapshot, growth, phases, history, exportCommand];
const ALIASES: Record<string, string> = { analyze: 'analyse' };

const USAGE = `usage: reftrace <command> <file> [options]

${COMMANDS.map((c) => c.usage).join('\n\n')}

Exit status: 0 ok, 1 a budget is exceeded, 2 usage error, unreadable file, or not a log.`;

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    out(USAGE + '\n');
    return 0;
  }
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === (ALIASES[name] ?? name));
  const io: CommandIO = {
    out,
    usageError(message) {
      process.stderr.write(`reftrace: ${message} (reftrace --help for usage)\n`);
      return 2;
    },
    fail(message) {
      process.stderr.write(`reftrace: ${message}\n`);
      return 2;
    },
  };
  if (!command) return io.usageError(name ? `unknown command "${name}"` : 'no command');
  return command.run(rest, io);
}
