// The features of commit 8a58e1f: the Compare tab, CSV/JSON export, keyboard navigation of the
// grid (ARIA roles), and a regression test for the chart after a second file is opened. Numbers
// are checked against the CLI's output for the same files.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  cliText,
  columnTexts,
  expectCount,
  openFileByInput,
  openTab,
  sortOf,
  summaryNumbers,
  tableCount,
  tableRecords,
  tid,
  useBrowser,
  waitDone,
  type AppPage,
  type CliJson,
  parseCsv,
  sleep,
} from './support/index.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const MIDDLE = 'test/fixtures/samples/nested_named/nested_middle.log';
const OUTER = 'test/fixtures/samples/nested_named/nested_outer.log';
const b = useBrowser();

interface LiveLine {
  address: string;
  clock: string;
  type: string;
  func: string;
  site: string;
}

/** The CLI's "Live Objects [N]:" section as records. */
async function cliLive(path: string): Promise<LiveLine[]> {
  const lines = (await cliText(path)).split('\n');
  const start = lines.findIndex((l) => /^Live Objects \[\d+\]/.test(l));
  const out: LiveLine[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!/^\s/.test(l)) break;
    // The site is the rest of the line ("<frozen importlib._bootstrap>#688" has a space).
    const m = /^(\S+)\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)\s+(.+)$/.exec(l.trim());
    if (!m) throw new Error(`live line: ${l}`);
    const [, address, clock, type, func, site] = m;
    out.push({ address, clock, type, func, site });
  }
  return out;
}

/** Live objects per key (type, or `file:line function` site, as the page prints a site) from the CLI's live section. */
function liveBy(live: LiveLine[], key: (l: LiveLine) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of live) m.set(key(l), (m.get(key(l)) ?? 0) + 1);
  return m;
}
const siteKey = (l: LiveLine) => {
  const i = l.site.lastIndexOf('#');
  const [file, line] = [l.site.slice(0, i), l.site.slice(i + 1)];
  return `${file}:${line} ${l.func}`;
};

/** "+20", "−20" (minus sign), "1,234", "0" → number. */
function num(text: string): number {
  const t = text.trim().replace(/[,\s]/g, '').replace(/^[−–]/, '-').replace(/^\+/, '');
  if (!/^-?\d+$/.test(t)) throw new Error(`not an integer: ${JSON.stringify(text)}`);
  return Number(t);
}

let small: CliJson;
let middle: CliJson;
let smallLive: LiveLine[];
let middleLive: LiveLine[];

beforeAll(async () => {
  [small, middle, smallLive, middleLive] = await Promise.all([
    cliJson(SMALL),
    cliJson(MIDDLE),
    cliLive(SMALL),
    cliLive(MIDDLE),
  ]);
  expect(smallLive).toHaveLength(small.live);
  expect(middleLive).toHaveLength(middle.live);
});

async function openLog(path: string): Promise<AppPage> {
  const page = await b.openApp();
  await openFileByInput(page, path);
  await waitDone(page);
  return page;
}

