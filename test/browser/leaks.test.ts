// Finding a leak the way a person does, on a generated log with a known answer (a steady leak at
// leaky.py:10 remember_forever, a cache that fills then plateaus, churn): the Summary's suspects,
// a click on the chart for the heap at T, the growth from A to B, the URL that brings a view back,
// and the ignore list. Every number is checked against the engine on the same bytes.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { leakQueriesOf, type LeakQueries } from '../../src/engine/query/leak-queries.ts';
import type { TableQueries } from '../../src/engine/query/table-query.ts';
import { tablesOf } from '../support/tables.ts';
import type { LogStore } from '../../src/engine/store/log-store.ts';
import type { IgnoreList } from '../../src/engine/types.ts';
import { fmtInt } from '../../src/ui/format.ts';
import { SHAPES } from '../support/reflog-generator.ts';
import {
  WAIT_MS,
  columnTexts,
  expectCount,
  openFileByInput,
  openTab,
  parseIntText,
  tableRecords,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  writeGeneratedLog,
  type AppPage,
} from './support/index.ts';
import { serveHeldLog, type HeldLog } from './support/held-log.ts';

const b = useBrowser();

let cleanup: () => Promise<void>;
let path: string;
let store: LogStore;
let leaks: LeakQueries;
let tables: TableQueries;
let first: number;
let last: number;

beforeAll(async () => {
  const t = await tempDir('reftrace-leaks-');
  cleanup = t.cleanup;
  path = join(t.dir, 'shapes.log');
  await writeGeneratedLog(path, { lines: 20_000, seed: 7, shapes: true, leakEvery: 0, msgRate: 0.001 });
  store = analyseChunks([new Uint8Array(await readFile(path))]).store;
  leaks = leakQueriesOf(store);
  tables = tablesOf(store);
  [first, last] = [store.clockFirst!, store.clockLast!];
});
afterAll(() => cleanup?.());

async function openShapes(hash = ''): Promise<AppPage> {
  const page = await b.openApp(hash);
  await openFileByInput(page, path);
  await waitDone(page);
  return page;
}

/** The hash's value of a key, decoded (null when absent). */
function hashParam(page: AppPage, key: string): Promise<string | null> {
  return page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
}

/** The cells of the Summary's suspect rows, as text (the name cell: its name, without its reason). */
function suspectRows(page: AppPage): Promise<string[][]> {
  return page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(sel), (r) =>
        Array.from(r.children, (c) => (c.querySelector('[data-testid="suspect-open"]') ?? c).textContent?.trim() ?? ''),
      ),
    tid('suspect'),
  );
}

const num = (text: string) => parseIntText(text);
const base = (file: string) => file.split('/').pop()!;
const leakSite = `${base(SHAPES.leak.site[0])}:${SHAPES.leak.site[1]} ${SHAPES.leak.site[2]}`;
const cacheSite = `${base(SHAPES.cache.site[0])}:${SHAPES.cache.site[1]} ${SHAPES.cache.site[2]}`;

/** The rows of the active table keyed by `file:line function` (sites) or type. */
async function rowsBy(page: AppPage, by: 'type' | 'site'): Promise<Map<string, Record<string, string>>> {
  const rows = await tableRecords(page);
  return new Map(rows.map((r) => [by === 'type' ? r.type : `${r.file}:${r.line} ${r.function}`, r]));
}

/** The engine's sites keyed as rowsBy keys them. */
function siteKey(s: { file: string; line: number; function: string }): string {
  return `${base(s.file)}:${s.line} ${s.function}`;
}

/** Waits until the table shows `n` rows and says so. */
async function expectRows(page: AppPage, n: number): Promise<void> {
  await expectCount(page, `${fmtInt(n)} of ${fmtInt(n)}`);
  await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBe(n);
}

