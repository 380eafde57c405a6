// Issue 26, hostile input round 2, in the page (both browsers): .gz files read as the CLI reads
// them (multi-member, zero padding, a bad CRC after all its data), a ?url= redirect that leaves the
// rule refused, no test switch in what ships (?failAfterBytes is an unknown parameter), a gzip bomb
// that stops early with the tab's memory bounded, and an endless ?url= stream that stops by itself.

import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { pageProcessesRssMB } from '../bench/browser-cpu.ts';
import { generateLog } from '../support/reflog-generator.ts';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  openFileByInput,
  parseIntText,
  sleep,
  summaryNumbers,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  waitSettled,
  type AppPage,
} from './support/index.ts';

const b = useBrowser();
const BAD = 'test/fixtures/bad/';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir('reftrace-hostile2-');
});
afterAll(async () => {
  await tmp?.cleanup();
});

const lines = async (page: AppPage) => parseIntText(await page.text(tid('summary-lines')));

describe('gzip in the page reads what the CLI reads (issue 26, item 3)', () => {
  test.each(['multi-member.log.gz', 'zero-padded.log.gz'])('%s: every line, the CLI’s numbers', async (f) => {
    const want = await cliJson(join(ROOT, BAD, f));
    const page = await b.openApp();
    await openFileByInput(page, BAD + f);
    await waitDone(page);
    expect(await lines(page)).toBe(305);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
  });

  test('a 6,101-line log whose CRC is wrong: every line (as the CLI), then the checksum error', async () => {
    const plain = Buffer.concat([...generateLog({ lines: 6097, seed: 9 }).chunks]);
    const gz = gzipSync(plain);
    gz[gz.length - 6] ^= 0xff;
    const path = join(tmp.dir, 'badcrc-6100.log.gz');
    await writeFile(path, gz);
    const want = await cliJson(path);
    expect(want.lines).toBe(6101); // 6,097 records and messages, the opening message, SOF, HDR, EOF
    const page = await b.openApp();
    await openFileByInput(page, path);
    expect(await waitSettled(page)).toMatch(/^Stopped/);
    expect(await lines(page)).toBe(want.lines);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    expect(await page.text(tid('summary-state'))).toMatch(/gzip checksum does not match/);
  });
});

/**
 * A server on 127.0.0.1: /run.log is the small sample, /redirect/<address> a 302 there; CORS
 * allowed. It listens on ::ffff:127.0.0.1, so [::ffff:127.0.0.1] (this machine, but not an address
 * the ?url= rule allows for http) reaches it too.
 */
async function redirectServer(body: Buffer): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/run.log') {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' }).end(body);
      return;
    }
    const to = decodeURIComponent(url.replace(/^\/redirect\//, ''));
    res.writeHead(302, { Location: to, 'Access-Control-Allow-Origin': '*' }).end();
  });
  await new Promise<void>((ok) => server.listen(0, '::ffff:127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('?url= redirects (issue 26, item 4)', () => {
  let srv: { server: Server; port: number };
  beforeAll(async () => {
    const { readFile } = await import('node:fs/promises');
    srv = await redirectServer(await readFile(join(ROOT, BAD, 'base.log')));
  });
  afterAll(() => new Promise<void>((ok) => srv.server.close(() => ok())));

  test('a 302 from an allowed address to plain http on another host is refused: the log does not open', async () => {
    // [::ffff:127.0.0.1] is this machine, but not an address the rule allows for http.
    const away = `http://[::ffff:127.0.0.1]:${srv.port}/run.log`;
    const url = `http://127.0.0.1:${srv.port}/redirect/${encodeURIComponent(away)}`;
    const page = await b.openAppAt(`url=${encodeURIComponent(url)}`);
    await expect.poll(() => page.isVisible(tid('error-banner')), { timeout: WAIT_MS }).toBe(true);
    expect(await page.text(tid('error-banner'))).toMatch(
      /redirected to http:\/\/\[::ffff:7f00:1\]:\d+\/run\.log, which is not opened: Only https:\/\//,
    );
    // Nothing of the log was read: no summary, the welcome stays.
    expect(await page.count(tid('summary-lines'))).toBe(0);
  });

  test('a 302 to an address the rule allows is followed', async () => {
    const url = `http://127.0.0.1:${srv.port}/redirect/${encodeURIComponent(`http://localhost:${srv.port}/run.log`)}`;
    const page = await b.openAppAt(`url=${encodeURIComponent(url)}`);
    await waitDone(page);
    expect(await lines(page)).toBe(305);
  });
});

