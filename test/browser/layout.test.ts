// The page fits the screens people have (issue 24), in each browser: at 1024×768, 1366×768 and
// 1920×1080, with a real log (reindex-phase, with phase messages) open, T and A..B set so every
// view has its table: every tab in view, the page never scrolls as a whole, no table scrolls
// sideways, and no header, number, clock or field is cut short (scrollWidth ≤ clientWidth; text
// cells of the widest tables may end in "…" at 1024 only, their whole text on hover). At 1366×768
// the table keeps at least 12 rows with the chart shown and a row's detail open; at 1920 the detail
// docks beside its table. Dark mode has dark scrollbars. The measuring is support/layout.ts's.

import { afterAll, describe, expect, inject, test } from 'vitest';
import {
  WAIT_MS,
  launchBrowser,
  openFileByInput,
  tableCount,
  tid,
  useBrowser,
  waitDone,
  type AppPage,
  type BrowserDriver,
} from './support/index.ts';
import { measureLayout, type LayoutReport } from './support/layout.ts';

const b = useBrowser();
const LOG = 'test/fixtures/leaks/reindex-phase.log.gz';
/** T in the serve phase, A..B over the two re-index phases: the heap and growth tabs have tables. */
const VIEW = 'v=2&t=0.9&win=0.47-0.69';
/** The name of the first suspect, which opens its detail. */
const FIRST_SUSPECT = `${tid('suspect')}:first-child ${tid('suspect-open')}`;
const SIZES: [number, number][] = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
];

async function openAt(width: number, height: number, hash = VIEW): Promise<AppPage> {
  const sized = await b.openAppAt('', { hash, viewport: { width, height } });
  await openFileByInput(sized, LOG);
  await waitDone(sized);
  return sized;
}

