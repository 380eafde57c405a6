// Issue 26, items 6 and 10, in both browsers: long names and messages are shown cut, with the whole
// text on demand, and a long text in a log no longer freezes the page's main thread (a 60 KB
// opening message without spaces took Chromium 4-7 s, and every return to the Summary 3.7 s);
// right-to-left override characters in names are isolated (a site does not read as
// `admin)(daol 01:exe.py`).

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ROOT,
  WAIT_MS,
  openFileByInput,
  openTab,
  sleep,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  type AppPage,
} from './support/index.ts';
import { STALL_PROBE, takeStalls } from './support/stall-probe.ts';

const b = useBrowser();

/** Main-thread stalls over 50 ms since the last call (both browsers). */
const stalls = async (page: AppPage) => (await takeStalls(page)).map((s) => s.ms);

const LONG = 60_000;
const INTRO = 'x'.repeat(LONG);
const RLO = '\u202e';
const RTL_FILE = `/tmp/${RLO}yp.exe`;

let tmp: Awaited<ReturnType<typeof tempDir>>;
let path = '';

beforeAll(async () => {
  tmp = await tempDir('reftrace-long-text-');
  // The small sample with a 60 KB opening message without spaces, a 60 KB MSG, a type of 60 KB
  // (a record line under the 64 KiB cap), and a file whose name holds a right-to-left override.
  const base = (await readFile(join(ROOT, 'test/fixtures/bad/base.log'), 'latin1')).split('\n');
  const sof = base.indexOf('SOF');
  const first = base.findIndex((l) => l.startsWith('NEW:'));
  const rec = base[first];
  const longType = rec.slice(0, 52) + 'T'.repeat(LONG) + ' ' + rec.slice(52 + 33);
  const rtl = rec.replace('/tmp/reflogs/drivers/small.py', RTL_FILE.padEnd('/tmp/reflogs/drivers/small.py'.length));
  const lines = [
    INTRO,
    ...base.slice(sof, first),
    longType,
    rtl,
    `MSG:     0.045800 # ${'m'.repeat(LONG)}`,
    ...base.slice(first + 1),
  ];
  path = join(tmp.dir, 'long.log');
  await writeFile(path, lines.join('\n'), 'utf8');
});
afterAll(async () => {
  await tmp?.cleanup();
});

describe('long text and bidi overrides in the page (issue 26)', () => {
  test('a 60 KB opening message, MSG and type: shown cut, the whole on demand, no freeze of the main thread', async () => {
    const page = await b.openAppAt('', { initScript: STALL_PROBE });
    await openFileByInput(page, path);
    await waitDone(page);
    // Cut, saying how long it is, with a button for the rest.
    const intro = await page.text(tid('summary-intro'));
    expect(intro.length).toBeLessThan(3000);
    expect(intro).toContain('60,000 characters');
    await sleep(300);
    const atOpen = await stalls(page);
    // Back and forth between tabs: the Summary, the messages, the types.
    for (const tab of ['messages', 'summary', 'types', 'summary']) {
      await openTab(page, tab);
      await sleep(400);
    }
    const onTabs = await stalls(page);
    // The whole text on demand, still without a stall.
    await page.click(`${tid('summary-intro')} ${tid('cut-text-more')}`);
    await expect
      .poll(async () => (await page.text(tid('summary-intro'))).length, { timeout: WAIT_MS })
      .toBeGreaterThanOrEqual(LONG);
    await sleep(400);
    const onMore = await stalls(page);
    console.log(`[${b.name}] stalls over 50 ms: open ${atOpen}, tabs ${onTabs}, whole text ${onMore}`);
    // The page's own renders stall 50-270 ms on this 2-core machine with any log (the small sample
    // too): what the long text must not add is a freeze (it was 3.7-7 s in Chromium).
    expect(Math.max(0, ...atOpen, ...onTabs)).toBeLessThan(1000);
    expect(Math.max(0, ...onMore)).toBeLessThan(200);
  });

  test('a 10 MB file of one line: its first 64 KiB read, shown cut, no freeze', async () => {
    const one = join(tmp.dir, 'one-line.log');
    await writeFile(one, 'y'.repeat(10 << 20));
    const page = await b.openAppAt('', { initScript: STALL_PROBE });
    await openFileByInput(page, one);
    await waitDone(page);
    expect((await page.text(tid('summary-intro'))).length).toBeLessThan(3000);
    for (const tab of ['messages', 'summary']) {
      await openTab(page, tab);
      await sleep(400);
    }
    const seen = await stalls(page);
    console.log(`[${b.name}] 10 MB line: stalls over 50 ms ${seen}`);
    expect(Math.max(0, ...seen)).toBeLessThan(1000);
  });

  test('a right-to-left override in a file name is isolated: the text after it reads left to right', async () => {
    const page = await b.openApp();
    await openFileByInput(page, path);
    await waitDone(page);
    await openTab(page, 'sites');
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    // Every cell isolates its text: an override inside cannot reorder the text around it.
    const isolation = await page.evaluate(() =>
      [...document.querySelectorAll('[role="gridcell"]')].map((c) => getComputedStyle(c).unicodeBidi),
    );
    expect([...new Set(isolation)]).toEqual(['isolate']);
    const cell = await page.evaluate(
      (rlo) =>
        [...document.querySelectorAll('[role="gridcell"]')].find((c) => c.textContent?.includes(rlo))?.textContent,
      RLO,
    );
    expect(cell).toContain(RLO);
    // A label that prints the site (its detail's title) isolates the name: `⁨/tmp/‮yp.exe⁩:23 …`
    // reads with its line and function after it, not reversed into it.
    await page.evaluate((rlo) => {
      const row = [...document.querySelectorAll('[data-testid="row"]')].find((r) => r.textContent?.includes(rlo));
      (row as HTMLElement).click();
    }, RLO);
    await page.waitFor(tid('detail-title'), { state: 'visible' });
    expect(await page.text(tid('detail-title'))).toMatch(/\u2068[^\u2069]*\u202e[^\u2069]*\u2069:\d+ \S/);
  });
});
