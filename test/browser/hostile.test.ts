// Issue 6, hostile input: a log whose type, file and function names, messages and even its file
// name are HTML/script payloads and spreadsheet formulas. Nothing may run (no dialog, no injected
// element), every string must show as plain text, and a CSV export must defuse formulas.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../src/engine/query/leak-queries.ts';
import type { Suspect } from '../../src/engine/types.ts';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  columnTexts,
  openFileByInput,
  openTab,
  summaryNumbers,
  tableCount,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  type AppPage,
  type CliJson,
  parseCsv,
  sleep,
} from './support/index.ts';

const b = useBrowser();
const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const SVG = '"><svg onload=alert(3)>';
const FORMULA = "=cmd|' /C calc'!A0";
const AT_FORMULA = '@SUM(1+1)*cmd';
// Function names never hold a space (the parser, like the CLI, splits the right-hand columns on
// spaces), so the payloads in that column use the space-free HTML forms.
const FN_IMG = '<img/src=x/onerror=alert(11)>';
const FN_SVG = '"><svg/onload=alert(13)>';
const FN_FORMULA = '=HYPERLINK("http://x")';
/** Wider than the 32-character Type column: the rest of the line is pushed right, as printf does. */
const LONG = '<svg/onload=alert(8)><img/src=x/onerror=alert(9)>';
const INTRO = `Hostile run <svg onload=alert(7)> ${SCRIPT}`;
const MESSAGE = `checkpoint ${SCRIPT} ${IMG} ${FORMULA}`;
/** The log's own file name is hostile too (it is shown in the header, the summary and the title). */
const FILE_NAME = '<img src=x onerror=alert(10)>.log';

const FILE_IMG = `/tmp/hostile/${IMG}.py`;
const FILE_SVG = `/tmp/hostile/${SVG}.py`;

const padL = (s: string | number, w: number) => String(s).padStart(w);
const padR = (s: string, w: number) => s.padEnd(w);

interface Rec {
  tag: 'NEW:' | 'DEL:';
  addr: string;
  live: number;
  type: string;
  file: string;
  line: number;
  func: string;
}

/** One record in the exact printf layout of cPyMemTrace (as the lines of the small sample). */
function record(r: Rec, clock: number): string {
  return [
    r.tag,
    padL(clock.toFixed(6), 12),
    padL(r.addr, 16),
    padL(r.live, 16),
    padR(r.type, 32),
    padR(r.file, 80),
    padL(r.line, 4),
    padR(r.func, 40),
    padL(15687680, 16),
    padL(0, 16),
  ].join(' ');
}

