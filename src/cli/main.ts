// `reftrace <command> …`: the command line over the viewer's engine.

import { analyse } from './commands/analyse.ts';
import { compare } from './commands/compare.ts';
import type { Command, CommandIO } from './commands/command.ts';
import { exportCommand } from './commands/export.ts';
import { growth } from './commands/growth.ts';
import { history } from './commands/history.ts';
import { phases } from './commands/phases.ts';
import { snapshot } from './commands/snapshot.ts';
import { SafeLines, terminalSafe } from './terminal-text.ts';

const COMMANDS: Command[] = [analyse, snapshot, growth, phases, compare, history, exportCommand];
const ALIASES: Record<string, string> = { analyze: 'analyse' };

const USAGE = `usage: reftrace <command> <file> [options]

${COMMANDS.map((c) => c.usage).join('\n\n')}

Exit status: 0 ok, 1 a budget is exceeded, 2 usage error, unreadable file, or not a log.`;

/** Writes to stdout; when the pipe is full, resolves once it has drained (a slow reader slows the report, never fills memory). */
function writeStdout(s: string): void | Promise<void> {
  if (process.stdout.write(s)) return;
  return new Promise((ok) => process.stdout.once('drain', ok));
}

export async function main(argv: string[], write: (s: string) => unknown = writeStdout): Promise<number> {
  // Log text reaches the terminal and CI logs only through terminalSafe (terminal-text.ts).
  const lines = new SafeLines(write);
  try {
    return await run(argv, lines);
  } finally {
    await lines.end();
  }
}

async function run(argv: string[], lines: SafeLines): Promise<number> {
  const out = (s: string) => lines.out(s);
  if (argv.includes('-h') || argv.includes('--help')) {
    await out(USAGE + '\n');
    return 0;
  }
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === (ALIASES[name] ?? name));
  const io: CommandIO = {
    out,
    usageError(message) {
      process.stderr.write(terminalSafe(`reftrace: ${message} (reftrace --help for usage)\n`));
      return 2;
    },
    fail(message) {
      process.stderr.write(terminalSafe(`reftrace: ${message}\n`));
      return 2;
    },
  };
  if (!command) return io.usageError(name ? `unknown command "${name}"` : 'no command');
  return command.run(rest, io);
}
