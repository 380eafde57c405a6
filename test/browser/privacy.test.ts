// Issue 6, privacy and ?url=: once the page is loaded, opening and exploring a log makes no request
// that could carry log data (nothing to another origin, no POST/PUT, nothing but the viewer's own
// assets). And ?url= failures say what went wrong: the HTTP status, a network/CORS failure, or a
// file that is not a log.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  closedPort,
  dropFile,
  openFileByInput,
  openTab,
  serveFile,
  sortOf,
  summaryNumbers,
  tableCount,
  tid,
  unserveFile,
  useBrowser,
  waitDone,
  waitSettled,
  sleep,
} from './support/index.ts';
import { activeServiceWorker } from './support/pwa.ts';

const b = useBrowser();
const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const OUTER = 'test/fixtures/samples/nested_named/nested_outer.log';

const served: string[] = [];
async function serve(name: string, content: string | Uint8Array): Promise<string> {
  served.push(name);
  return serveFile(name, content);
}
afterAll(async () => {
  await Promise.all(served.map((n) => unserveFile(n)));
});

describe('privacy: exploring a log makes no request carrying its data (issue 6)', () => {
  test("open by file input and by drop, switch tabs, sort and filter: only the viewer's own assets are fetched", async () => {
    const page = await b.openApp();
    const origin = new URL(b.baseUrl).origin;
    // The service worker's install fetches every file of the build once, for the offline copy
    // (offline.test.ts): that is loading the viewer, not exploring a log, so it ends before recording.
    await activeServiceWorker(page);
    // The page has loaded: everything from here on is what opening and exploring a log costs.
    const seen = page.recordRequests();

    const [small, outer] = await Promise.all([cliJson(SMALL), cliJson(OUTER)]);
    await openFileByInput(page, SMALL);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(small));

    for (const tab of [
      'live',
      'pairs',
      'types',
      'sites',
      'heap',
      'growth',
      'phases',
      'untracked',
      'duplicates',
      'messages',
      'summary',
    ])
      await openTab(page, tab);
    // The leak views too: a suspect's objects and detail, T from a click on the chart, a phase as the window.
    await page.focus(`${tid('suspect')}:first-child ${tid('suspect-open')}`);
    await page.press('Enter');
    await page.waitFor(tid('detail-panel'));
    await page.waitFor(`${tid('rss-chart')}[data-state="full"] ${tid('chart-plot')}`);
    await page.click(tid('chart-plot'), { position: { x: 200, y: 30 } });
    await page.waitFor(tid('heap-totals'));
    await page.click(tid('detail-close'));
    await openTab(page, 'phases');
    await page.click(`${tid('row')}[aria-rowindex="2"]`);
    await page.waitFor(tid('clock-window'));
    await page.click(tid('clear-clock-window'));
    await page.click(tid('clear-instant'));
    await openTab(page, 'live');
    await page.click(tid('clear-objects-of'));
    await openTab(page, 'live');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${small.live} of ${small.live}`);
    await page.click(tid('col-clock'));
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('asc');
    await page.fill(tid('table-filter'), 'Fraction');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`20 of ${small.live}`);
    await page.check(tid('full-path'));
    await openTab(page, 'types');
    await page.click(tid('col-new'));
    await expect.poll(() => sortOf(page, 'new'), { timeout: WAIT_MS }).not.toBe('none');

    await dropFile(page, OUTER);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(outer));
    await openTab(page, 'pairs');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${outer.pairs} of ${outer.pairs}`);
    await page.fill(tid('table-filter'), 'Node');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^[1-9]\d* of /);
    // Let a late request (a debounced one, a beacon) show up.
    await sleep(500);

    const report = JSON.stringify(seen, null, 1);
    // Nothing to another origin, no upload of any kind, no query strings, no WebSocket.
    expect(
      seen.filter((r) => !r.url.startsWith(origin + '/')),
      report,
    ).toEqual([]);
    expect(
      seen.filter((r) => r.method !== 'GET'),
      report,
    ).toEqual([]);
    expect(
      seen.filter((r) => r.hasBody),
      report,
    ).toEqual([]);
    // Only the viewer's own built assets (the lazily loaded chart code is fetched on first use;
    // Chromium asks for the favicon late), each named by the build, not by anything in the log.
    for (const r of seen) {
      const u = new URL(r.url);
      expect(u.search, `${r.url}: no query`).toBe('');
      expect(u.pathname, `${r.url}: an asset of the build`).toMatch(
        /^\/(assets\/[\w.-]+\.(js|css|woff2?)|favicon\.(svg|ico))$/,
      );
    }
    // The chart code was among them (so the recorder did see the page's requests). The workers
    // start at page load, before recording began.
    expect(
      seen.some((r) => /\/assets\/RssChart[\w.-]*\.js$/.test(r.url)),
      report,
    ).toBe(true);
    for (const word of ['Fraction', 'Node', 'small', 'nested', 'StringAndTime', '0x7f']) {
      expect(
        seen.filter((r) => r.url.includes(word)),
        `no request names "${word}"`,
      ).toEqual([]);
    }
    // Each asset at most once: nothing is fetched again per action. (Not the favicon: Chromium asks
    // for it again whenever the URL's hash changes, and the test server says no-store.)
    const urls = seen.map((r) => r.url).filter((u) => !/\/favicon\.\w+$/.test(u));
    expect(urls.length, report).toBe(new Set(urls).size);
  });
});

