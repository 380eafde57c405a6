// Offline and installable: the service worker (vite-plugin-pwa, Workbox) precaches the build, so
// a viewer loaded once from a sub-path reloads and works with its server gone: a big log through
// the decode workers, the summary, both charts (lazy chunks), Compare, export, the example. It
// leaves ?url= logs of other origins to the network, and offers a new version instead of
// switching to it. The site runs on a server of its own (support/site-server.ts), which these
// tests stop; the suite's shared server keeps running. Both browsers run service workers here
// (Firefox over WebDriver BiDi too).
import { appendFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  expectCount,
  openFileByInput,
  openTab,
  parseCsv,
  summaryNumbers,
  tempDir,
  tid,
  useBrowser,
  waitChartDrawn,
  waitDone,
  waitSettled,
  writeGeneratedLog,
  type AppPage,
} from './support/index.ts';
import { decodeWorkersShown, withDecodeWorkers } from './support/cores.ts';
import { activeServiceWorker, controller } from './support/pwa.ts';
import { serveLog, serveSite, type LogServer, type SiteServer } from './support/site-server.ts';

const b = useBrowser();
const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const MIDDLE = 'test/fixtures/samples/nested_named/nested_middle.log';
const EXAMPLE = { new: 171, del: 119, live: 61, pairs: 110, untracked: 9, duplicates: 0 };
const SUB = '/team/tools/reftrace/';

let site: SiteServer | undefined;
let logServer: LogServer | undefined;
afterEach(async () => {
  await Promise.all([site?.close(), logServer?.stop()]);
  site = logServer = undefined;
});

let tmp: Awaited<ReturnType<typeof tempDir>>;
let big = '';
beforeAll(async () => {
  tmp = await tempDir('reftrace-offline-');
  // Over the 16 MiB from which the worker hands blocks to the decode workers: their script must come from the cache too.
  big = join(tmp.dir, 'big-30MB.log');
  const written = await writeGeneratedLog(big, { lines: 120_000, seed: 5 });
  expect(written.bytes).toBeGreaterThan(16 << 20);
});
afterAll(async () => {
  await tmp?.cleanup();
});

/** Opens the site, waits for its service worker, and reloads so that the worker controls the page. */
async function openControlled(url: string, initScript?: string): Promise<AppPage> {
  const page = await b.openUrl(url, { initScript });
  const sw = await activeServiceWorker(page);
  expect(sw).toBe(`${site!.url}sw.js`);
  // The first visit is not controlled (no clients.claim): the next load is.
  expect(await controller(page)).toBeNull();
  await page.reload();
  expect(await controller(page)).toBe(sw);
  return page;
}

/** Whether a fetch of a file the build does not have fails: the network really is gone. */
function fetchFails(page: AppPage, url: string): Promise<boolean> {
  return page.evaluate(
    (u) =>
      fetch(u).then(
        () => false,
        () => true,
      ),
    url,
  );
}