describe('Compare', () => {
  /** The open log is the "after"; the log chosen through compare-file-input is the "before". */
  async function openCompare(): Promise<AppPage> {
    const page = await openLog(SMALL);
    await openTab(page, 'compare');
    expect(await page.count(tid('table-count')), 'no table before a baseline').toBe(0);
    await expect.poll(() => page.isEnabled(tid('compare-open')), { timeout: WAIT_MS }).toBe(true);
    expect((await page.text(tid('compare-open'))).trim()).toBe('Compare with…');
    await page.setInputFiles(tid('compare-file-input'), [resolve(ROOT, MIDDLE)]);
    await expect
      .poll(() => page.text(tid('compare-status')), { timeout: WAIT_MS })
      .toBe(`nested_middle.log · ${middle.lines} lines`);
    return page;
  }

  test('by type: before = nested_middle (baseline), after = small (open log); numbers, order, filter', async () => {
    const page = await openCompare();
    const typesA = new Set(Object.keys(middle.types));
    const typesB = new Set(Object.keys(small.types));
    const keys = new Set([...typesA, ...typesB]);
    await expectCount(page, `${keys.size} of ${keys.size}`);
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBe(keys.size);
    expect(await sortOf(page, 'liveDiff')).toBe('desc');

    const liveA = liveBy(middleLive, (l) => l.type);
    const liveB = liveBy(smallLive, (l) => l.type);
    const rows = await tableRecords(page);
    const got = new Map(rows.map((r) => [r.key, r]));
    expect(new Set(got.keys())).toEqual(keys);
    for (const k of keys) {
      const r = got.get(k)!;
      const [nA, dA] = middle.types[k] ?? [0, 0];
      const [nB, dB] = small.types[k] ?? [0, 0];
      const lA = liveA.get(k) ?? 0;
      const lB = liveB.get(k) ?? 0;
      expect(
        ['newA', 'newB', 'newDiff', 'delA', 'delB', 'delDiff', 'liveA', 'liveB', 'liveDiff'].map((c) => num(r[c])),
        `row ${k}`,
      ).toEqual([nA, nB, nB - nA, dA, dB, dB - dA, lA, lB, lB - lA]);
    }
    // StringAndTime: only in the small sample (the after): New 40, Live 20, both Δ positive.
    const st = got.get('StringAndTime')!;
    expect(st).toMatchObject({ newA: '0', newB: '40', newDiff: '+40', liveA: '0', liveB: '20', liveDiff: '+20' });
    // Node: only in nested_middle (the before): its one live object is a drop.
    expect(got.get('Node')).toMatchObject({
      newA: '4',
      newB: '0',
      newDiff: '−4',
      liveA: '1',
      liveB: '0',
      liveDiff: '−1',
    });

    // Biggest live growth first.
    const diffs = (await columnTexts(page, 'liveDiff')).map(num);
    expect(diffs).toEqual([...diffs].sort((x, y) => y - x));
    expect(diffs[0]).toBe(20);
    expect((await columnTexts(page, 'key')).slice(0, 3).sort()).toEqual([
      'Fraction',
      'StringAndTime',
      'datetime.datetime',
    ]);

    // The filter narrows the rows and the count line follows.
    await page.fill(tid('table-filter'), 'StringAndTime');
    await expectCount(page, `1 of ${keys.size}`);
    await expect.poll(() => columnTexts(page, 'key'), { timeout: WAIT_MS }).toEqual(['StringAndTime']);
    await page.fill(tid('table-filter'), 'datetime');
    await expectCount(page, `1 of ${keys.size}`);
    await expect.poll(() => columnTexts(page, 'key'), { timeout: WAIT_MS }).toEqual(['datetime.datetime']);
    const dt = (await tableRecords(page))[0];
    // datetime.datetime is in both: 4 new / 1 live before, 40 new / 20 live after.
    expect(['newA', 'newB', 'newDiff', 'liveA', 'liveB', 'liveDiff'].map((c) => num(dt[c]))).toEqual([
      4, 40, 36, 1, 20, 19,
    ]);
  });

  test('by site: live per allocation site before and after, and the filter on a file', async () => {
    const page = await openCompare();
    await page.selectOption(tid('compare-by'), 'site');
    await expect.poll(() => page.inputValue(tid('compare-by'))).toBe('site');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^(\d+) of \1$/);
    const total = num((await tableCount(page)).split(' of ')[1]);
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBe(total);

    const liveA = liveBy(middleLive, siteKey);
    const liveB = liveBy(smallLive, siteKey);
    const got = new Map((await tableRecords(page)).map((r) => [r.key, r]));
    // Every site with a live object in either log, with its live counts.
    for (const k of new Set([...liveA.keys(), ...liveB.keys()])) {
      const r = got.get(k);
      expect(r, `site ${k}`).toBeDefined();
      expect([num(r!.liveA), num(r!.liveB), num(r!.liveDiff)], `site ${k}`).toEqual([
        liveA.get(k) ?? 0,
        liveB.get(k) ?? 0,
        (liveB.get(k) ?? 0) - (liveA.get(k) ?? 0),
      ]);
    }
    // The live objects add up to each log's total.
    const sum = (c: string) => [...got.values()].reduce((s, r) => s + num(r[c]), 0);
    expect([sum('liveA'), sum('liveB')]).toEqual([middle.live, small.live]);
    expect([sum('newA'), sum('newB')]).toEqual([middle.counts.new, small.counts.new]);
    expect(got.get('small.py:28 example_reference_tracing')).toMatchObject({
      newA: '0',
      newB: '40',
      liveA: '0',
      liveB: '20',
      liveDiff: '+20',
    });

    const diffs = (await columnTexts(page, 'liveDiff')).map(num);
    expect(diffs).toEqual([...diffs].sort((x, y) => y - x));

    // Filter on a file name: only nested.py's sites (all in the before).
    const nested = [...got.keys()].filter((k) => k.includes('nested.py'));
    expect(nested.length).toBeGreaterThan(0);
    await page.fill(tid('table-filter'), 'nested.py');
    await expectCount(page, `${nested.length} of ${total}`);
    await expect
      .poll(async () => (await columnTexts(page, 'key')).sort(), { timeout: WAIT_MS })
      .toEqual([...nested].sort());
    for (const r of await tableRecords(page)) expect(num(r.newB), r.key).toBe(0);

    // Back to per type: the type table again.
    await page.fill(tid('table-filter'), '');
    await page.selectOption(tid('compare-by'), 'type');
    const nTypes = new Set([...Object.keys(middle.types), ...Object.keys(small.types)]).size;
    await expectCount(page, `${nTypes} of ${nTypes}`);
  });
});

