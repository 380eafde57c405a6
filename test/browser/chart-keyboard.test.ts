// The RSS chart with the keyboard alone: Tab reaches the T, From and To fields (named, with their
// unit) and then the chart's cursor, a slider described by the chart's summary in words; ← → move
// the cursor, Enter makes its clock T, Shift+→ selects the window A..B; the arrow keys then open
// the Heap at T and Growth A→B tabs, whose numbers are the engine's for that T and that window.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { leakQueriesOf, type LeakQueries } from '../../src/engine/query/leak-queries.ts';
import { clockToUrl, fmtClock, fmtInt, fmtSigned } from '../../src/ui/format.ts';
import {
  ROOT,
  WAIT_MS,
  openFileByInput,
  tid,
  useBrowser,
  waitChartDrawn,
  waitDone,
  type AppPage,
} from './support/index.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const CURSOR = tid('chart-cursor');
const b = useBrowser();

let leaks: LeakQueries;
beforeAll(async () => {
  leaks = leakQueriesOf(analyseChunks([new Uint8Array(await readFile(resolve(ROOT, SMALL)))]).store);
});

/** What has focus: its test id, role and name (a field's is its label's text). */
function focused(page: AppPage) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const name = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '';
    return { id: el?.getAttribute('data-testid') ?? '', role: el?.getAttribute('role') ?? '', name: name.trim() };
  });
}

/** Presses Tab from the page's start until `done` holds for the focused control; returns every control passed. */
async function tabUntil(
  page: AppPage,
  done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
): Promise<Awaited<ReturnType<typeof focused>>[]> {
  const passed = [];
  for (let i = 0; i < 60; i++) {
    await page.press('Tab');
    const f = await focused(page);
    passed.push(f);
    if (done(f)) return passed;
  }
  throw new Error(`Tab never got there: ${JSON.stringify(passed)}`);
}

const micro = (c: number) => Math.round(c * 1e6) / 1e6;

