// Accessibility, checked by axe-core (support/axe.ts) on every view a person reaches, in the light
// and the dark theme, in both browsers: the welcome page, a parse in progress, each tab with a real
// log open (the suspects, a row's detail, T and A..B set, a comparison), the chart's message
// markers and its keyboard cursor, the Share popover, bad files (problems, a read error, not a
// log) and the update prompt.
// Every view must have no violation of any impact. Each scheme gets a browser of its own, launched
// with it (theme.test.ts says why).
import { appendFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, type AxeAllowance } from './support/axe.ts';
import { activeServiceWorker } from './support/pwa.ts';
import { serveSite } from './support/site-server.ts';
import {
  ROOT,
  WAIT_MS,
  launchBrowser,
  openFileByInput,
  openTab,
  tempDir,
  tid,
  waitChartDrawn,
  waitDone,
  waitSettled,
  writeGeneratedLog,
  type AppPage,
  type BrowserDriver,
} from './support/index.ts';
import { serveHeldLog } from './support/held-log.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const BEFORE = 'test/fixtures/samples/nested_named/nested_middle.log';
const name = inject('browserName');
const baseUrl = inject('baseUrl');

/** Rules that do not fit a custom widget, skipped for that widget only. */
const ALLOWED: AxeAllowance[] = [];

let tmp: Awaited<ReturnType<typeof tempDir>>;
let big = '';
beforeAll(async () => {
  tmp = await tempDir('reftrace-a11y-');
  // 15 MB, of which the log's server sends 12 MB and holds the rest (support/held-log.ts).
  big = join(tmp.dir, 'big.log');
  await writeGeneratedLog(big, { lines: 60_000, seed: 3 });
});
afterAll(() => tmp?.cleanup());