describe('Export', () => {
  test('Live, filter StringAndTime, clock descending: CSV has 20 rows in that order, JSON 20 objects', async () => {
    const page = await openLog(SMALL);
    await openTab(page, 'live');
    await expectCount(page, '61 of 61');
    await page.fill(tid('table-filter'), 'StringAndTime');
    await expectCount(page, '20 of 61');
    await page.click(tid('col-clock'));
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('asc');
    await page.click(tid('col-clock'));
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('desc');

    const expected = smallLive
      .filter((l) => l.type === 'StringAndTime')
      .sort((x, y) => Number(y.clock) - Number(x.clock));
    expect(expected).toHaveLength(20);
    await expect.poll(() => columnTexts(page, 'clock'), { timeout: WAIT_MS }).toEqual(expected.map((l) => l.clock));

    const csv = await page.download(tid('export-csv'));
    expect(csv.name).toMatch(/\.csv$/);
    const cells = parseCsv(csv.text);
    const [header, ...data] = cells;
    expect(data).toHaveLength(20);
    const iClock = header.findIndex((h) => /clock/i.test(h));
    const iType = header.findIndex((h) => /^type$/i.test(h));
    const iAddr = header.findIndex((h) => /address/i.test(h));
    expect(
      [iClock, iType, iAddr].every((i) => i >= 0),
      `header ${JSON.stringify(header)}`,
    ).toBe(true);
    for (const r of data) expect(r).toHaveLength(header.length);
    expect(data.map((r) => r[iType])).toEqual(Array(20).fill('StringAndTime'));
    const clocks = data.map((r) => Number(r[iClock]));
    expect(clocks).toEqual([...clocks].sort((x, y) => y - x));
    expect(clocks).toEqual(expected.map((l) => Number(l.clock)));
    expect(data.map((r) => r[iAddr])).toEqual(expected.map((l) => l.address));

    const json = await page.download(tid('export-json'));
    expect(json.name).toMatch(/\.json$/);
    const arr = JSON.parse(json.text) as Record<string, unknown>[];
    expect(Array.isArray(arr)).toBe(true);
    expect(arr).toHaveLength(20);
    for (const o of arr) {
      expect(o).toHaveProperty('address');
      expect(o.type).toBe('StringAndTime');
    }
    expect(arr.map((o) => Number(o.clock))).toEqual(expected.map((l) => Number(l.clock)));
  });

  test('Compare table exports too: CSV per type with the Δ columns', async () => {
    const page = await openLog(SMALL);
    await openTab(page, 'compare');
    await expect.poll(() => page.isEnabled(tid('compare-open')), { timeout: WAIT_MS }).toBe(true);
    await page.setInputFiles(tid('compare-file-input'), [resolve(ROOT, MIDDLE)]);
    const n = new Set([...Object.keys(middle.types), ...Object.keys(small.types)]).size;
    await expectCount(page, `${n} of ${n}`);
    const [header, ...data] = parseCsv((await page.download(tid('export-csv'))).text);
    expect(data).toHaveLength(n);
    const st = data.find((r) => r[0] === 'StringAndTime')!;
    const col = (title: string) => header.indexOf(title);
    expect([
      st[col('New before')],
      st[col('New after')],
      st[col('Live before')],
      st[col('Live after')],
      st[col('Live Δ')],
    ]).toEqual(['0', '40', '0', '20', '20']);
  });
});