/** The hostile log: the small sample's HDR line, then records and messages carrying the payloads. */
async function hostileLog(): Promise<string> {
  const small = (await readFile(resolve(ROOT, SMALL), 'utf8')).split('\n');
  const hdr = small.find((l) => l.startsWith('HDR:'))!;
  // The layout check: a record built here lines up with the small sample's own records.
  const sample = small.find((l) => l.startsWith('NEW:'))!;
  const rebuilt = record(
    {
      tag: 'NEW:',
      addr: sample.slice(18, 34).trim(),
      live: 1,
      type: sample.slice(52, 84).trim(),
      file: sample.slice(85, 165).trim(),
      line: 23,
      func: sample.slice(171, 211).trim(),
    },
    Number(sample.slice(5, 17)),
  );
  expect(rebuilt.replace(/\s+\d+\s+\d+$/, '')).toBe(sample.replace(/\s+\d+\s+\d+$/, ''));

  const recs: (Rec | string)[] = [
    `MSG: ${padL('0.045700', 12)} # ${MESSAGE}`,
    { tag: 'NEW:', addr: '0x7f2afc220a90', live: 1, type: IMG, file: FILE_SVG, line: 23, func: SCRIPT },
    { tag: 'NEW:', addr: '0x7f2afc220ab0', live: 1, type: SCRIPT, file: FILE_IMG, line: 24, func: FN_SVG },
    {
      tag: 'NEW:',
      addr: '0x7f2afc220ad0',
      live: 1,
      type: SVG,
      file: '/tmp/reflogs/drivers/small.py',
      line: 25,
      func: FN_IMG,
    },
    {
      tag: 'NEW:',
      addr: '0x7f2afc220af0',
      live: 1,
      type: FORMULA,
      file: '/tmp/hostile/@SUM(1+1).py',
      line: 26,
      func: AT_FORMULA,
    },
    { tag: 'NEW:', addr: '0x7f2afc220b10', live: 1, type: LONG, file: FILE_IMG, line: 27, func: SCRIPT },
    { tag: 'NEW:', addr: '0x7f2afc220b30', live: 2, type: IMG, file: FILE_IMG, line: 28, func: FN_IMG },
    `MSG: ${padL('0.045950', 12)} # ${SVG}`,
    { tag: 'DEL:', addr: '0x7f2afc220b30', live: 1, type: IMG, file: FILE_IMG, line: 29, func: FN_IMG },
    { tag: 'DEL:', addr: '0x7f2afc2ffff0', live: -1, type: SCRIPT, file: FILE_SVG, line: 30, func: FN_FORMULA },
  ];
  let clock = 0.0458;
  const body = recs.map((r) => (typeof r === 'string' ? r : record(r, (clock += 0.000017))));
  return [INTRO, 'SOF', hdr, ...body, 'EOF', ''].join('\n');
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
let path: string;
let want: CliJson & { problems?: unknown[] };
let suspects: Suspect[];

beforeAll(async () => {
  tmp = await tempDir('reftrace-hostile-');
  path = join(tmp.dir, FILE_NAME);
  const text = await hostileLog();
  await writeFile(path, text);
  want = (await cliJson(path)) as typeof want;
  suspects = leakQueriesOf(analyseChunks([new TextEncoder().encode(text)]).store).suspects('site', 10);
});
afterAll(async () => {
  await tmp?.cleanup();
});

/** A page that fails the test on any dialog (alert, confirm, prompt), and the list of those seen. */
async function guardedApp(hash?: string): Promise<{ page: AppPage; dialogs: string[] }> {
  const page = await b.openApp(hash);
  const dialogs: string[] = [];
  page.onDialog((d) => dialogs.push(`${d.type}: ${d.message}`));
  return { page, dialogs };
}

/** Elements a payload would have made: any on* handler attribute, an <img src=x>, a script with alert. */
async function injected(page: AppPage): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes))
        if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}=${a.value}]`);
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push('IMG[src=x]');
      if (el.tagName === 'SCRIPT' && /alert/.test(el.textContent ?? '')) found.push(`SCRIPT ${el.textContent}`);
    }
    return found;
  });
}

async function openHostile(hash?: string): Promise<{ page: AppPage; dialogs: string[] }> {
  const g = await guardedApp(hash);
  await openFileByInput(g.page, path);
  await waitDone(g.page);
  return g;
}

describe('hostile strings in a log (issue 6)', () => {
  test('the CLI reads the hostile log as intended (the reference for the page)', () => {
    expect(want.problems ?? []).toEqual([]);
    expect(cliSummary(want)).toEqual({ new: 6, del: 2, live: 5, pairs: 1, untracked: 1, duplicates: 0 });
    expect(Object.keys(want.types).sort()).toEqual([FORMULA, IMG, LONG, SCRIPT, SVG].sort());
  });

  test('nothing runs, and every payload shows as text in the Summary, Live, Types, Sites and Messages', async () => {
    const { page, dialogs } = await openHostile();
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    expect(await page.text(tid('summary-intro'))).toBe(INTRO);
    expect(await page.text(tid('summary-file'))).toBe(FILE_NAME);
    expect(await page.title()).toContain(FILE_NAME);
    expect(await injected(page)).toEqual([]);

    await openTab(page, 'live');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('5 of 5');
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBe(5);
    expect((await columnTexts(page, 'type')).sort()).toEqual([IMG, SCRIPT, SVG, FORMULA, LONG].sort());
    expect((await columnTexts(page, 'function')).sort()).toEqual([SCRIPT, FN_SVG, FN_IMG, AT_FORMULA, SCRIPT].sort());
    expect(new Set(await columnTexts(page, 'file'))).toEqual(
      new Set([`${SVG}.py`, `${IMG}.py`, 'small.py', '@SUM(1+1).py']),
    );
    expect(await injected(page)).toEqual([]);

    // The full paths too (the payload sits after the last slash, so the base name shows it as well).
    await page.check(tid('full-path'));
    await expect.poll(async () => new Set(await columnTexts(page, 'file')), { timeout: WAIT_MS }).toContain(FILE_IMG);
    expect(new Set(await columnTexts(page, 'file'))).toContain(FILE_SVG);
    expect(await injected(page)).toEqual([]);

    await openTab(page, 'types');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('5 of 5');
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBe(5);
    expect((await columnTexts(page, 'type')).sort()).toEqual(Object.keys(want.types).sort());

    await openTab(page, 'sites');
    await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    expect(new Set(await columnTexts(page, 'function'))).toEqual(new Set([SCRIPT, FN_SVG, FN_IMG, AT_FORMULA]));

    await openTab(page, 'untracked');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('1 of 1');
    await expect.poll(() => columnTexts(page, 'function'), { timeout: WAIT_MS }).toEqual([FN_FORMULA]);

    await openTab(page, 'messages');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('2 of 2');
    await expect
      .poll(async () => (await columnTexts(page, 'text')).sort(), { timeout: WAIT_MS })
      .toEqual([MESSAGE, SVG].sort());

    expect(await injected(page)).toEqual([]);
    // A moment for anything deferred (an onerror fires after the image request fails).
    await sleep(300);
    expect(dialogs).toEqual([]);
  });

  test('a payload typed into the filter goes into the URL and back without running', async () => {
    const first = await openHostile();
    await openTab(first.page, 'live');
    await first.page.fill(tid('table-filter'), IMG);
    // Rows whose type or file holds it: the IMG type, the IMG file (twice).
    await expect.poll(() => tableCount(first.page), { timeout: WAIT_MS }).toBe('3 of 5');
    await expect
      .poll(() => first.page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('q')), { timeout: WAIT_MS })
      .toContain(IMG);
    const hash = new URL(first.page.url()).hash;

    const again = await openHostile(hash);
    await expect.poll(() => again.page.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    expect(await again.page.inputValue(tid('table-filter'))).toBe(IMG);
    await expect.poll(() => tableCount(again.page), { timeout: WAIT_MS }).toBe('3 of 5');
    expect(await injected(again.page)).toEqual([]);
    await sleep(300);
    expect([...first.dialogs, ...again.dialogs]).toEqual([]);
  });

  test('CSV export of the Live table escapes formula cells with a leading apostrophe', async () => {
    const { page, dialogs } = await openHostile();
    await openTab(page, 'live');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('5 of 5');
    const cells = parseCsv((await page.download(tid('export-csv'))).text);
    const header = cells[0];
    expect(cells.length - 1).toBe(5);
    const all = cells.slice(1).flat();
    // The formulas are there, defused; no cell starts with a formula character.
    expect(all).toContain(`'${FORMULA}`);
    expect(all).toContain(`'${AT_FORMULA}`);
    for (const c of all) expect(c, `cell ${JSON.stringify(c)}`).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
    // The HTML payloads come out verbatim (a CSV is not HTML).
    expect(all).toContain(IMG);
    expect(all).toContain(SCRIPT);
    expect(all).toContain(SVG);
    expect(header.length).toBeGreaterThan(3);
    expect(dialogs).toEqual([]);
  });

  test('the leak views show them as text too: suspects, a detail, the ignore list, the URL, phases and markers', async () => {
    const { page, dialogs } = await openHostile();
    const label = (x: Suspect) => `${x.file.split('/').pop()}:${x.line} ${x.function}`;
    expect(suspects.length).toBeGreaterThan(0);
    await expect.poll(() => page.count(tid('suspect-open')), { timeout: WAIT_MS }).toBe(suspects.length);
    const names = await page.evaluate(
      (sel) => Array.from(document.querySelectorAll(sel), (e) => e.textContent),
      tid('suspect-open'),
    );
    expect(names).toEqual(suspects.map(label));
    expect(await injected(page)).toEqual([]);

    // Its objects and detail; the site goes into the URL as written.
    const top = suspects[0];
    await page.focus(`${tid('suspect')}:first-child ${tid('suspect-open')}`);
    await page.press('Enter');
    await expect.poll(() => page.text(tid('detail-title')), { timeout: WAIT_MS }).toContain(label(top));
    expect(await page.text(tid('objects-of'))).toContain(label(top));
    await expect
      .poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('of')), { timeout: WAIT_MS })
      .toBe(`site:${top.file}:${top.line}:${top.function}`);
    // Ignore its file: a chip that reads as the file's name.
    await page.click(tid('detail-ignore'));
    await expect.poll(() => page.text(tid('ignore-chip')), { timeout: WAIT_MS }).toContain(top.file.split('/').pop()!);
    expect(await injected(page)).toEqual([]);

    // The same view from the URL, payloads and all.
    const again = await openHostile(new URL(page.url()).hash);
    await expect.poll(() => again.page.text(tid('detail-title')), { timeout: WAIT_MS }).toContain(label(top));
    expect(await again.page.text(tid('ignore-chip'))).toContain(top.file.split('/').pop()!);
    expect(await injected(again.page)).toEqual([]);

    // The messages: a phase's text in the table and on the chart.
    await openTab(page, 'phases');
    await expect.poll(async () => new Set(await columnTexts(page, 'message')), { timeout: WAIT_MS }).toContain(MESSAGE);
    await page.waitFor(`${tid('rss-chart')}[data-state="full"] ${tid('phase-flag')}`);
    await page.hover('[data-flag="0"]');
    await expect.poll(() => page.text(tid('marker-tip')), { timeout: WAIT_MS }).toContain(MESSAGE);
    expect(await injected(page)).toEqual([]);
    await sleep(300);
    expect([...dialogs, ...again.dialogs]).toEqual([]);
  });
});