/** Heap at T as the page shows it per type and per site, against the engine's snapshot (ignored ones left out). */
async function expectHeapAt(page: AppPage, t: number, ignore?: IgnoreList): Promise<void> {
  const snap = leaks.snapshot({ at: t }, ignore);
  await expect.poll(() => page.text(tid('heap-alive')), { timeout: WAIT_MS }).toBe(fmtInt(snap.alive));
  await page.click(tid('part-types'));
  const typeRows = tables.page({ table: 'types', view: { at: t }, ignore, offset: 0, limit: 1000 }).total;
  await expectRows(page, typeRows);
  const types = await rowsBy(page, 'type');
  for (const [type, r] of types) expect(num(r.live), `type ${type}`).toBe(snap.types[type] ?? 0);
  for (const [type, n] of Object.entries(snap.types)) expect(num(types.get(type)?.live ?? '0'), `type ${type}`).toBe(n);
  // Most alive first.
  const live = (await columnTexts(page, 'live')).map(num);
  expect(live).toEqual([...live].sort((x, y) => y - x));

  await page.click(tid('part-sites'));
  await expect.poll(() => page.count(tid('col-line')), { timeout: WAIT_MS }).toBe(1);
  const siteRows = tables.page({ table: 'sites', view: { at: t }, ignore, offset: 0, limit: 1000 }).total;
  await expectRows(page, siteRows);
  const sites = await rowsBy(page, 'site');
  for (const s of snap.sites) expect(num(sites.get(siteKey(s))?.live ?? '0'), siteKey(s)).toBe(s.alive);

  await page.click(tid('part-objects'));
  await expect.poll(() => page.count(tid('col-address')), { timeout: WAIT_MS }).toBe(1);
  await expectCount(
    page,
    `${fmtInt(snap.alive)} of ${fmtInt(tables.page({ table: 'live', view: { at: t }, offset: 0, limit: 0 }).total)}`,
  );
}

/** Growth A→B as the page shows it, against the engine's. */
async function expectGrowth(page: AppPage, a: number, bEnd: number, ignore?: IgnoreList): Promise<void> {
  const g = leaks.growth(a, bEnd, ignore);
  await expect.poll(() => page.text(tid('growth-created')), { timeout: WAIT_MS }).toBe(fmtInt(g.createdAndAlive));
  expect(await page.text(tid('growth-alive-from'))).toBe(fmtInt(g.aliveFrom));
  expect(await page.text(tid('growth-alive-to'))).toBe(fmtInt(g.aliveTo));

  await page.click(tid('part-types'));
  await expectRows(page, Object.keys(g.types).length);
  const types = await rowsBy(page, 'type');
  for (const [type, [from, to, created]] of Object.entries(g.types))
    expect(
      ['aliveFrom', 'aliveTo', 'delta', 'createdAlive'].map((c) => num(types.get(type)![c])),
      type,
    ).toEqual([from, to, to - from, created]);
  // Largest Δ first.
  const deltas = (await columnTexts(page, 'delta')).map(num);
  expect(deltas).toEqual([...deltas].sort((x, y) => y - x));

  await page.click(tid('part-sites'));
  await expectRows(page, g.sites.length);
  const sites = await rowsBy(page, 'site');
  for (const s of g.sites)
    expect(
      ['aliveFrom', 'aliveTo', 'createdAlive'].map((c) => num(sites.get(siteKey(s))![c])),
      siteKey(s),
    ).toEqual([s.aliveFrom, s.aliveTo, s.createdAndAlive]);

  await page.click(tid('part-objects'));
  await expect.poll(() => page.count(tid('col-address')), { timeout: WAIT_MS }).toBe(1);
  await expect
    .poll(async () => (await page.text(tid('table-count'))).split(' of ')[0], { timeout: WAIT_MS })
    .toBe(fmtInt(g.createdAndAlive));
}

