// The program's own messages: as markers on the RSS chart (their text on hover and focus, as text;
// crowded ones as one flag with a count; a toggle; a nested run's detach and re-attach) and as the
// Phases tab, whose rows become the clock window A..B so the other tables follow. The numbers are
// the engine's (the CLI's `phases --json` for the nested run) on the same bytes.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../src/engine/query/leak-queries.ts';
import type { Phase } from '../../src/engine/query/phases.ts';
import type { TableQueries } from '../../src/engine/query/table-query.ts';
import { tablesOf } from '../support/tables.ts';
import { clockToUrl, fmtInt } from '../../src/ui/format.ts';
import {
  ROOT,
  WAIT_MS,
  columnTexts,
  expectCount,
  openFileByInput,
  openFilesByInput,
  openTab,
  tableRecords,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  writeGeneratedLog,
  type AppPage,
} from './support/index.ts';

const b = useBrowser();
const run = promisify(execFile);

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const NESTED = ['nested_outer', 'nested_middle', 'nested_inner', 'nested_inner_sibling'].map(
  (n) => `test/fixtures/samples/nested_named/${n}.log`,
);
/** The small sample's "Loop 0 start", made hostile: it must show as these characters. */
const HTML_MESSAGE = '<b>Loop 0</b> <img src=x onerror=alert(1)> start';

let cleanup: () => Promise<void>;
let small: string;
let smallPhases: Phase[];
let smallTables: TableQueries;
let dense: string;
let denseMessages: number;
let quiet: string;

beforeAll(async () => {
  const t = await tempDir('reftrace-phases-');
  cleanup = t.cleanup;
  small = join(t.dir, 'small-html.log');
  const text = (await readFile(resolve(ROOT, SMALL), 'utf8')).replace('# Loop 0 start', `# ${HTML_MESSAGE}`);
  await writeFile(small, text);
  const store = analyseChunks([new TextEncoder().encode(text)]).store;
  smallPhases = leakQueriesOf(store).phases();
  smallTables = tablesOf(store);
  dense = join(t.dir, 'dense.log');
  denseMessages = (await writeGeneratedLog(dense, { lines: 20_000, seed: 9, msgRate: 0.05 })).msg;
  quiet = join(t.dir, 'quiet.log');
  await writeGeneratedLog(quiet, { lines: 3000, seed: 10, msgRate: 0 });
});
afterAll(() => cleanup?.());

async function open(path: string | string[]): Promise<AppPage> {
  const page = await b.openApp();
  if (Array.isArray(path)) await openFilesByInput(page, path);
  else await openFileByInput(page, path);
  await waitDone(page);
  await page.waitFor(`${tid('rss-chart')}[data-state="full"] ${tid('chart-plot')}`);
  return page;
}

/** Every flag's message count, in clock order. */
function flagCounts(page: AppPage): Promise<number[]> {
  return page.evaluate(
    (sel) => Array.from(document.querySelectorAll(sel), (f) => Number(f.getAttribute('data-count'))),
    tid('phase-flag'),
  );
}

const tipText = (page: AppPage) => page.text(tid('marker-tip'));

