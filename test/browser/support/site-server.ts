// A server of its own for a test that takes the viewer offline: it serves a copy of the build
// under a sub-path (the app is built with base './'), records what it is asked for, and can stop
// listening, which the suite's shared server (global-setup.ts) must never do.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { staticHandler } from './static-server.ts';

export interface SiteServer {
  /** The app's address, ending in the sub-path and '/'. */
  url: string;
  /** The folder served (a copy of the build: a test may change it). */
  dir: string;
  /** Paths asked for so far (with their queries). */
  requests: string[];
  /** Stops listening and drops every open connection: from now on the site is unreachable. */
  stop(): Promise<void>;
  /** stop(), and the copy removed. */
  close(): Promise<void>;
}

/** Serves a copy of the suite's build at http://127.0.0.1:<port><prefix> (prefix like '/a/b/'). */
export async function serveSite(prefix: string): Promise<SiteServer> {
  const dir = await mkdtemp(join(tmpdir(), 'reftrace-site-'));
  await cp(inject('distDir'), dir, { recursive: true });
  const handle = staticHandler(dir);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'Cache-Control': 'no-store' }).end('not found');
      return;
    }
    req.url = '/' + path.slice(prefix.length);
    handle(req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }));
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    dir,
    requests,
    stop,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface LogServer {
  /** The log's address on this server: another origin than the viewer's (another port). */
  url: string;
  /** How many times the log was asked for. */
  hits(): number;
  /** What the next request gets. */
  set(body: string | Uint8Array): void;
  stop(): Promise<void>;
}

/** Serves one log at /run.log with CORS allowed, as a colleague's server would for ?url=. */
export async function serveLog(body: string | Uint8Array): Promise<LogServer> {
  let content = body;
  let hits = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/run.log') {
      res.writeHead(404).end();
      return;
    }
    hits++;
    res
      .writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' })
      .end(content);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/run.log`,
    hits: () => hits,
    set: (b) => (content = b),
    stop: () =>
      (stopped ??= new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      })),
  };
}