describe('leak suspects', () => {
  test('the Summary names the steady leak first; Enter on it shows its objects and its detail', async () => {
    const page = await openShapes();
    const want = leaks.suspects('site', 10);
    expect(want[0].function).toBe(SHAPES.leak.site[2]);
    await expect.poll(() => page.count(tid('suspect')), { timeout: WAIT_MS }).toBe(want.length);
    const rows = await suspectRows(page);
    // Rank, site and its reason, the type it makes most, verdict, live of new (survival), growth rate, since.
    expect(want[0].verdict).toBe('leak');
    expect(rows[0].slice(0, 7)).toEqual([
      '1',
      leakSite,
      SHAPES.leak.type,
      'leak',
      `${fmtInt(want[0].live)} of ${fmtInt(want[0].new)} (100%)`,
      rows[0][5],
      `since ${want[0].growingSince!.toFixed(6)} s`,
    ]);
    expect(rows[0][5]).toMatch(/^\+[\d,.]+\/s$/);
    expect(await page.text(`${tid('suspect')}:first-child ${tid('suspect-reason')}`)).toBe(want[0].reason);
    // The cache holds more objects than the leak, yet is not one: it stopped growing.
    const cache = rows.find((r) => r[1] === cacheSite)!;
    expect(cache.slice(2, 4)).toEqual([SHAPES.cache.type, 'working-set']);
    expect(rows.map((r) => r[3]).filter((v) => v === 'leak')).toEqual(['leak']);
    expect(await page.count(`${tid('suspect')} svg.sparkline path`)).toBe(want.length);
    // Full paths, as in the tables.
    await page.check(tid('suspects-full-path'));
    await expect
      .poll(async () => (await suspectRows(page))[0][1], { timeout: WAIT_MS })
      .toBe(`${SHAPES.leak.site[0]}:${SHAPES.leak.site[1]} ${SHAPES.leak.site[2]}`);
    expect(await hashParam(page, 'full')).toBe('1');

    // By keyboard: the suspect is a button.
    await page.focus(`${tid('suspect')}:first-child ${tid('suspect-open')}`);
    await page.press('Enter');
    await expect.poll(() => page.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    expect(await page.text(tid('objects-of'))).toContain(leakSite);
    const [file, line, fn] = SHAPES.leak.site;
    const its = tables.page({ table: 'live', filter: { site: { file, line, function: fn } }, offset: 0, limit: 0 });
    expect(its.matched).toBe(want[0].live);
    await expectCount(page, `${fmtInt(its.matched)} of ${fmtInt(its.total)}`);
    await expect
      .poll(async () => new Set(await columnTexts(page, 'type')), { timeout: WAIT_MS })
      .toEqual(new Set([SHAPES.leak.type]));
    expect(new Set(await columnTexts(page, 'function'))).toEqual(new Set([fn]));

    // Its detail: alive at the end, nothing freed, and its live count over the run.
    expect(await page.text(tid('detail-title'))).toContain(leakSite);
    await expect.poll(() => page.text(tid('detail-alive')), { timeout: WAIT_MS }).toBe(fmtInt(want[0].live));
    expect(await page.text(tid('detail-pairs'))).toBe('0');
    await expect.poll(() => page.count(`${tid('detail-live-chart')} svg .recharts-area`), { timeout: WAIT_MS }).toBe(1);

    // ✕ shows every live object again; the URL kept the filter until then.
    expect(await hashParam(page, 'of')).toBe(`site:${file}:${line}:${fn}`);
    await page.click(tid('clear-objects-of'));
    await expectCount(page, `${fmtInt(its.total)} of ${fmtInt(its.total)}`);
    expect(await hashParam(page, 'of')).toBeNull();
  });

  test('by type: the leaking type first; a type with lifetimes shows them', async () => {
    const page = await openShapes();
    await page.click(tid('suspects-by-type'));
    const want = leaks.suspects('type', 10);
    await expect.poll(async () => (await suspectRows(page))[0]?.[1], { timeout: WAIT_MS }).toBe(SHAPES.leak.type);
    expect((await suspectRows(page)).map((r) => r[1])).toEqual(want.map((s) => s.type));
    expect(await hashParam(page, 'sus')).toBe('type');

    // The churn type's detail: every pair temporary, in the short lifetime buckets.
    await openTab(page, 'types');
    await page.fill(tid('table-filter'), SHAPES.churn.type);
    await expectCount(page, `1 of ${fmtInt(tables.page({ table: 'types', offset: 0, limit: 0 }).total)}`);
    await page.focus('[role="grid"]');
    await page.press('Enter');
    await expect.poll(() => page.text(tid('detail-title')), { timeout: WAIT_MS }).toContain(SHAPES.churn.type);
    const h = leaks.lifetimes({ type: store.types.strings.indexOf(SHAPES.churn.type) });
    expect(h.pairs).toBeGreaterThan(0);
    await expect.poll(() => page.text(tid('detail-pairs')), { timeout: WAIT_MS }).toBe(fmtInt(h.pairs));
    expect(await page.text(tid('detail-temporary'))).toBe(`${fmtInt(h.temporary)} (100% of pairs)`);
    const buckets = await page.evaluate(
      (sel) => Array.from(document.querySelectorAll(sel), (e) => Number(e.getAttribute('data-count'))),
      tid('lifetime-bucket'),
    );
    expect(buckets).toEqual(h.buckets);
  });
});

describe('heap at T and growth from A to B', () => {
  test('a click on the chart sets T: its marker, the T field, and the heap at T as the engine says', async () => {
    const page = await openShapes();
    await page.waitFor(`${tid('rss-chart')}[data-state="full"] ${tid('chart-plot')}`);
    const box = await page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { width: r.width, height: r.height };
    }, tid('chart-plot'));
    await page.click(tid('chart-plot'), {
      position: { x: Math.round(box.width * 0.55), y: Math.round(box.height / 2) },
    });
    await expect.poll(() => page.attribute(tid('tab-heap'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    const tText = (await hashParam(page, 't'))!;
    const t = Number(tText);
    // About 55% of the way along the clock, to the microsecond.
    expect(Math.abs((t - first) / (last - first) - 0.55)).toBeLessThan(0.03);
    expect(tText).toMatch(/^\d+\.\d{1,6}$/);
    expect(await page.isVisible(tid('t-marker'))).toBe(true);
    expect(await page.inputValue(tid('instant-input'))).toBe(tText);
    await expectHeapAt(page, t);

    // ✕ clears T: no marker, and the tab asks for one.
    await page.click(tid('clear-instant'));
    await page.waitFor(tid('heap-empty'));
    expect(await page.count(tid('t-marker'))).toBe(0);
    expect(await hashParam(page, 't')).toBeNull();

    // Typed: T applies when typing pauses.
    const typed = Number((first + (last - first) * 0.3).toFixed(6));
    await page.fill(tid('instant-input'), String(typed));
    await expect.poll(() => hashParam(page, 't'), { timeout: WAIT_MS }).toBe(String(typed));
    await expectHeapAt(page, typed);
  });

  test('growth A→B from the typed clock window: per type, per site and the objects, as the engine says', async () => {
    const page = await openShapes();
    const a = Number((first + (last - first) * 0.3).toFixed(6));
    const bEnd = Number((first + (last - first) * 0.7).toFixed(6));
    await openTab(page, 'growth');
    await page.waitFor(tid('growth-empty'));
    await page.fill(tid('clock-from'), String(a));
    await page.fill(tid('clock-to'), String(bEnd));
    await page.click(tid('clock-apply'));
    expect(await hashParam(page, 'win')).toBe(`${a}-${bEnd}`);
    await expectGrowth(page, a, bEnd);
    // The steady leak grew most.
    await page.click(tid('part-types'));
    await expect.poll(() => columnTexts(page, 'type'), { timeout: WAIT_MS }).toContain(SHAPES.leak.type);
    expect((await columnTexts(page, 'type'))[0]).toBe(SHAPES.leak.type);
  });

  test('a URL with t, win, ignore and part opens the same view', async () => {
    const t = Number((first + (last - first) * 0.5).toFixed(6));
    const a = Number((first + (last - first) * 0.2).toFixed(6));
    const bEnd = Number((first + (last - first) * 0.9).toFixed(6));
    const ignore = { types: [SHAPES.leak.type], files: [base(SHAPES.cache.site[0])] };
    const hash = `v=2&tab=heap&t=${t}&win=${a}-${bEnd}&ignore=type:${SHAPES.leak.type}&ignore=file:${ignore.files[0]}&part=sites`;
    const page = await openShapes(hash);
    await expect.poll(() => page.attribute(tid('tab-heap'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    expect(await page.attribute(tid('part-sites'), 'aria-pressed')).toBe('true');
    expect(await page.inputValue(tid('instant-input'))).toBe(String(t));
    expect(await page.text(tid('clock-window'))).toContain(`${a.toFixed(6)}–${bEnd.toFixed(6)}`);
    expect(await page.count(tid('ignore-chip'))).toBe(2);
    await page.waitFor(`${tid('rss-chart')}[data-state="full"] ${tid('t-marker')}`);
    // Neither the leak nor the cache's file is in any row.
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    expect(await columnTexts(page, 'file')).not.toContain(base(SHAPES.cache.site[0]));
    await expectHeapAt(page, t, ignore);
    await openTab(page, 'growth');
    await expectGrowth(page, a, bEnd, ignore);
  });

  test("a row's detail follows T and A..B: its counts are its rows of Heap at T and Growth A→B, marked on its chart", async () => {
    const t = Number((first + (last - first) * 0.5).toFixed(6));
    const a = Number((first + (last - first) * 0.3).toFixed(6));
    const bEnd = Number((first + (last - first) * 0.8).toFixed(6));
    const page = await openShapes(`tab=growth&t=${t}&win=${a}-${bEnd}&detail=type:${SHAPES.leak.type}`);
    const leakType = leaks.snapshot({ at: t }).types[SHAPES.leak.type];
    const [x, y, c] = leaks.growth(a, bEnd).types[SHAPES.leak.type];
    expect(y - x).toBeGreaterThan(0);
    await expect.poll(() => page.text(tid('detail-at-t')), { timeout: WAIT_MS }).toBe(fmtInt(leakType));
    expect(await page.text(tid('detail-growth'))).toBe(`${fmtInt(x)} → ${fmtInt(y)} (+${fmtInt(y - x)})`);
    expect(await page.text(tid('detail-created-alive'))).toBe(fmtInt(c));
    await page.waitFor(`${tid('detail-live-chart')} .detail-t line`);
    expect(await page.count(`${tid('detail-live-chart')} .detail-window .recharts-reference-area-rect`)).toBe(1);

    // A site's, from its row in Growth A→B (biggest growth first: the leak's site).
    await page.click(tid('part-sites'));
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await page.click(`${tid('row')}[aria-rowindex="2"]`);
    await expect.poll(() => page.text(tid('detail-title')), { timeout: WAIT_MS }).toContain(leakSite);
    const row = leaks.growth(a, bEnd).sites[0];
    expect(row.function).toBe(SHAPES.leak.site[2]);
    await expect
      .poll(() => page.text(tid('detail-growth')), { timeout: WAIT_MS })
      .toBe(`${fmtInt(row.aliveFrom)} → ${fmtInt(row.aliveTo)} (+${fmtInt(row.aliveTo - row.aliveFrom)})`);
    expect(await page.text(tid('detail-created-alive'))).toBe(fmtInt(row.createdAndAlive));
    const atT = leaks.snapshot({ at: t }).sites.find((s) => s.function === SHAPES.leak.site[2])!.alive;
    expect(await page.text(tid('detail-at-t'))).toBe(fmtInt(atT));

    // Ignoring its type leaves the site nothing at T; clearing T drops the fact and the mark.
    await page.selectOption(tid('ignore-kind'), 'type');
    await page.fill(tid('ignore-name'), SHAPES.leak.type);
    await page.click(tid('ignore-add'));
    await expect.poll(() => page.text(tid('detail-at-t')), { timeout: WAIT_MS }).toBe('0');
    await page.click(tid('clear-instant'));
    await expect.poll(() => page.count(tid('detail-at-t')), { timeout: WAIT_MS }).toBe(0);
    expect(await page.count(`${tid('detail-live-chart')} .detail-t`)).toBe(0);
    expect(await page.text(tid('detail-growth'))).toBe('0 → 0 (0)');
  });
});

describe('the ignore list', () => {
  test('chips remove rows from the tables and the suspects, and survive a reload', async () => {
    const page = await openShapes();
    const nTypes = tables.page({ table: 'types', offset: 0, limit: 0 }).total;
    await openTab(page, 'types');
    await expectCount(page, `${nTypes} of ${nTypes}`);

    // Typed: a type.
    await page.selectOption(tid('ignore-kind'), 'type');
    await page.fill(tid('ignore-name'), SHAPES.leak.type);
    await page.click(tid('ignore-add'));
    await expectCount(page, `${nTypes - 1} of ${nTypes - 1}`);
    expect(await columnTexts(page, 'type')).not.toContain(SHAPES.leak.type);

    // From a row's detail: the cache's file.
    await openTab(page, 'sites');
    await page.fill(tid('table-filter'), SHAPES.cache.site[2]);
    await expectCount(
      page,
      `1 of ${fmtInt(tables.page({ table: 'sites', ignore: { types: [SHAPES.leak.type], files: [] }, offset: 0, limit: 0 }).total)}`,
    );
    await page.click(`${tid('row')}[aria-rowindex="2"]`);
    await expect.poll(() => page.text(tid('detail-title')), { timeout: WAIT_MS }).toContain(cacheSite);
    await page.click(tid('detail-ignore'));
    await expect.poll(() => page.count(tid('ignore-chip')), { timeout: WAIT_MS }).toBe(2);
    await expectCount(
      page,
      `0 of ${fmtInt(tables.page({ table: 'sites', ignore: { types: [SHAPES.leak.type], files: [SHAPES.cache.site[0]] }, offset: 0, limit: 0 }).total)}`,
    );
    const ignore = { types: [SHAPES.leak.type], files: [SHAPES.cache.site[0]] };
    expect(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).getAll('ignore'))).toEqual([
      `type:${SHAPES.leak.type}`,
      `file:${SHAPES.cache.site[0]}`,
    ]);

    // The suspects leave them out too.
    await openTab(page, 'summary');
    const want = leaks.suspects('site', 10, ignore);
    await expect
      .poll(async () => (await suspectRows(page)).map((r) => r[1]), { timeout: WAIT_MS })
      .toEqual(want.map(siteKey));

    // A reload keeps the list (the file is opened again: it never left the browser).
    const typesLeft = (ign: IgnoreList) =>
      fmtInt(tables.page({ table: 'types', ignore: ign, offset: 0, limit: 0 }).total);
    await page.reload();
    await openFileByInput(page, path);
    await waitDone(page);
    expect(await page.count(tid('ignore-chip'))).toBe(2);
    await openTab(page, 'types');
    await page.fill(tid('table-filter'), '');
    // The cache's file held every CacheEntry: that type is gone too.
    await expectCount(page, `${typesLeft(ignore)} of ${typesLeft(ignore)}`);
    expect(await columnTexts(page, 'type')).not.toContain(SHAPES.cache.type);

    // Removing a chip brings its rows back.
    await page.click(`${tid('ignore-chip')}[data-kind="type"] ${tid('ignore-remove')}`);
    const fileOnly = { types: [], files: ignore.files };
    await expectCount(page, `${typesLeft(fileOnly)} of ${typesLeft(fileOnly)}`);
    expect(await columnTexts(page, 'type')).toContain(SHAPES.leak.type);
    expect(await page.count(tid('ignore-chip'))).toBe(1);
  });
});

describe('while the file is read', () => {
  test("the heap at T and a detail work on the partial log, and give the engine's numbers once it is done", async () => {
    const t = await tempDir('reftrace-leaks-partial-');
    let held: HeldLog | undefined;
    try {
      const big = join(t.dir, 'big-shapes.log');
      await writeGeneratedLog(big, { lines: 200_000, seed: 8, shapes: true, leakEvery: 0 });
      const whole = analyseChunks([new Uint8Array(await readFile(big))]).store;
      const at = Number(((whole.clockFirst! + whole.clockLast!) / 2).toFixed(6));
      // From a server that sends the first quarter and holds the rest until the partial view is read.
      held = await serveHeldLog(big, { holdAfter: Math.round(statSync(big).size / 4) });
      const page = await b.openUrl(held.pageUrl(b.baseUrl, `tab=heap&t=${at}&detail=type:${SHAPES.leak.type}`));
      const during = await page.waitForFunction(
        (ids) => {
          const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
          if (!/Parsing/.test(text(ids.status)) || !/\d/.test(text(ids.alive))) return null;
          return { status: text(ids.status), alive: text(ids.alive), detail: text(ids.detail) };
        },
        { status: 'parse-status', alive: 'heap-alive', detail: 'detail-panel' },
      );
      expect(during?.status).toMatch(/Parsing/);
      expect(during?.detail).toContain('Drawn when the file has been read');
      held.release();
      await waitDone(page, 60_000);
      const q = leakQueriesOf(whole);
      await expect
        .poll(() => page.text(tid('heap-alive')), { timeout: WAIT_MS })
        .toBe(fmtInt(q.snapshot({ at: at }).alive));
      const live = tablesOf(whole).page({
        table: 'live',
        filter: { type: SHAPES.leak.type },
        offset: 0,
        limit: 0,
      }).matched;
      await expect.poll(() => page.text(tid('detail-alive')), { timeout: WAIT_MS }).toBe(fmtInt(live));
    } finally {
      await held?.stop();
      await t.cleanup();
    }
  });
});