describe('no test switch in what ships (issue 26, item 5)', () => {
  test('?failAfterBytes=1 is ignored: the log opens whole', async () => {
    const page = await b.openAppAt('failAfterBytes=1');
    await openFileByInput(page, BAD + 'base.log');
    await waitDone(page);
    expect(await lines(page)).toBe(305);
    expect(await page.text(tid('summary-state'))).toBe('The whole file');
  });
});

describe('one input’s memory is bounded (issue 26, item 11)', () => {
  let endless: Server | undefined;
  afterEach(() => {
    endless?.closeAllConnections();
    endless?.close();
    endless = undefined;
  });

  /** The page processes' resident memory, sampled every 100 ms until `done` settles; its peak in MB. */
  async function peakWhile<T>(done: Promise<T>): Promise<{ value: T; peakMb: number }> {
    let peak = 0;
    let settled = false;
    const value = done.finally(() => (settled = true));
    while (!settled) {
      const each = [...pageProcessesRssMB(b.name).values()];
      peak = Math.max(peak, b.name === 'firefox' ? Math.max(0, ...each) : each.reduce((x, y) => x + y, 0));
      await sleep(100);
    }
    return { value: await value, peakMb: peak };
  }

  test('a 10 MB gzip bomb (10 GB of zeros): not a log after its first 64 MiB, the tab stays under 1.5 GB', async () => {
    const gz = gzipSync(Buffer.alloc(1 << 30), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 10 }, () => gz)); // ten members: ~10 MB → 10 GiB
    expect(bomb.length).toBeGreaterThan(9e6);
    const path = join(tmp.dir, 'bomb.log.gz');
    await writeFile(path, bomb);
    const page = await b.openApp();
    await openFileByInput(page, path);
    const { value: status, peakMb } = await peakWhile(waitSettled(page));
    expect(status).toMatch(/^Stopped/);
    expect(await page.text(tid('summary-state'))).toMatch(/^Not a ReferenceTracing log/);
    expect(await page.text(tid('error-banner'))).toMatch(
      /Not a log: no SOF, HDR, NEW, DEL or MSG line in its first 64 MiB/,
    );
    console.log(`[${b.name}] 10 MB gzip bomb: page memory peak ${peakMb.toFixed(0)} MB`);
    expect(peakMb).toBeLessThan(1500);
  });

  test('an endless ?url= stream of junk stops by itself: not a log after 64 MiB', async () => {
    const line = Buffer.alloc(1 << 20, 'no log here '.repeat(80) + '\n');
    let sent = 0;
    endless = createServer((_req, res) => {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
      const pump = () => {
        while (res.write(line)) {
          sent += line.length;
          if (sent > 1 << 30) return res.end(); // a bound for the test itself
        }
        res.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((ok) => endless!.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/endless.log`;
    const page = await b.openAppAt(`url=${encodeURIComponent(url)}`, {
      // The worker stops reading and cancels the download: Chromium may log the aborted fetch.
      consoleErrors: [/net::ERR_(ABORTED|FAILED|CONNECTION_RESET)/],
    });
    const status = await waitSettled(page, 120_000);
    expect(status).toMatch(/^Stopped/);
    expect(await page.text(tid('summary-state'))).toMatch(/^Not a ReferenceTracing log/);
    expect(await page.text(tid('error-banner'))).toMatch(
      /Not a log: no SOF, HDR, NEW, DEL or MSG line in its first 64 MiB/,
    );
    expect(sent).toBeLessThan(1 << 30);
  });
});

describe('Compare refuses a "before" that is not a log (issue 26, item 9)', () => {
  test('a README chosen as the before: said in a word, and no comparison rows', async () => {
    const page = await b.openApp();
    await openFileByInput(page, BAD + 'base.log');
    await waitDone(page);
    await page.click(tid('tab-compare'));
    await page.setInputFiles(tid('compare-file-input'), [join(ROOT, BAD, 'readme.log')]);
    await expect
      .poll(() => page.text(tid('compare-status')), { timeout: WAIT_MS })
      .toMatch(
        /readme\.log is not a ReferenceTracing log \(nothing in it reads as one\): there is nothing to compare with/,
      );
    expect(await page.count(tid('row'))).toBe(0);
  });
});