test('with the keyboard alone: T and the window A..B set on the chart, and the heap and growth numbers that follow', async () => {
  const page = await b.openApp();
  await openFileByInput(page, SMALL);
  await waitDone(page);
  await waitChartDrawn(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // The fields come first, each named with its unit; then the chart's cursor.
  const passed = await tabUntil(page, (f) => f.id === 'chart-cursor');
  const names = Object.fromEntries(passed.filter((f) => f.id).map((f) => [f.id, f.name]));
  expect(names['clock-from']).toBe("From (A, the window's start, in CPU seconds)");
  expect(names['clock-to']).toBe("to (B, the window's end, in CPU seconds)");
  expect(names['instant-input']).toBe('T (an instant, in CPU seconds)');
  const cursor = await page.evaluate((sel) => {
    const c = document.querySelector(sel)!;
    const described = (c.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '');
    return { role: c.getAttribute('role'), name: c.getAttribute('aria-label'), described };
  }, CURSOR);
  expect(cursor.role).toBe('slider');
  expect(cursor.name).toBe('Chart cursor on the clock');
  expect(cursor.described[0]).toMatch(
    /^RSS and live objects over clock 0\.045787 to 0\.050842 s\. RSS peaks at 15\.3 MiB at about [\d.]+ s\. Live objects peak at 122 at about [\d.]+ s\.$/,
  );
  expect(cursor.described[1]).toMatch(
    /Enter makes the cursor's clock the instant T; Shift with these keys selects the window A\.\.B/,
  );

  // ← → move the cursor; what it stands on is its value, for screen readers, and the box beside it.
  await page.press('Home');
  for (let i = 0; i < 12; i++) await page.press('ArrowRight');
  const tAt = Number(await page.attribute(CURSOR, 'aria-valuenow'));
  expect(await page.attribute(CURSOR, 'aria-valuetext')).toMatch(
    new RegExp(
      `^${fmtClock(tAt).replace('.', '\\.')} s: RSS [\\d.]+ MiB( to [\\d.]+ MiB)?, [\\d,]+( to [\\d,]+)? live objects$`,
    ),
  );
  // The box follows the cursor a render later (ChartCursor reports it from an effect).
  await expect.poll(() => page.text(tid('cursor-readout')), { timeout: WAIT_MS }).toContain(`Clock ${fmtClock(tAt)} s`);

  // Enter: T is the cursor's clock.
  await page.press('Enter');
  const t = micro(tAt);
  await expect.poll(() => page.inputValue(tid('instant-input')), { timeout: WAIT_MS }).toBe(clockToUrl(t));
  expect(await page.text(tid('chart-announce'))).toBe(`T set to ${fmtClock(t)} s.`);

  // Shift+→: the window from the cursor to where it ends, once the keys pause.
  await page.press('ArrowRight');
  const aAt = Number(await page.attribute(CURSOR, 'aria-valuenow'));
  await page.keyDown('Shift');
  for (let i = 0; i < 25; i++) await page.press('ArrowRight');
  await page.keyUp('Shift');
  const bAt = Number(await page.attribute(CURSOR, 'aria-valuenow'));
  expect(await page.attribute(CURSOR, 'aria-valuetext')).toMatch(
    new RegExp(`; selecting ${fmtClock(aAt).replace('.', '\\.')} to ${fmtClock(bAt).replace('.', '\\.')} s$`),
  );
  const [a, bEnd] = [micro(aAt), micro(bAt)];
  // The window applies when the keys pause: on a busy machine a pause between two presses may apply
  // part of the selection first, and the whole of it follows after the last key.
  await expect
    .poll(async () => [await page.inputValue(tid('clock-from')), await page.inputValue(tid('clock-to'))], {
      timeout: WAIT_MS,
    })
    .toEqual([clockToUrl(a), clockToUrl(bEnd)]);
  expect(await page.count(tid('clock-window'))).toBe(1);
  await expect
    .poll(() => page.text(tid('chart-summary')), { timeout: WAIT_MS })
    .toMatch(
      new RegExp(
        `The instant T is ${fmtClock(t)} s\\. The window A\\.\\.B is ${fmtClock(a)} to ${fmtClock(bEnd)} s\\.$`,
      ),
    );

  // On to the tabs, still by keyboard: the heap at T, then the growth over A..B.
  await tabUntil(page, (f) => f.role === 'tab');
  for (let i = 0; i < 12 && (await page.attribute(tid('tab-heap'), 'aria-selected')) !== 'true'; i++)
    await page.press('ArrowRight');
  const snap = leaks.snapshot({ at: t });
  await expect.poll(() => page.text(tid('heap-alive')), { timeout: WAIT_MS }).toBe(fmtInt(snap.alive));
  expect(await page.text(tid('heap-totals'))).toContain(`T = ${fmtClock(t)} s`);
  await page.press('ArrowRight');
  expect(await page.attribute(tid('tab-growth'), 'aria-selected')).toBe('true');
  const g = leaks.growth(a, bEnd);
  await expect.poll(() => page.text(tid('growth-created')), { timeout: WAIT_MS }).toBe(fmtInt(g.createdAndAlive));
  expect(await page.text(tid('growth-alive-from'))).toBe(fmtInt(g.aliveFrom));
  expect(await page.text(tid('growth-alive-to'))).toBe(fmtInt(g.aliveTo));
  expect(await page.text(tid('growth-delta'))).toBe(fmtSigned(g.aliveTo - g.aliveFrom));
  // Something was there to count: the window added objects that were still alive at its end.
  expect(g.aliveTo).toBeGreaterThan(0);
});

test('Esc drops a selection not yet applied; the brush handles say which end of A..B they are and where', async () => {
  const page = await b.openApp();
  await openFileByInput(page, SMALL);
  await waitDone(page);
  await waitChartDrawn(page);
  await page.focus(CURSOR);
  // The gesture in one go, in the page: Shift+→ twice, then Esc, with no pause in which the
  // selection could apply (250 ms). Pressed one by one from here, each key is a round trip to the
  // browser: on a busy machine the pause passed between the last arrow and Esc, and the window was set.
  const selecting = await page.evaluate(async (sel) => {
    const cursor = document.querySelector(sel)!;
    const key = (key: string, shiftKey: boolean) =>
      cursor.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));
    // React renders a key's state in a microtask: let it before the next key (no timer runs in between).
    const rendered = () => new Promise<void>((ok) => queueMicrotask(ok));
    key('ArrowRight', true);
    await rendered();
    key('ArrowRight', true);
    await rendered();
    const during = cursor.getAttribute('aria-valuetext');
    key('Escape', false);
    return during;
  }, CURSOR);
  expect(selecting).toContain('selecting');
  await new Promise((ok) => setTimeout(ok, 600));
  expect(await page.count(tid('clock-window'))).toBe(0);
  expect(await page.attribute(CURSOR, 'aria-valuetext')).not.toContain('selecting');

  const handles = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.recharts-brush-traveller'), (h) => [
      h.getAttribute('aria-label'),
      h.getAttribute('aria-valuetext'),
    ]),
  );
  expect(handles.map(([name]) => name).sort()).toEqual(['End of the window A..B', 'Start of the window A..B']);
  expect(handles.map(([, text]) => text).sort()).toEqual(['0.045787 s', '0.050842 s']);
});