/** Waits until the view has what it asks the worker for: no busy table, no count still '…'. */
async function settled(page: AppPage): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-busy="true"]') &&
      !/…/.test(document.querySelector('[data-testid="table-count"]')?.textContent ?? '') &&
      !document.querySelector('[data-testid="row-loading"]'),
    undefined,
    { timeout: WAIT_MS },
  );
}

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  let driver: BrowserDriver;
  const pages: AppPage[] = [];
  beforeAll(async () => {
    driver = await launchBrowser(name, { colorScheme: scheme });
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.close().catch(() => {})));
    await driver?.close().catch(() => {});
  });

  async function open(url = baseUrl, initScript?: string): Promise<AppPage> {
    const page = await driver.newPage({ viewport: { width: 1400, height: 1000 }, initScript });
    pages.push(page);
    await page.goto(url);
    return page;
  }

  /** Checks a view and notes it; the findings of every view are compared with [] at the end of each test. */
  function checker(page: AppPage) {
    const found: string[] = [];
    const seen: string[] = [];
    return {
      found,
      seen,
      check: async (view: string) => {
        await settled(page);
        seen.push(view);
        found.push(...(await axeViolations(page, `${scheme} · ${view}`, ALLOWED)));
      },
    };
  }

  test('the welcome page, and a parse in progress', { timeout: 120_000 }, async () => {
    const page = await open();
    const { found, seen, check } = checker(page);
    await page.waitFor(tid('open-example'), { state: 'visible' });
    await check('welcome');
    // The check sees what it should: a field without a name, planted and removed again.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input id="planted">'));
    expect((await axeViolations(page, 'planted')).join('\n')).toMatch(/^planted: label \(critical\) at #planted: /);
    await page.evaluate(() => document.getElementById('planted')!.remove());

    // The log from a server that sends 12 MB and holds the rest: the parse waits mid-file, with
    // numbers and the chart's preview.
    const held = await serveHeldLog(big, { holdAfter: 12e6 });
    try {
      await page.goto(held.pageUrl(baseUrl));
      await page.waitFor(`${tid('rss-chart')}[data-state="preview"]`, { state: 'visible' });
      await page.waitForFunction(
        (sel) => /^Parsing… .*[1-9][\d,]* lines/.test(document.querySelector(sel)?.textContent ?? ''),
        tid('parse-status'),
      );
      await check('a parse in progress (summary, preview chart, progress, Cancel)');
      await openTab(page, 'live');
      await check('a parse in progress (Live objects)');
      expect(await page.text(tid('parse-status'))).toMatch(/^Parsing…/);
      held.release();
      await waitDone(page, 60_000);
    } finally {
      await held.stop();
    }

    expect(seen).toHaveLength(3);
    expect(found).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  test(
    'every tab of a real log, a row’s detail, the chart’s markers, T and A..B, Compare, Share',
    { timeout: 240_000 },
    async () => {
      const page = await open();
      const { found, seen, check } = checker(page);
      await openFileByInput(page, SMALL);
      await waitDone(page);
      await waitChartDrawn(page);
      await page.waitFor(tid('suspect'));
      await check('Summary with leak suspects, the chart and its message markers');
      await page.focus('[data-flag="1"]');
      await page.waitFor(tid('marker-tip'), { state: 'visible' });
      await check('a message marker’s text');
      await page.focus(tid('chart-cursor'));
      for (let i = 0; i < 3; i++) await page.press('ArrowRight');
      await page.keyDown('Shift');
      for (let i = 0; i < 3; i++) await page.press('ArrowRight');
      await page.keyUp('Shift');
      await page.waitFor(tid('clock-window'));
      await page.waitFor(tid('cursor-readout'), { state: 'visible' });
      await check('the chart’s keyboard cursor, and the window it selected');
      await page.click(tid('clear-clock-window'));
      await page.click(tid('suspects-by-type'));
      await page.waitFor(tid('suspect'));
      await check('suspects by type');
      await page.click(tid('suspects-by-site'));

      await page.click(`${tid('suspect')}:first-child ${tid('suspect-open')}`);
      await page.waitFor(`${tid('detail-live-chart')} svg`);
      await check('Live objects of a suspect, with its detail');
      await page.click(tid('detail-close'));
      await page.click(tid('clear-objects-of'));
      await check('Live objects');

      for (const tab of ['pairs', 'sites', 'untracked', 'duplicates', 'phases'] as const) {
        await openTab(page, tab);
        await check(tab);
      }
      await openTab(page, 'types');
      await page.waitFor(`${tid('type-chart')} .recharts-line`);
      await check('Types, with the chart per type');
      await page.click(`${tid('row')}[aria-rowindex="2"]`);
      await page.waitFor(`${tid('detail-live-chart')} svg`);
      await check('a type’s detail');

      await openTab(page, 'messages');
      await page.click(tid('sub-messages'));
      await check('Messages');
      await page.click(tid('sub-problems'));
      await check('Problems');

      await openTab(page, 'heap');
      await check('Heap at T, before T is set');
      await page.fill(tid('instant-input'), '0.047');
      await page.waitFor(tid('heap-totals'));
      await page.waitFor(tid('t-marker'));
      await check('Heap at T');
      await page.click(tid('part-objects'));
      await check('Heap at T, objects');

      await openTab(page, 'growth');
      await check('Growth A→B, before A..B is set');
      await page.fill(tid('clock-from'), '0.04');
      await page.fill(tid('clock-to'), '0.06');
      await page.click(tid('clock-apply'));
      await page.waitFor(tid('growth-totals'));
      await check('Growth A→B');
      await page.click(tid('part-sites'));
      await check('Growth A→B, sites');

      await openTab(page, 'compare');
      await check('Compare, before a baseline');
      await page.setInputFiles(tid('compare-file-input'), [resolve(ROOT, BEFORE)]);
      await page.waitForFunction(
        (sel) => /^nested_middle\.log · [\d,]+ lines/.test(document.querySelector(sel)?.textContent ?? ''),
        tid('compare-status'),
      );
      await check('Compare with a baseline');

      await page.fill(tid('ignore-name'), 'Fraction');
      await page.click(tid('ignore-add'));
      await page.waitFor(tid('ignore-chip'));
      await check('an ignored type');
      await page.click(tid('share-button'));
      await page.waitFor(tid('share-popover'), { state: 'visible' });
      await check('the Share popover');

      expect(seen).toHaveLength(25);
      expect(found).toEqual([]);
      expect(page.errors()).toEqual([]);
    },
  );

  test(
    'bad files: the problems of a damaged log, a read error, a file that is not a log',
    { timeout: 120_000 },
    async () => {
      const page = await open();
      const { found, seen, check } = checker(page);
      await openFileByInput(page, 'test/fixtures/bad/bad-address.log');
      await waitDone(page);
      await check('Summary of a damaged log');
      await openTab(page, 'messages');
      await page.click(tid('sub-problems'));
      await check('its problems');
      await openTab(page, 'duplicates');
      await check('its duplicate');

      await openFileByInput(page, 'test/fixtures/bad/corrupt.log.gz');
      await waitSettled(page);
      await page.waitFor(tid('error-banner'), { state: 'visible' });
      await check('a read error');
      await openFileByInput(page, 'test/fixtures/bad/readme.log');
      await waitSettled(page);
      await page.waitFor(tid('not-a-log'), { state: 'visible' });
      await check('not a log');

      expect(seen).toHaveLength(5);
      expect(found).toEqual([]);
      expect(page.errors()).toEqual([]);
    },
  );

  test('the update prompt', { timeout: 120_000 }, async () => {
    // As offline.test.ts does: a copy of the build on a server of its own, whose service worker changes.
    const site = await serveSite('/a11y/');
    try {
      const page = await open(site.url);
      const { found, check } = checker(page);
      await activeServiceWorker(page);
      await page.reload();
      await appendFile(join(site.dir, 'sw.js'), '\n// the next version\n');
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())!.update();
      });
      await page.waitFor(tid('update-prompt'), { state: 'visible' });
      await check('the update prompt');
      expect(found).toEqual([]);
      expect(page.errors()).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
