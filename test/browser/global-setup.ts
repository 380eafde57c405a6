// Builds the viewer once into a temporary folder and serves it on 127.0.0.1 (a random free port)
// for the browser tests of both browsers' projects; the base URL reaches the tests through
// provide/inject ('baseUrl'), each project's browser through its own config ('browserName').
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { EXECUTABLE, type BrowserName } from './support/driver.ts';
import { serveStatic } from './support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The served build folder: a test may write a file into it to have the server serve it. */
    distDir: string;
    /** The browser of the project a test file runs in (test/browser/vitest.config.ts). */
    browserName: BrowserName;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  // Only the browsers of the projects chosen for this run (`--project firefox` needs no Chromium).
  for (const p of project.vitest.projects) {
    const name = p.config.provide?.browserName;
    if (name && !existsSync(EXECUTABLE[name])) {
      const pkg = name === 'firefox' ? 'firefox-esr' : 'chromium';
      throw new Error(
        `The ${name} browser tests drive ${EXECUTABLE[name]} (Debian's ${pkg}): install it with \`apt-get install -y ${pkg}\`.`,
      );
    }
  }
  const outDir = await mkdtemp(join(tmpdir(), 'reftrace-browser-'));
  const t0 = Date.now();
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build: test what
  // `npm run build` ships instead.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const server = serveStatic(outDir);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/`;
  project.provide('baseUrl', baseUrl);
  project.provide('distDir', outDir);
  console.log(`[browser tests] built the viewer in ${Date.now() - t0} ms, serving ${outDir} at ${baseUrl}`);

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    await rm(outDir, { recursive: true, force: true });
  };
}