/** Waits until the open view has settled: its table counted (if it has one) and its rows drawn. */
async function settled(page: AppPage): Promise<void> {
  await page.waitForFunction(
    () => {
      const count = document.querySelector('[data-testid="table-count"]');
      if (count && count.textContent?.includes('…')) return false;
      return !document.querySelector('[data-testid="row-loading"]');
    },
    undefined,
    { timeout: WAIT_MS },
  );
  // Two frames: columns widen to the rows just drawn (grid-layout.ts).
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

const measure = (page: AppPage): Promise<LayoutReport> => page.evaluate(measureLayout);

describe('the page fits the window', () => {
  for (const [width, height] of SIZES) {
    test(`${width}×${height}: every tab in view, no page overflow, nothing cut short, on every view`, async () => {
      const page = await openAt(width, height);
      const tabs = await page.evaluate(() =>
        [...document.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('data-testid')!.slice(4)),
      );
      expect(tabs.length).toBeGreaterThanOrEqual(12);
      for (const tab of tabs) {
        // One visible click away: the tab is in view before it is clicked.
        expect((await measure(page)).tabsOutOfView, `before ${tab}`).toEqual([]);
        await page.click(tid(`tab-${tab}`));
        await expect.poll(() => page.attribute(tid(`tab-${tab}`), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
        await settled(page);
        const r = await measure(page);
        const where = `${width}×${height} ${tab}`;
        expect([r.overflowX, r.overflowY], `${where}: the page scrolls`).toEqual([0, 0]);
        expect(r.tabsOutOfView, where).toEqual([]);
        if (r.gridOverflowX !== null) expect(r.gridOverflowX, `${where}: the table scrolls sideways`).toBe(0);
        // Text cells may give up width only where the window is narrow.
        const cut = r.clipped.filter((c) => !(c.what === 'cell' && c.kind === 'text' && width < 1366));
        expect(cut, `${where}: cut short`).toEqual([]);
        if (tab === 'heap' || tab === 'growth' || tab === 'live' || tab === 'phases')
          expect(r.rowsInView, `${where}: rows`).toBeGreaterThan(0);
        if (tab === 'summary') {
          // "since 0.473503 s" may wrap after "since", never between the number and its unit.
          await expect.poll(() => page.count('.suspect-table .value-unit'), { timeout: WAIT_MS }).toBeGreaterThan(0);
          const units = await page.evaluate(() =>
            [...document.querySelectorAll('.suspect-table .value-unit')].map(
              (e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size,
            ),
          );
          expect(units.length, where).toBeGreaterThan(0);
          expect(
            units.filter((lines) => lines !== 1),
            `${where}: a unit on a line of its own`,
          ).toEqual([]);
        }
      }

      // A clock of two digits before the point, typed into From, To and T, shows whole (no spinners).
      await page.fill(tid('clock-from'), '11.250550');
      await page.fill(tid('clock-to'), '123.250550');
      await page.fill(tid('instant-input'), '11.250550');
      const fields = (await measure(page)).clipped.filter((c) => c.what === 'field');
      expect(fields).toEqual([]);
      expect(await page.attribute(tid('clock-from'), 'type')).toBe('text');
    });
  }

  test('1366×768: the table keeps 12 rows or more with the chart shown and a suspect’s detail open', async () => {
    const page = await openAt(1366, 768, '');
    await page.waitFor(FIRST_SUSPECT);
    await page.click(FIRST_SUSPECT);
    await page.waitFor(tid('detail-panel'));
    await page.waitFor(tid('detail-glance'));
    for (const tab of ['live', 'sites', 'heap', 'growth']) {
      if (tab === 'heap') await page.click(tid('peak-live'));
      if (tab === 'growth') {
        await page.fill(tid('clock-from'), '0.47');
        await page.fill(tid('clock-to'), '0.69');
        await page.press('Enter');
      }
      await page.click(tid(`tab-${tab}`));
      await settled(page);
      expect(await page.count(tid('rss-chart')), `${tab}: the chart`).toBe(1);
      expect(await page.count(tid('detail-panel')), `${tab}: the detail`).toBe(1);
      const r = await measure(page);
      expect(r.rowsInView, `${tab}: rows in view`).toBeGreaterThanOrEqual(12);
      expect([r.overflowX, r.overflowY], tab).toEqual([0, 0]);
      expect(r.clipped, tab).toEqual([]);
    }
    // The detail says the essentials collapsed; More shows the rest inside its own scroll.
    expect(await page.text(tid('detail-rate'))).toMatch(/grows \+[\d,]+\/s/);
    await page.click(tid('detail-more'));
    await page.waitFor(tid('detail-verdict'));
    const r = await measure(page);
    expect([r.overflowX, r.overflowY]).toEqual([0, 0]);
    expect(r.rowsInView).toBeGreaterThan(0);
  });

  test('1920×1080: a row’s detail docks beside its table, which keeps its width and rows', async () => {
    const page = await openAt(1920, 1080, '');
    await page.click(FIRST_SUSPECT);
    await page.waitFor(tid('detail-verdict'));
    await settled(page);
    const boxes = await page.evaluate(() => {
      const d = document.querySelector('[data-testid="detail-panel"]')!.getBoundingClientRect();
      const g = document.querySelector('.grid-scroll')!.getBoundingClientRect();
      return { detailLeft: d.left, gridRight: g.right, gridWidth: g.width, detailTop: d.top, gridTop: g.top };
    });
    expect(boxes.detailLeft).toBeGreaterThanOrEqual(boxes.gridRight);
    expect(boxes.gridWidth).toBeGreaterThan(1200);
    const r = await measure(page);
    expect(r.rowsInView).toBeGreaterThanOrEqual(20);
    expect([r.overflowX, r.overflowY, r.gridOverflowX]).toEqual([0, 0, 0]);
    expect(await tableCount(page)).toMatch(/^[\d,]+ of [\d,]+$/);
  });
});

describe('dark mode', () => {
  const drivers: BrowserDriver[] = [];
  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close().catch(() => {})));
  });

  test('the page asks for dark native controls and its scrollbars are dark', async () => {
    const driver = await launchBrowser(inject('browserName'), { colorScheme: 'dark' });
    drivers.push(driver);
    const page = await driver.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(inject('baseUrl'));
      await openFileByInput(page, LOG);
      await waitDone(page);
      await page.click(tid('tab-live'));
      await settled(page);
      const seen = await page.evaluate(() => {
        const grid = getComputedStyle(document.querySelector('.grid-scroll')!);
        return { scheme: getComputedStyle(document.documentElement).colorScheme, scrollbar: grid.scrollbarColor };
      });
      expect(seen.scheme).toContain('dark');
      // Thumb and track: both dark (luminance well below the light theme's).
      const colours = [...seen.scrollbar.matchAll(/rgb\((\d+), (\d+), (\d+)\)/g)].map((m) =>
        [1, 2, 3].map((i) => Number(m[i])),
      );
      expect(colours).toHaveLength(2);
      for (const [r, g, bl] of colours) expect(Math.max(r, g, bl)).toBeLessThan(100);
      expect(page.errors()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
