// The table tabs on the small sample: counts, filter, sorting by clicking headers, the Types and
// Pairs tables, checked against the CLI's output for the same file.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  WAIT_MS,
  cliJson,
  cliText,
  columnIndex,
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
  type CliJson,
} from './support.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const b = useBrowser();

let json: CliJson;
/** Clocks of the live objects, from the CLI's "Live Objects [N]:" section. */
let liveClocks: string[];
/** Lifetimes of the pairs, from the CLI's "Previous Objects" section (--include-historical). */
let lifetimes: string[];

/** Lines of one section of the CLI's text report: from the heading to the next unindented line. */
function section(text: string, heading: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`no section ${heading} in the CLI output`);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!/^\s/.test(l)) break;
    out.push(l);
  }
  return out;
}

beforeAll(async () => {
  const [j, text] = await Promise.all([cliJson(SMALL), cliText(SMALL, '--include-historical')]);
  json = j;
  liveClocks = section(text, /^Live Objects \[\d+\]/).map((l) => l.trim().split(/\s+/)[1]);
  lifetimes = section(text, /^Previous Objects/).map((l) => l.match(/DEL: dt: (\d+\.\d+)/)![1]);
  expect(liveClocks).toHaveLength(json.live);
  expect(lifetimes).toHaveLength(json.pairs);
});

async function openSmall(): Promise<Page> {
  const page = await b.openApp();
  await openFileByInput(page, SMALL);
  await waitDone(page);
  return page;
}

const byNumber = (a: string, b: string) => Number(a) - Number(b);

describe('tables on the small sample', () => {
  test('Live: count, filter, sort by clock', async () => {
    expect(json.live).toBe(61);
    const page = await openSmall();
    await openTab(page, 'live');
    await expectCount(page, '61 of 61');

    const filter = page.locator(tid('table-filter'));
    await filter.fill('StringAndTime');
    await expectCount(page, '20 of 61');
    await expect.poll(async () => (await page.locator(tid('row')).count()), { timeout: WAIT_MS }).toBeGreaterThan(0);
    const rows = await renderedRows(page);
    for (const cells of rows) expect(cells.join(' | ')).toContain('StringAndTime');
    // Every row's type is StringAndTime (the filter also matches files and functions; here only types do).
    expect(new Set(await columnTexts(page, 'type'))).toEqual(new Set(['StringAndTime']));

    // Sort the whole table by clock: first click ascending, second descending.
    await filter.fill('');
    await expectCount(page, '61 of 61');
    const sorted = [...liveClocks].sort(byNumber);
    await page.locator(tid('col-clock')).click();
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('asc');
    await expect.poll(() => firstCell(page, 'clock'), { timeout: WAIT_MS }).toBe(sorted[0]);
    const asc = await columnTexts(page, 'clock');
    expect(asc).toEqual(sorted.slice(0, asc.length));

    await page.locator(tid('col-clock')).click();
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('desc');
    await expect.poll(() => firstCell(page, 'clock'), { timeout: WAIT_MS }).toBe(sorted.at(-1));
    const desc = await columnTexts(page, 'clock');
    expect(desc).toEqual([...sorted].reverse().slice(0, desc.length));
    expect(await page.locator(tid('col-clock')).getAttribute('aria-sort')).toMatch(/^desc(ending)?$/);
  });

  test('Types: StringAndTime New 40 Del 20, and every type as the CLI counts it', async () => {
    const page = await openSmall();
    await openTab(page, 'types');
    const n = Object.keys(json.types).length;
    await expectCount(page, `${n} of ${n}`);
    const [iType, iNew, iDel, iUntracked] = await Promise.all(['type', 'new', 'del', 'untracked'].map((c) => columnIndex(page, c)));
    await expect.poll(() => page.locator(tid('row')).count(), { timeout: WAIT_MS }).toBe(n);
    const seen: Record<string, [number, number, number]> = {};
    for (const cells of await renderedRows(page)) {
      seen[cells[iType]] = [Number(cells[iNew].replace(/,/g, '')), Number(cells[iDel].replace(/,/g, '')), Number(cells[iUntracked].replace(/,/g, ''))];
    }
    expect(seen.StringAndTime?.slice(0, 2)).toEqual([40, 20]);
    expect(seen).toEqual(json.types);
  });

  test('Pairs: count 110, lifetime descending puts the longest first', async () => {
    expect(json.pairs).toBe(110);
    const page = await openSmall();
    await openTab(page, 'pairs');
    await expectCount(page, '110 of 110');
    const sorted = [...lifetimes].sort(byNumber);
    const header = page.locator(tid('col-lifetime'));
    await header.click();
    await expect.poll(() => sortOf(page, 'lifetime'), { timeout: WAIT_MS }).toBe('asc');
    await header.click();
    await expect.poll(() => sortOf(page, 'lifetime'), { timeout: WAIT_MS }).toBe('desc');
    await expect.poll(() => firstCell(page, 'lifetime'), { timeout: WAIT_MS }).toBe(sorted.at(-1));
    const shown = await columnTexts(page, 'lifetime');
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual([...sorted].reverse().slice(0, shown.length));
  });
});

describe('the rest of the contract on the small sample', () => {
  test('every tab is there and each table tab has its filter and count line', async () => {
    const page = await openSmall();
    await expect.poll(() => page.locator(tid('progress')).count()).toBe(1);
    // Only the active tab's table is in the DOM: the Summary has none.
    expect(await page.locator(tid('table-count')).count()).toBe(0);
    const totals: Record<string, string> = {
      live: `${json.live} of ${json.live}`,
      pairs: `${json.pairs} of ${json.pairs}`,
      types: `${Object.keys(json.types).length} of ${Object.keys(json.types).length}`,
      untracked: `${json.untracked} of ${json.untracked}`,
      messages: `${json.counts.msg + json.counts.err} of ${json.counts.msg + json.counts.err}`,
    };
    for (const tab of ['live', 'pairs', 'types', 'sites', 'messages', 'untracked']) {
      await openTab(page, tab);
      if (totals[tab]) await expectCount(page, totals[tab]);
      else await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^[1-9][\d,]* of [1-9][\d,]*$/);
      expect(await page.locator(tid('table-filter')).count(), `${tab}: one table-filter`).toBe(1);
      expect(await page.locator(tid('table-count')).count(), `${tab}: one table-count`).toBe(1);
      expect(await page.locator(tid('row')).count(), `${tab}: rows`).toBeGreaterThan(0);
    }
    await openTab(page, 'summary');
    expect(await page.locator(tid('table-count')).count()).toBe(0);
  });

  test('full-path toggle shows the log\'s full file paths and goes into the URL', async () => {
    const page = await openSmall();
    await openTab(page, 'live');
    await expectCount(page, '61 of 61');
    await expect.poll(async () => new Set(await columnTexts(page, 'file')), { timeout: WAIT_MS }).toContain('small.py');
    await page.locator(tid('full-path')).check();
    await expect
      .poll(async () => new Set(await columnTexts(page, 'file')), { timeout: WAIT_MS })
      .toContain('/tmp/reflogs/drivers/small.py');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: WAIT_MS }).toMatch(/full/);
  });
});
