// The table tabs on the small sample: counts, filter, sorting by clicking headers, the Types and
// Pairs tables, checked against the CLI's output for the same file; and the filter typed key by key
// on a generated log, checked against the engine.
import { readFile } from 'node:fs/promises';
import type { TableQueries } from '../../src/engine/query/table-query.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { Engine } from '../../src/engine/engine.ts';
import { fmtInt } from '../../src/ui/format.ts';
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
  parseIntText,
  renderedRows,
  sortOf,
  tableCount,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  writeGeneratedLog,
  type AppPage,
  type CliJson,
} from './support/index.ts';

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

async function openSmall(): Promise<AppPage> {
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

    await page.fill(tid('table-filter'), 'StringAndTime');
    await expectCount(page, '20 of 61');
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    const rows = await renderedRows(page);
    for (const cells of rows) expect(cells.join(' | ')).toContain('StringAndTime');
    // Every row's type is StringAndTime (the filter also matches files and functions; here only types do).
    expect(new Set(await columnTexts(page, 'type'))).toEqual(new Set(['StringAndTime']));

    // Sort the whole table by clock: first click ascending, second descending.
    await page.fill(tid('table-filter'), '');
    await expectCount(page, '61 of 61');
    const sorted = [...liveClocks].sort(byNumber);
    await page.click(tid('col-clock'));
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('asc');
    await expect.poll(() => firstCell(page, 'clock'), { timeout: WAIT_MS }).toBe(sorted[0]);
    const asc = await columnTexts(page, 'clock');
    expect(asc).toEqual(sorted.slice(0, asc.length));

    await page.click(tid('col-clock'));
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('desc');
    await expect.poll(() => firstCell(page, 'clock'), { timeout: WAIT_MS }).toBe(sorted.at(-1));
    const desc = await columnTexts(page, 'clock');
    expect(desc).toEqual([...sorted].reverse().slice(0, desc.length));
    expect(await page.attribute(tid('col-clock'), 'aria-sort')).toMatch(/^desc(ending)?$/);
  });

  test('Types: StringAndTime New 40 Del 20, and every type as the CLI counts it', async () => {
    const page = await openSmall();
    await openTab(page, 'types');
    const n = Object.keys(json.types).length;
    await expectCount(page, `${n} of ${n}`);
    const [iType, iNew, iDel, iUntracked] = await Promise.all(
      ['type', 'new', 'del', 'untracked'].map((c) => columnIndex(page, c)),
    );
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBe(n);
    const seen: Record<string, [number, number, number]> = {};
    for (const cells of await renderedRows(page)) {
      seen[cells[iType]] = [
        Number(cells[iNew].replace(/,/g, '')),
        Number(cells[iDel].replace(/,/g, '')),
        Number(cells[iUntracked].replace(/,/g, '')),
      ];
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
    const header = tid('col-lifetime');
    await page.click(header);
    await expect.poll(() => sortOf(page, 'lifetime'), { timeout: WAIT_MS }).toBe('asc');
    await page.click(header);
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
    await expect.poll(() => page.count(tid('progress'))).toBe(1);
    // Only the active tab's table is in the DOM: the Summary has none.
    expect(await page.count(tid('table-count'))).toBe(0);
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
      expect(await page.count(tid('table-filter')), `${tab}: one table-filter`).toBe(1);
      expect(await page.count(tid('table-count')), `${tab}: one table-count`).toBe(1);
      expect(await page.count(tid('row')), `${tab}: rows`).toBeGreaterThan(0);
    }
    await openTab(page, 'summary');
    expect(await page.count(tid('table-count'))).toBe(0);
  });

  test("full-path toggle shows the log's full file paths and goes into the URL", async () => {
    const page = await openSmall();
    await openTab(page, 'live');
    await expectCount(page, '61 of 61');
    await expect.poll(async () => new Set(await columnTexts(page, 'file')), { timeout: WAIT_MS }).toContain('small.py');
    await page.check(tid('full-path'));
    await expect
      .poll(async () => new Set(await columnTexts(page, 'file')), { timeout: WAIT_MS })
      .toContain('/tmp/reflogs/drivers/small.py');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: WAIT_MS }).toMatch(/full/);
  });
});

describe('the filter, typed key by key on a bigger table', () => {
  // 300k lines: ~150k pairs, so a query takes the worker long enough for keystrokes to overlap
  // (the viewer sends each at once, keeps only the newest while one is answered).
  let path: string;
  let cleanup: () => Promise<void>;
  let queries: TableQueries;
  const byLifetime = [{ column: 'lifetime', desc: true }];

  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    path = join(t.dir, 'typed.log');
    await writeGeneratedLog(path, { lines: 300_000, seed: 21, oddNames: true });
    queries = new Engine(analyseChunks([new Uint8Array(await readFile(path))])).tables;
  });
  afterAll(() => cleanup?.());

  /** What the engine answers for the text: the count line and the NEW log lines of the first rows. */
  const engine = (text: string) => {
    const w = queries.page({ table: 'pairs', sort: byLifetime, filter: { text }, offset: 0, limit: 200 });
    return { count: `${fmtInt(w.matched)} of ${fmtInt(w.total)}`, lines: w.rows.map((r) => String(r.newLogLine)) };
  };

  /** The count line and the rendered rows once they show `want`'s count (rows may follow the count by a frame). */
  async function expectTable(page: AppPage, want: { count: string; lines: string[] }): Promise<void> {
    await expectCount(page, want.count);
    await expect
      .poll(async () => (await columnTexts(page, 'newLogLine')).length, { timeout: WAIT_MS })
      .toBeGreaterThan(10);
    const shown = await columnTexts(page, 'newLogLine');
    expect(shown.length).toBeLessThan(want.lines.length);
    expect(shown).toEqual(want.lines.slice(0, shown.length));
  }

  test("typing, deleting back and typing again: the count and rows are the engine's for the last text", async () => {
    const page = await b.openApp();
    await openFileByInput(page, path);
    await waitDone(page);
    await openTab(page, 'pairs');
    const header = tid('col-lifetime');
    await page.click(header);
    await page.click(header);
    await expect.poll(() => sortOf(page, 'lifetime'), { timeout: WAIT_MS }).toBe('desc');
    await expectTable(page, engine(''));

    await page.focus(tid('table-filter'));
    await page.type('random');
    const random = engine('random');
    expect(parseIntText(random.count.split(' of ')[0])).toBeGreaterThan(0);
    await expectTable(page, random);

    // Shorter again: "ra" keeps more rows than "random" did.
    for (let i = 0; i < 4; i++) await page.press('Backspace');
    const ra = engine('ra');
    expect(ra.count).not.toBe(random.count);
    await expectTable(page, ra);

    await page.type('ndom');
    await expectTable(page, random);
    await page.type(' x');
    await expectCount(page, `0 of ${random.count.split(' of ')[1]}`);
    await page.press('Escape');
    await expectTable(page, engine(''));
    // A dropped (superseded) request is not an error.
    expect(await page.evaluate(() => document.body.textContent?.includes('Could not load rows'))).toBe(false);
  });
});
