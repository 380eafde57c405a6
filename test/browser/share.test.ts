// A shared URL: the view state (tab, filter, sort) lives in location.hash, so a new page opened at
// the same URL with the same file shows the same view. Links carry their version (v=2): a link of
// the first form (no v, the ignore list as `ign`) still opens the view it did, and a link newer
// than the page says so instead of quietly showing the default view.
import { describe, expect, test } from 'vitest';
import {
  WAIT_MS,
  type AppPage,
  columnTexts,
  expectCount,
  firstCell,
  openFileByInput,
  openTab,
  renderedRows,
  sortOf,
  tableCount,
  tid,
  useBrowser,
  waitDone,
} from './support/index.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const b = useBrowser();

describe('share a view through the URL', () => {
  test('Live tab with a filter and a clock sort survives into a new page', async () => {
    const page = await b.openApp();
    await openFileByInput(page, SMALL);
    await waitDone(page);
    await openTab(page, 'live');
    await expectCount(page, '61 of 61');

    await page.fill(tid('table-filter'), 'Fraction');
    await expectCount(page, '20 of 61');
    await page.click(tid('col-clock'));
    await page.click(tid('col-clock'));
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('desc');

    // The hash settles after the filter's debounce; wait until it names the tab, the filter and the sort.
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)), { timeout: WAIT_MS })
      .toMatch(/(?=.*live)(?=.*Fraction)(?=.*clock)(?=.*desc)/);
    const url = page.url();
    expect(new URL(url).hash).not.toBe('');
    // The sort asks the worker again: the count reads '…' until its answer is in.
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).not.toContain('…');
    const before = {
      count: await tableCount(page),
      first: await firstCell(page, 'clock'),
      clocks: await columnTexts(page, 'clock'),
      types: await columnTexts(page, 'type'),
    };
    expect(new Set(before.types)).toEqual(new Set(['Fraction']));
    expect(before.clocks).toEqual([...before.clocks].sort((x, y) => Number(y) - Number(x)));

    // A new page (its own browser context: nothing shared but the URL) and the same file.
    const hash = new URL(url).hash;
    const again = await b.openApp(hash);
    expect(new URL(again.url()).hash).toBe(hash);
    await openFileByInput(again, SMALL);
    await waitDone(again);

    await expect.poll(() => again.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    expect(await again.inputValue(tid('table-filter'))).toBe('Fraction');
    await expectCount(again, before.count);
    await expect.poll(() => sortOf(again, 'clock'), { timeout: WAIT_MS }).toBe('desc');
    await expect.poll(() => firstCell(again, 'clock'), { timeout: WAIT_MS }).toBe(before.first);
    expect(await columnTexts(again, 'clock')).toEqual(before.clocks);
    expect(await columnTexts(again, 'type')).toEqual(before.types);
    // And the URL is still the shared one.
    expect(new URL(again.url()).hash).toBe(hash);
  });

  test('a link of version 1 (no v, ign=) opens the view it did, and the address bar moves to version 2', async () => {
    // Every part of the view at once: tab, sort, filter, T, the clock window, two ignore chips, a detail, full paths.
    const RANDOM = '/tmp/py313root/usr/lib/python3.13/random.py';
    const common = `tab=live&sort=live:clock:desc&q=live:Fraction&t=0.048&win=0.047-0.049&detail=type:datetime.datetime&full=1`;
    const v1 = `${common}&ign=type:StringAndTime&ign=file:${RANDOM}`;
    const v2 = `v=2&${common}&ignore=type:StringAndTime&ignore=file:${RANDOM}`;
    const open = async (hash: string) => {
      const page = await b.openApp(hash);
      await openFileByInput(page, SMALL);
      await waitDone(page);
      return page;
    };
    const old = await open(v1);
    const shown = await viewShown(old);
    expect(shown).toMatchObject({
      tab: 'tab-live',
      filter: 'Fraction',
      sort: 'desc',
      t: '0.048',
      window: 'A..B: 0.047000–0.049000 s',
      chips: ['type:StringAndTime', `file:${RANDOM}`],
      detail: 'Type datetime.datetime',
      full: true,
    });
    // Fraction objects created in the window and alive at the end, latest first.
    expect(shown.count).toMatch(/^[1-9]\d* of 61$/);
    expect(shown.count).not.toBe('20 of 61');
    expect(new Set(shown.types)).toEqual(new Set(['Fraction']));
    expect(shown.clocks).toEqual([...shown.clocks].sort((x, y) => Number(y) - Number(x)));
    for (const c of shown.clocks) {
      expect(Number(c)).toBeGreaterThanOrEqual(0.047);
      expect(Number(c)).toBeLessThanOrEqual(0.049);
    }

    // The address bar now holds the same view in today's form.
    await expect.poll(() => old.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('v'))).toBe('2');
    const upgraded = await old.evaluate(() => [...new URLSearchParams(location.hash.slice(1))]);
    expect(upgraded.filter(([k]) => k === 'ign')).toEqual([]);
    expect(upgraded.filter(([k]) => k === 'ignore').map(([, v]) => v)).toEqual([
      'type:StringAndTime',
      `file:${RANDOM}`,
    ]);
    // …and names the local file it was made from (size:fingerprint:name).
    expect(Object.fromEntries(upgraded.filter(([k]) => k !== 'ignore'))).toEqual({
      ...Object.fromEntries(new URLSearchParams(common)),
      v: '2',
      log: expect.stringMatching(/^\d+:[0-9a-f]{16}:.+\.log$/),
    });

    // The same view written in today's form shows exactly the same.
    const today = await open(v2);
    expect(await viewShown(today)).toEqual(shown);
  });

  test('a link newer than the page: a notice says so, the default view shows, and the link is kept', async () => {
    const page = await b.openApp('v=3&tab=live&q=live:Fraction');
    await page.waitFor(tid('link-notice'), { state: 'visible' });
    expect(await page.text(tid('link-notice'))).toMatch(
      /^This link’s view could not be shown\. This link was made by a newer version of RefTrace Viewer \(its view is version 3; this page reads up to version 2\)\./,
    );
    await openFileByInput(page, SMALL);
    await waitDone(page);
    expect(await page.attribute(tid('tab-summary'), 'aria-selected')).toBe('true');
    expect(new URL(page.url()).hash).toBe('#v=3&tab=live&q=live:Fraction');
    // Changing the view writes it in today's form; the notice goes when dismissed.
    await openTab(page, 'types');
    // (with the file the view is of: naming it alone did not write over the link).
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v=2&tab=types&log=\d+:[0-9a-f]{16}:[^&]+\.log$/);
    await page.click(`${tid('link-notice')} .banner-close`);
    await expect.poll(() => page.count(tid('link-notice'))).toBe(0);
  });
});

/** What the page shows of its view: the tab, the table's filter, sort, count and rows, T, the window, the chips, the detail. */
async function viewShown(page: AppPage) {
  await expect.poll(() => page.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
  await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).not.toContain('…');
  await page.waitFor(tid('detail-title'));
  return {
    tab: await page.evaluate(() =>
      document.querySelector('[role="tab"][aria-selected="true"]')?.getAttribute('data-testid'),
    ),
    filter: await page.inputValue(tid('table-filter')),
    sort: await sortOf(page, 'clock'),
    count: await tableCount(page),
    t: await page.inputValue(tid('instant-input')),
    window: (await page.text(tid('clock-window'))).replace(/✕$/, '').trim(),
    chips: await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="ignore-chip"]')].map(
        (c) => `${c.dataset.kind}:${c.dataset.name}`,
      ),
    ),
    detail: (await page.text(tid('detail-title'))).trim(),
    full: await page.evaluate(
      () => (document.querySelector('[data-testid="full-path"]') as HTMLInputElement | null)?.checked ?? null,
    ),
    types: await columnTexts(page, 'type'),
    clocks: await columnTexts(page, 'clock'),
    rows: await renderedRows(page),
  };
}
