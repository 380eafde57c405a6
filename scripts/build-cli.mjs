// Bundles the CLI (src/cli/bin.ts, the engine and hyparquet-writer) into one plain JavaScript file,
// dist-cli/reftrace.mjs, which bin/reftrace.mjs runs: no TypeScript transform at run time.
//
//   node scripts/build-cli.mjs [OUTFILE]     (npm run build:cli; `prepare` runs it on npm install/ci)

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUTFILE = ROOT + 'dist-cli/reftrace.mjs';

/** Builds the CLI to outfile (the same source always gives the same bytes); returns esbuild's metafile. */
export async function buildCli(outfile = CLI_OUTFILE) {
  const result = await build({
    entryPoints: [ROOT + 'src/cli/bin.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Whitespace and syntax only: names stay, so a stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli(process.argv[2]);
