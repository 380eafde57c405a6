// One subcommand of `reftrace`.

export interface CommandIO {
  /** Prints text; a report of many pieces awaits each, so a slow reader of the pipe slows it down. */
  out(s: string): void | Promise<void>;
  /** Reports a usage error (one line) and returns exit status 2. */
  usageError(message: string): number;
  /** Reports an error that stops the command (one line) and returns exit status 2. */
  fail(message: string): number;
}

export interface Command {
  name: string;
  usage: string;
  /** The exit status. */
  run(args: string[], io: CommandIO): Promise<number>;
}
