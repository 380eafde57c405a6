#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the CLI and the viewer share one engine source with no build step.
import { register } from 'tsx/esm/api';
register();
// `reftrace … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
