// Builds the viewer once into a temporary folder and serves it on 127.0.0.1 (a random free port)
// for the browser tests of both browsers' projects; the base URL reaches the tests through
// provide/inject ('baseUrl'), each project's browser through its own config ('browserName').
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { EXECUTABLE, type BrowserName } from './support/driver.ts';

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

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.log': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
  '.woff2': 'font/woff2',
};

/** A static file server for `dir`: GET/HEAD only, no caching, nothing outside `dir`. */
export function serveStatic(dir: string): Server {
  const base = resolve(dir);
  return createServer((req, res) => {
    void (async () => {
      const noStore = { 'Cache-Control': 'no-store' };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, noStore).end();
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      } catch {
        res.writeHead(400, noStore).end();
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(base, normalize('.' + path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403, noStore).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) {
        res.writeHead(404, { ...noStore, 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        ...noStore,
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    })().catch(() => res.destroy());
  });
}

export default async function setup(project: TestProject) {
  // Only the browsers of the projects chosen for this run (`--project firefox` needs no Chromium).
  for (const p of project.vitest.projects) {
    const name = p.config.provide?.browserName;
    if (name && !existsSync(EXECUTABLE[name])) {
      const pkg = name === 'firefox' ? 'firefox-esr' : 'chromium';
      throw new Error(`The ${name} browser tests drive ${EXECUTABLE[name]} (Debian's ${pkg}): install it with \`apt-get install -y ${pkg}\`.`);
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
