// The suite's static file server (global-setup.ts serves the build with it; support/site-server.ts
// serves a copy under a sub-path): GET/HEAD only, no caching, nothing outside the folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, normalize, resolve, sep } from 'node:path';

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
  return createServer(staticHandler(dir));
}

/** serveStatic's request handler, for a server that serves `dir` under a path of its own. */
export function staticHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = resolve(dir);
  return (req, res) => {
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
  };
}