describe('messages on the chart', () => {
  test("hover and focus show a message's text as text; ← → move between flags; the toggle hides them", async () => {
    const page = await open(small);
    const messages = smallPhases.filter((p) => p.message !== null);
    expect(messages).toHaveLength(10);
    // Messages a few pixels apart share a flag (the last three, 1 µs and 25 µs apart).
    await expect.poll(async () => (await flagCounts(page)).reduce((x, y) => x + y, 0), { timeout: WAIT_MS }).toBe(10);
    const counts = await flagCounts(page);
    expect(counts.slice(0, 2)).toEqual([1, 1]);
    expect(counts.at(-1)).toBeGreaterThanOrEqual(2);
    expect(await page.text('label:has([data-testid="toggle-markers"])')).toContain('Messages (10)');

    await page.hover('[data-flag="1"]');
    await expect.poll(() => tipText(page), { timeout: WAIT_MS }).toContain(HTML_MESSAGE);
    expect(await tipText(page)).toContain(`${messages[1].from!.toFixed(6)} s`);
    expect(await page.count(`${tid('marker-tip')} b, ${tid('marker-tip')} img`)).toBe(0);

    // The crowded flag lists each of its messages.
    await page.hover(`[data-flag="${counts.length - 1}"]`);
    await expect.poll(() => tipText(page), { timeout: WAIT_MS }).toContain(`${counts.at(-1)} messages`);
    expect(await tipText(page)).toContain('Module level message: 20 StringAndTime objects remain');
    expect(await tipText(page)).toContain('A message with an embedded newline:\nsecond line of the same message');

    // By keyboard: the flags are one Tab stop, the arrows move along them.
    await page.focus('[data-flag="0"]');
    await expect.poll(() => tipText(page), { timeout: WAIT_MS }).toContain('Starting example_reference_tracing()');
    await page.press('ArrowRight');
    await expect.poll(() => tipText(page), { timeout: WAIT_MS }).toContain(HTML_MESSAGE);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-flag'))).toBe('1');
    expect(
      await page.evaluate(
        (sel) =>
          Array.from(document.querySelectorAll(sel), (f) => f.getAttribute('tabindex')).filter((t) => t === '0').length,
        tid('phase-flag'),
      ),
    ).toBe(1);

    await page.click(tid('toggle-markers'));
    await expect.poll(() => page.count(tid('phase-flag')), { timeout: WAIT_MS }).toBe(0);
    await page.click(tid('toggle-markers'));
    await expect.poll(() => page.count(tid('phase-flag')), { timeout: WAIT_MS }).toBe(counts.length);
  });

  test('a thousand messages collapse into flags with counts; a log without messages has none', async () => {
    const page = await open(dense);
    expect(denseMessages).toBeGreaterThan(500);
    const counts = await flagCounts(page);
    expect(counts.length).toBeGreaterThan(10);
    expect(counts.length).toBeLessThan(denseMessages / 2);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(denseMessages);
    const many = counts.findIndex((c) => c > 1);
    await page.hover(`[data-flag="${many}"]`);
    await expect.poll(() => tipText(page), { timeout: WAIT_MS }).toContain(`${counts[many]} messages`);

    const none = await open(quiet);
    expect(await none.count(tid('phase-flag'))).toBe(0);
    expect(await none.count(tid('toggle-markers'))).toBe(0);
    await openTab(none, 'phases');
    await expectCount(none, '1 of 1');
    expect(await columnTexts(none, 'kind')).toEqual(['start']);
  });

  test("a nested run: the children's messages are phases inside the parent's, detach and re-attach marked", async () => {
    const out = await run(
      process.execPath,
      [resolve(ROOT, 'bin/reftrace.mjs'), 'phases', resolve(ROOT, NESTED[0]), '--recurse-files', '--json'],
      { cwd: ROOT },
    );
    const want = JSON.parse(out.stdout) as Phase[];
    const page = await open(NESTED);
    const counts = await flagCounts(page);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(want.filter((p) => p.message !== null).length);
    const tips: string[] = [];
    for (let k = 0; k < counts.length; k++) {
      await page.hover(`[data-flag="${k}"]`);
      await expect.poll(() => page.count(tid('marker-tip')), { timeout: WAIT_MS }).toBe(1);
      tips.push(await tipText(page));
    }
    expect(tips.join('\n')).toContain('child log started (detached)');
    expect(tips.join('\n')).toContain('child log ended (re-attached)');
    expect(
      await page.count('.phase-marker.kind-detach, .phase-marker.kind-reattach, .phase-marker.kind-mixed'),
    ).toBeGreaterThan(0);

    await openTab(page, 'phases');
    await expectCount(page, `${want.length} of ${want.length}`);
    // In time order from the start.
    await expect
      .poll(async () => (await tableRecords(page)).map((r) => Number(r.phase)), { timeout: WAIT_MS })
      .toEqual(want.map((_, i) => i + 1));
    const rows = await tableRecords(page);
    expect(rows.map((r) => (r.message === '—' ? null : r.message))).toEqual(want.map((p) => p.message));
    expect(rows.map((r) => Number(r.createdAndAlive))).toEqual(want.map((p) => p.createdAndAlive));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['message', 'detach', 'reattach']));
  });
});

