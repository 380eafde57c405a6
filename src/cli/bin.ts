// The entry of the built `reftrace` (bundled to dist-cli/reftrace.mjs by scripts/build-cli.mjs).

import { main } from './main.ts';

// `reftrace … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
