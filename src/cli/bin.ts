// The entry of the built `reftrace` (bundled to dist-cli/reftrace.mjs by scripts/build-cli.mjs).

import { main } from './main.ts';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // `reftrace … | head` closes the pipe early: that is not an error.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Any other failure to write the report (ENOBUFS, a full disk) is said as such, with the exit of
  // an error (2), never the 1 of an exceeded budget.
  process.stderr.write(`reftrace: cannot write the report: ${e.code ?? e.message}\n`);
  process.exit(2);
});
process.exitCode = await main(process.argv.slice(2));
