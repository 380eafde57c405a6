// A shared URL: the view state (tab, filter, sort) lives in location.hash, so a new page opened at
// the same URL with the same file shows the same view.
import { describe, expect, test } from 'vitest';
import {
  WAIT_MS,
  columnTexts,
  expectCount,
  firstCell,
  openFileByInput,
  openTab,
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
});