describe('?url= (issue 6)', () => {
  test('a log served over HTTP (gzipped) loads with the same numbers as the file', async () => {
    const url = await serve('served-small.log.gz', gzipSync(await readFile(resolve(ROOT, SMALL))));
    const [page, want] = await Promise.all([b.openAppAt(`url=${encodeURIComponent(url)}`), cliJson(SMALL)]);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    // A control for the privacy test: the recorder sees requests made by the worker (this fetch).
    const seen = page.recordRequests();
    await page.reload();
    await waitDone(page);
    expect(seen.filter((r) => r.url === url).map((r) => r.method)).toEqual(['GET']);
  });

  test('a URL that 404s: an error message naming the HTTP status', async () => {
    const url = `${b.baseUrl}no-such-log-${Date.now()}.log`;
    // Chromium logs the 404 in the console (Firefox logs nothing).
    const page = await b.openAppAt(`url=${encodeURIComponent(url)}`, {
      consoleErrors: [/Failed to load resource: the server responded with a status of 404/],
    });
    await page.waitFor(tid('error-banner'), { state: 'visible', timeout: WAIT_MS });
    const text = await page.text(tid('error-banner'));
    expect(text).toMatch(/HTTP 404/);
    expect(text).toContain(url);
    expect(await waitSettled(page)).toMatch(/^Stopped · (nothing|0 lines) read/);
    // The page is still usable: a file opens after it.
    const want = await cliJson(SMALL);
    await openFileByInput(page, SMALL);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
  });

  test('a URL on a closed port: a visible network/CORS error message', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/trace.log`;
    // Chromium logs the refused connection in the console (Firefox logs nothing).
    const page = await b.openAppAt(`url=${encodeURIComponent(url)}`, {
      consoleErrors: [/Failed to load resource: net::ERR_CONNECTION_REFUSED/, /Failed to fetch/],
    });
    await page.waitFor(tid('error-banner'), { state: 'visible', timeout: WAIT_MS });
    const text = await page.text(tid('error-banner'));
    expect(text).toContain(url);
    expect(text).toMatch(/network/i);
    expect(text).toMatch(/CORS/);
    expect(await waitSettled(page)).toMatch(/^Stopped · (nothing|0 lines) read/);
    expect(await page.text('h1')).toMatch(/RefTrace/);
  });

  test('a URL serving text that is not a log: the "not a log" message', async () => {
    const url = await serve('notes.txt', 'Shopping list\n- milk\n- eggs\nThis is not a ReferenceTracing log.\n');
    const page = await b.openAppAt(`url=${encodeURIComponent(url)}`);
    await page.waitFor(tid('not-a-log'), { state: 'visible', timeout: WAIT_MS });
    expect(await page.text(tid('not-a-log'))).toMatch(/does not look like a pymemtrace ReferenceTracing log/);
    expect(await page.text(tid('not-a-log'))).toMatch(/4 lines/);
    await waitSettled(page);
    expect(await page.text(tid('summary-state'))).toMatch(/Not a ReferenceTracing log/);
    expect(await summaryNumbers(page)).toEqual({ new: 0, del: 0, live: 0, pairs: 0, untracked: 0, duplicates: 0 });
  });
});