describe('Keyboard and ARIA grid', () => {
  /** aria-rowindex of the grid's active row (aria-activedescendant), or null. */
  async function activeRowIndex(page: AppPage): Promise<number | null> {
    return page.evaluate(() => {
      const g = document.querySelector('[role="grid"]')!;
      const id = g.getAttribute('aria-activedescendant');
      const row = id ? document.getElementById(id) : null;
      return row ? Number(row.getAttribute('aria-rowindex')) : null;
    });
  }

  test('/ focuses the filter; arrows, Home, End, PageUp/Down move the active row; Enter sorts on a header', async () => {
    const page = await openLog(SMALL);
    await openTab(page, 'live');
    await expectCount(page, '61 of 61');
    const grid = '[role="grid"]';
    // Header row 1, data rows 2..62.
    expect(await page.attribute(grid, 'aria-rowcount')).toBe('62');
    expect(await page.count('[role="row"][aria-rowindex="1"] [role="columnheader"]')).toBe(
      Number(await page.attribute(grid, 'aria-colcount')),
    );

    // "/" from the page focuses the filter.
    await page.click('body', { position: { x: 5, y: 5 } });
    await page.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('table-filter');
    expect(await page.inputValue(tid('table-filter'))).toBe('');

    // Filter, then Tab into the grid.
    await page.type('StringAndTime');
    await expectCount(page, '20 of 61');
    await expect.poll(() => page.attribute(grid, 'aria-rowcount'), { timeout: WAIT_MS }).toBe('21');
    await page.focus(grid);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await expect.poll(() => activeRowIndex(page)).toBe(2);
    await page.press('ArrowDown');
    await expect.poll(() => activeRowIndex(page)).toBe(3);
    await page.press('ArrowDown');
    await expect.poll(() => activeRowIndex(page)).toBe(4);
    await page.press('ArrowUp');
    await expect.poll(() => activeRowIndex(page)).toBe(3);
    await page.press('End');
    // The last of the 20 matched rows: aria-rowindex 21 (the header row is 1).
    await expect.poll(() => activeRowIndex(page)).toBe(21);
    await page.press('ArrowDown');
    await expect.poll(() => activeRowIndex(page)).toBe(21);
    await page.press('Home');
    await expect.poll(() => activeRowIndex(page)).toBe(2);
    await page.press('ArrowUp');
    await expect.poll(() => activeRowIndex(page)).toBe(2);
    await page.press('PageDown');
    await expect.poll(() => activeRowIndex(page)).toBeGreaterThan(2);
    await page.press('PageUp');
    await expect.poll(() => activeRowIndex(page)).toBe(2);
    // The active row is a rendered StringAndTime row.
    const activeType = await page.evaluate((sel) => {
      const g = document.querySelector(sel)!;
      const row = document.getElementById(g.getAttribute('aria-activedescendant') ?? '');
      return row?.textContent ?? '';
    }, grid);
    expect(activeType).toContain('StringAndTime');

    // Tab from the grid goes to the first header's button; Enter sorts by it, Space reverses.
    await page.press('Tab');
    const focusedCol = await page.evaluate(
      () => document.activeElement?.closest('[role="columnheader"]')?.getAttribute('data-testid') ?? '',
    );
    expect(focusedCol).toMatch(/^col-/);
    const colId = focusedCol.slice(4);
    expect(await sortOf(page, colId)).toBe('none');
    await page.press('Enter');
    await expect.poll(() => sortOf(page, colId), { timeout: WAIT_MS }).toBe('asc');
    await page.press('Space');
    await expect.poll(() => sortOf(page, colId), { timeout: WAIT_MS }).toBe('desc');

    // The clock header, focused directly, sorts with Enter; the rows follow.
    await page.focus(`${tid('col-clock')} button`);
    await page.press('Enter');
    await expect.poll(() => sortOf(page, 'clock'), { timeout: WAIT_MS }).toBe('asc');
    expect(await sortOf(page, colId)).toBe(colId === 'clock' ? 'asc' : 'none');
    const asc = smallLive
      .filter((l) => l.type === 'StringAndTime')
      .map((l) => l.clock)
      .sort((x, y) => Number(x) - Number(y));
    await expect.poll(() => columnTexts(page, 'clock'), { timeout: WAIT_MS }).toEqual(asc);
    // The rows' aria-rowindex run 2..21 in DOM order.
    const indexes = await page.evaluate(
      (sel) => Array.from(document.querySelectorAll(sel), (r) => Number(r.getAttribute('aria-rowindex'))),
      tid('row'),
    );
    expect(indexes).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });
});

describe('regression: the chart after a second file', () => {
  test("nested_outer, then the small sample: no console error, and the summary is the CLI's", async () => {
    const page = await openLog(OUTER);
    await openFileByInput(page, SMALL);
    await expect.poll(() => page.title(), { timeout: WAIT_MS }).toContain('20261125_072703_0_5187_O_0_PY3.13.5.log');
    await waitDone(page);
    await expect.poll(() => summaryNumbers(page), { timeout: WAIT_MS }).toEqual(cliSummary(small));
    // Let the chart draw the new file (the NaN <rect> errors came while redrawing).
    await expect.poll(() => page.count(`${tid('rss-chart')}[data-state="full"]`), { timeout: WAIT_MS }).toBe(1);
    await sleep(500);
    // The Types tab's chart for the second file too.
    await openTab(page, 'types');
    await expect.poll(() => page.count(`${tid('type-chart')} svg`), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await sleep(300);
  });
});
