#!/usr/bin/env node
// Runs the CLI as built to plain JavaScript (npm run build:cli; `prepare` builds it on npm install
// and npm ci), so no TypeScript is transformed at run time. `npm run reftrace --` runs the source.
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/reftrace.mjs', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('reftrace: dist-cli/reftrace.mjs is missing: run `npm run build:cli` (npm install runs it)\n');
  process.exit(2);
}
await import(built.href);