describe('the Phases tab', () => {
  test('lists the phases in time order; a click or Enter makes one the window and the tables follow', async () => {
    const page = await open(small);
    await openTab(page, 'phases');
    await expectCount(page, `${smallPhases.length} of ${smallPhases.length}`);
    const inOrder = smallPhases.map((p, i) => ({ ...p, n: i + 1 }));
    await expect
      .poll(async () => (await tableRecords(page)).map((r) => Number(r.phase)), { timeout: WAIT_MS })
      .toEqual(inOrder.map((p) => p.n));
    // Sorted by what they left alive on request: the header, descending on a second click.
    await page.click(tid('col-createdAndAlive'));
    await page.click(tid('col-createdAndAlive'));
    const byCreated = [...inOrder].sort((x, y) => y.createdAndAlive - x.createdAndAlive || x.n - y.n);
    await expect
      .poll(async () => (await tableRecords(page)).map((r) => Number(r.createdAndAlive)), { timeout: WAIT_MS })
      .toEqual(byCreated.map((p) => p.createdAndAlive));
    const rows = await tableRecords(page);
    const top = byCreated[0];
    expect(rows[0]).toMatchObject({
      from: top.from!.toFixed(6),
      to: top.to.toFixed(6),
      new: String(top.new),
      del: String(top.del),
      netLive: String(top.netLive),
      createdAndAlive: String(top.createdAndAlive),
    });
    expect(rows.find((r) => r.message.includes('Loop 0'))?.message).toBe(HTML_MESSAGE);

    await page.click(`${tid('row')}[aria-rowindex="2"]`);
    await expectWindowIs(page, top);

    // By keyboard: the grid's second row, Enter.
    await page.focus('[role="grid"]');
    await page.press('ArrowDown');
    await page.press('Enter');
    await expectWindowIs(page, byCreated[1]);
  });

  test('Shift+click (or Shift+Enter) on another phase makes the window every phase from one to the other', async () => {
    const page = await open(small);
    await openTab(page, 'phases');
    await expectCount(page, `${smallPhases.length} of ${smallPhases.length}`);
    const [second, fourth] = [smallPhases[1], smallPhases[3]];
    await page.click(`${tid('row')}[aria-rowindex="3"]`);
    await expectWindow(page, second.from ?? 0, second.to);
    await openTab(page, 'phases');
    await page.evaluate(
      (sel) => {
        const row = document.querySelector(sel)!;
        row.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
      },
      `${tid('row')}[aria-rowindex="5"]`,
    );
    await expectWindow(page, second.from ?? 0, fourth.to);
    // By keyboard: a phase, then Shift+Enter two rows on.
    await page.focus('[role="grid"]');
    await page.press('Home');
    await page.press('Enter');
    await expectWindow(page, smallPhases[0].from ?? 0, smallPhases[0].to);
    await page.press('ArrowDown');
    await page.press('ArrowDown');
    await page.keyDown('Shift');
    await page.press('Enter');
    await page.keyUp('Shift');
    await expectWindow(page, smallPhases[0].from ?? 0, smallPhases[2].to);
  });
});

/** The clock window in the URL. */
async function expectWindow(page: AppPage, from: number, to: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('win')), { timeout: WAIT_MS })
    .toBe(`${clockToUrl(from)}-${clockToUrl(to)}`);
}

/** The phase is the clock window: in the URL, on the chip, and the growth and live tables follow. */
async function expectWindowIs(page: AppPage, p: Phase): Promise<void> {
  const from = p.from ?? 0;
  await expect
    .poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('win')), { timeout: WAIT_MS })
    .toBe(`${clockToUrl(from)}-${clockToUrl(p.to)}`);
  expect(await page.text(tid('clock-window'))).toContain(`${from.toFixed(6)}–${p.to.toFixed(6)}`);
  await openTab(page, 'growth');
  await expect.poll(() => page.text(tid('growth-created')), { timeout: WAIT_MS }).toBe(fmtInt(p.createdAndAlive));
  expect(await page.text(tid('growth-delta'))).toBe(
    p.netLive > 0 ? `+${fmtInt(p.netLive)}` : p.netLive < 0 ? `−${fmtInt(-p.netLive)}` : '0',
  );
  await openTab(page, 'live');
  const live = smallTables.page({ table: 'live', filter: { clockMin: from, clockMax: p.to }, offset: 0, limit: 0 });
  await expectCount(page, `${fmtInt(live.matched)} of ${fmtInt(live.total)}`);
  await openTab(page, 'phases');
}