describe('offline', () => {
  test('from a sub-path: reloads with the server stopped; a 30 MB log (decode workers), both charts, Compare, export and the example work', async () => {
    site = await serveSite(SUB);
    // Three cores as the page sees them: it starts two decode workers.
    const page = await openControlled(site.url, withDecodeWorkers(2));
    const [want, small] = await Promise.all([cliJson(big), cliJson(SMALL)]);

    await site.stop();
    // Chromium logs the refused connection of this control (Firefox logs nothing).
    page.expectConsoleErrors(/Failed to load resource: net::ERR_CONNECTION_REFUSED/);
    expect(await fetchFails(page, `${site.url}not-in-the-build.txt`)).toBe(true);
    await page.reload();
    expect(new URL(page.url()).pathname).toBe(SUB);
    await page.waitFor(tid('open-example'), { state: 'visible' });

    await openFileByInput(page, big);
    await waitDone(page, 60_000);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    expect(await decodeWorkersShown(page)).toBe(2);

    // The RSS chart (its lazy chunk and recharts' come from the cache): drawn, with both lines.
    await expect
      .poll(() => page.count(`${tid('rss-chart')}[data-state="full"] .recharts-line`), { timeout: WAIT_MS })
      .toBe(2);
    // The per-type chart: one line per type of the top 8.
    await openTab(page, 'types');
    await expect
      .poll(() => page.count(`${tid('type-chart')} .recharts-line`), { timeout: WAIT_MS })
      .toBe(Math.min(8, Object.keys(want.types).length));

    // Export of the Types table: one row per type.
    const csv = parseCsv((await page.download(tid('export-csv'))).text);
    expect(csv.length - 1).toBe(Object.keys(want.types).length);

    // Compare with a second file.
    await openFileByInput(page, SMALL);
    await waitDone(page);
    await openTab(page, 'compare');
    await expect.poll(() => page.isEnabled(tid('compare-open')), { timeout: WAIT_MS }).toBe(true);
    const middle = await cliJson(MIDDLE);
    await page.setInputFiles(tid('compare-file-input'), [resolve(ROOT, MIDDLE)]);
    const n = new Set([...Object.keys(middle.types), ...Object.keys(small.types)]).size;
    await expectCount(page, `${n} of ${n}`);

    // The bundled example, fetched by the page from the cache.
    await page.click(tid('open-example'));
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(EXAMPLE);
  });

  test('installable: the manifest names the app, its start and scope, and icons that load at their sizes', async () => {
    site = await serveSite(SUB);
    const page = await b.openUrl(site.url);
    // The page registers its service worker as it loads: the server must not stop mid-fetch of sw.js
    // (Chromium then logs "An unknown error occurred when fetching the script").
    expect(await activeServiceWorker(page)).toBe(`${site.url}sw.js`);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const m = (await (await fetch(link.href)).json()) as {
        name: string;
        short_name: string;
        start_url: string;
        scope: string;
        display: string;
        icons: { src: string; sizes: string; type: string }[];
      };
      const icons = await Promise.all(
        m.icons.map(async (i) => {
          const img = new Image();
          img.src = new URL(i.src, link.href).href;
          await img.decode();
          return { sizes: i.sizes, type: i.type, width: img.naturalWidth, height: img.naturalHeight };
        }),
      );
      return {
        href: link.href,
        name: m.name,
        short: m.short_name,
        start: new URL(m.start_url, link.href).href,
        scope: new URL(m.scope, link.href).href,
        display: m.display,
        icons,
      };
    });
    expect(manifest).toEqual({
      href: `${site.url}manifest.webmanifest`,
      name: 'RefTrace Viewer',
      short: 'RefTrace',
      start: site.url,
      scope: site.url,
      display: 'standalone',
      icons: [
        { sizes: 'any', type: 'image/svg+xml', width: 512, height: 512 },
        { sizes: '192x192', type: 'image/png', width: 192, height: 192 },
        { sizes: '512x512', type: 'image/png', width: 512, height: 512 },
      ],
    });
  });

  test('?url= of another origin goes to the network: a changed log is read anew, a stopped server is an error', async () => {
    site = await serveSite(SUB);
    const [small, example] = [
      await readFile(resolve(ROOT, SMALL)),
      await readFile(resolve(ROOT, 'public/example.log')),
    ];
    logServer = await serveLog(small);
    const page = await openControlled(`${site.url}?url=${encodeURIComponent(logServer.url)}`);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(await cliJson(SMALL)));
    await waitChartDrawn(page);
    const hits = logServer.hits();
    expect(hits).toBeGreaterThanOrEqual(1);

    logServer.set(example);
    await page.reload();
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(EXAMPLE);
    expect(logServer.hits()).toBe(hits + 1);
    await waitChartDrawn(page);

    // Chromium logs the refused connection (Firefox logs nothing).
    page.expectConsoleErrors(/Failed to load resource: net::ERR_CONNECTION_REFUSED/, /Failed to fetch/);
    await logServer.stop();
    await page.reload();
    await page.waitFor(tid('error-banner'), { state: 'visible', timeout: WAIT_MS });
    expect(await page.text(tid('error-banner'))).toContain(logServer.url);
    expect(await waitSettled(page)).toMatch(/^Stopped · (nothing|0 lines) read/);
  });

  test('a new version waits: the page offers "A new version is available — Reload", and switches only on the click', async () => {
    site = await serveSite(SUB);
    const page = await openControlled(site.url);
    await page.evaluate(() => ((window as { beforeUpdate?: boolean }).beforeUpdate = true));

    // A new build: its service worker script differs (the browser compares it byte for byte).
    await appendFile(join(site.dir, 'sw.js'), '\n// the next version\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    await page.waitFor(tid('update-prompt'), { state: 'visible', timeout: WAIT_MS });
    expect((await page.text(tid('update-prompt'))).replace(/\s+/g, ' ').replace('✕', '').trim()).toBe(
      'A new version is available — Reload',
    );
    // Installed and waiting; the page has not been reloaded under the user.
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
    expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);

    await page.click(tid('update-reload'));
    await page.waitForFunction(
      () => !(window as { beforeUpdate?: boolean }).beforeUpdate && document.readyState === 'complete',
      undefined,
      { timeout: WAIT_MS },
    );
    await page.waitFor(tid('open-example'), { state: 'visible' });
    const after = await page.evaluate(async () => {
      const r = (await navigator.serviceWorker.getRegistration())!;
      return { waiting: !!r.waiting, active: r.active?.state, controlled: !!navigator.serviceWorker.controller };
    });
    expect(after).toEqual({ waiting: false, active: 'activated', controlled: true });
    expect(await page.count(tid('update-prompt'))).toBe(0);
    // The new worker serves the site: it still works with the server gone.
    await site.stop();
    await page.reload();
    await page.click(tid('open-example'));
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(EXAMPLE);
  });
});
