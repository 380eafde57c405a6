// A log server a test controls, for a parse held mid-file, paced, or broken off: the page opens the
// log with `?url=` (loopback http is allowed, and the worker fetches it), and this server, on a port
// of its own on 127.0.0.1 (CORS allowed), sends the first bytes, holds the rest until the test calls
// release(), then sends it all or a slice every few milliseconds; or it breaks the connection after
// a given byte, with less of the body sent than its Content-Length promised (a real network failure
// in the middle of a parse). The worker reads what arrives as it arrives, so the page stays in its
// parsing state for as long as the test needs, however fast the parser.
import { open } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldLogOptions {
  /** Bytes sent at once; the rest waits for release(). Default: no hold (everything may go at once). */
  holdAfter?: number;
  /** Once released (or from the start, without a hold): `bytes` every `everyMs` ms instead of all at once. */
  pace?: { bytes: number; everyMs: number };
  /** Sends this many bytes of the body, then closes the connection (the Content-Length stays the whole file's). */
  breakAfter?: number;
  /** The file name in the address (default run.log). */
  name?: string;
}

export interface HeldLog {
  /** The log's address: another origin than the viewer's (another port). */
  url: string;
  /** The page's address on the viewer at `baseUrl` that opens this log (`?url=`), plus `hash` if given. */
  pageUrl(baseUrl: string, hash?: string): string;
  /** Lets the held rest of the body go (paced if asked); a request that comes later is not held. */
  release(): void;
  /** Bytes of the body sent so far, over all requests. */
  sent(): number;
  /** How many times the log was asked for. */
  hits(): number;
  /** Stops listening and drops every connection (a held response ends there). */
  stop(): Promise<void>;
}

/** Serves the log at `source` (a file's path, or its bytes) as described by `options`. */
export async function serveHeldLog(source: string | Uint8Array, options: HeldLogOptions = {}): Promise<HeldLog> {
  const file = typeof source === 'string' ? await open(source, 'r') : null;
  const size = file ? (await file.stat()).size : (source as Uint8Array).length;
  const read = async (start: number, end: number): Promise<Uint8Array> => {
    if (!file) return (source as Uint8Array).subarray(start, end);
    const buf = Buffer.allocUnsafe(end - start);
    const { bytesRead } = await file.read(buf, 0, end - start, start);
    return buf.subarray(0, bytesRead);
  };
  const name = options.name ?? 'run.log';
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  if (options.holdAfter === undefined) release();
  let sent = 0;
  let hits = 0;
  /** Responses whose connection has closed (the page cancelled, or stop()). */
  const gone = new WeakSet<ServerResponse>();

  /** Writes bytes [start, end) in pieces of at most `step`, `everyMs` apart; false once the client has gone. */
  const send = async (res: ServerResponse, start: number, end: number, step: number, everyMs: number) => {
    for (let off = start; off < end; off += step) {
      if (gone.has(res)) return false;
      const piece = await read(off, Math.min(end, off + step));
      // Resolved once Node has handed the piece to the socket: nothing stays queued in this process.
      const ok = await new Promise<boolean>((done) => res.write(piece, (e) => done(!e)));
      if (!ok) return false;
      sent += piece.length;
      if (everyMs > 0 && off + step < end) await new Promise((ok) => setTimeout(ok, everyMs));
    }
    return !gone.has(res);
  };

  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== `/${name}`) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    hits++;
    res.on('close', () => gone.add(res));
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
      'Content-Type': 'text/plain',
      'Content-Length': size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // The headers go now, so the page's fetch resolves and waits on the body.
    res.flushHeaders();
    void (async () => {
      const stopAt = Math.min(size, options.breakAfter ?? size);
      const first = Math.min(stopAt, options.holdAfter ?? 0);
      if (!(await send(res, 0, first, 1 << 20, 0))) return;
      await released;
      const step = options.pace?.bytes ?? 1 << 20;
      if (!(await send(res, first, stopAt, step, options.pace?.everyMs ?? 0))) return;
      // Fewer bytes than the Content-Length said, then the connection closed: the body breaks off.
      if (stopAt < size) res.destroy();
      else res.end();
    })().catch(() => res.destroy());
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/${name}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    pageUrl: (baseUrl, hash = '') =>
      `${baseUrl}?url=${encodeURIComponent(url)}${hash && !hash.startsWith('#') ? '#' : ''}${hash}`,
    release: () => release(),
    sent: () => sent,
    hits: () => hits,
    stop: () =>
      (stopped ??= (async () => {
        release();
        await new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
        await file?.close();
      })()),
  };
}
