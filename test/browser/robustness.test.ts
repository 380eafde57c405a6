// Issue 4, robustness with big logs: progress while parsing, Cancel mid-file, an allocation failure
// (forced with ?failAfterBytes=N) that keeps the partial results, and a second open that replaces a
// parse still running. The logs are generated at run time into a temp folder (never committed).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GeneratorSummary } from '../support/reflog-generator.ts';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  openFileByInput,
  openTab,
  parseIntText,
  recordStatus,
  statusLines,
  statusText,
  summaryNumbers,
  tableCount,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  waitSettled,
  writeGeneratedLog,
  sleep,
  slowDisk,
  type AppPage,
} from './support/index.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const b = useBrowser();

// ~246 bytes a line: 400k lines ≈ 98 MB, 820k ≈ 200 MB, 120k ≈ 30 MB.
const SIZES = { medium: 400_000, large: 820_000, thirty: 120_000 } as const;
type Size = keyof typeof SIZES;

let tmp: Awaited<ReturnType<typeof tempDir>>;
const made = new Map<Size, Promise<{ path: string; want: GeneratorSummary }>>();

/** The generated log of a size, written once per run of this file. */
function log(size: Size): Promise<{ path: string; want: GeneratorSummary }> {
  let p = made.get(size);
  if (!p) {
    const path = join(tmp.dir, `generated-${size}.log`);
    p = writeGeneratedLog(path, { lines: SIZES[size], seed: 4 }).then((want) => ({ path, want }));
    made.set(size, p);
  }
  return p;
}

beforeAll(async () => {
  tmp = await tempDir('reftrace-robustness-');
});
afterAll(async () => {
  await tmp?.cleanup();
});

/** Waits until parse-status shows a parse under way with some lines read; returns that count. */
async function waitSomeLines(page: AppPage): Promise<number> {
  await page.waitForFunction(
    (sel) => /Parsing… .*[1-9][\d,]* lines/.test(document.querySelector(sel)?.textContent ?? ''),
    tid('parse-status'),
    {
      timeout: WAIT_MS,
      polling: 10,
    },
  );
  return statusLines(await statusText(page)) ?? 0;
}

/** The Live tab answers: its count line reads "N of N" with N the summary's live count. */
async function liveTabAnswers(page: AppPage, live: number): Promise<void> {
  await openTab(page, 'live');
  const n = live.toLocaleString('en-US');
  await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${n} of ${n}`);
  if (live > 0) await expect.poll(() => page.count(tid('row')), { timeout: WAIT_MS }).toBeGreaterThan(0);
}

describe('robustness with big logs (issue 4)', () => {
  test('progress: parse-status reports growing line counts at least 3 times before Done', async () => {
    // 200 MB from a slow disk (each 4 MiB read answered 100 ms late, three at a time: 1.7 s at
    // least) for several progress states at up to 10 a second: at 400 MB/s the parse alone took 0.5 s
    // and sometimes showed only two.
    const [{ path, want }, page] = await Promise.all([
      log('large'),
      b.openAppAt('pageReads=1', { initScript: slowDisk(100) }),
    ]);
    expect(want.bytes).toBeGreaterThan(150e6);
    expect(want.bytes).toBeLessThan(250e6);
    const history = await recordStatus(page);
    await openFileByInput(page, path);
    const done = await waitDone(page, 60_000);
    expect(statusLines(done)).toBe(want.lines + 4); // + intro message, SOF, HDR, EOF

    const parsing = (await history()).filter((t) => t.startsWith('Parsing…'));
    const counts = parsing.map(statusLines).filter((n): n is number => n !== null);
    expect(counts.length, `progress states seen: ${JSON.stringify(parsing)}`).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < counts.length; i++) expect(counts[i], `progress ${i}`).toBeGreaterThan(counts[i - 1]);
    expect(counts.at(-1)).toBeLessThan(want.lines);
    // Each progress state names a percentage of the file and how much of it is read.
    for (const t of parsing.filter((x) => statusLines(x) !== null)) expect(t).toMatch(/\d+(\.\d+)?\s?% · .*MB of .*MB/);
    expect(Number(await page.attribute(tid('progress'), 'value'))).toBe(
      Number(await page.attribute(tid('progress'), 'max')),
    );
    expect(await summaryNumbers(page)).toEqual({
      new: want.new,
      del: want.del,
      live: want.live,
      pairs: want.pairs,
      untracked: want.untracked,
      duplicates: want.duplicates,
    });
  });

  test('cancel mid-file: Cancelled, partial numbers, and the Live tab still answers', async () => {
    // From a slow disk, so the click lands mid-file: read by the worker, Firefox parsed the 200 MB
    // in 0.66 s once, and the click came after Done.
    const [{ path, want }, page] = await Promise.all([
      log('large'),
      b.openAppAt('pageReads=1', { initScript: slowDisk(100) }),
    ]);
    expect(want.bytes).toBeGreaterThan(190e6);
    await openFileByInput(page, path);
    const seen = await waitSomeLines(page);
    expect(seen).toBeGreaterThan(0);
    await page.click(tid('cancel'));
    const status = await waitSettled(page);
    expect(status).toMatch(/^Cancelled/);
    expect(await page.text(tid('stopped-early'))).toMatch(/cancelled/i);
    expect(await page.count(tid('cancel'))).toBe(0);

    const got = await summaryNumbers(page);
    expect(got.new).toBeGreaterThan(0);
    expect(got.new).toBeLessThan(want.new);
    expect(got.del).toBeGreaterThan(0);
    expect(got.del).toBeLessThan(want.del);
    expect(got.pairs).toBeGreaterThan(0);
    expect(got.pairs).toBeLessThan(want.pairs);
    expect(got.live).toBe(got.new - got.pairs - got.duplicates);
    const lines = statusLines(status)!;
    expect(lines).toBeGreaterThanOrEqual(seen);
    expect(lines).toBeLessThan(want.lines);
    await liveTabAnswers(page, got.live);
  });

  test('allocation failure (?failAfterBytes=3000000): out-of-memory message, partial results, tables answer', async () => {
    const [{ path, want }, page] = await Promise.all([log('thirty'), b.openAppAt('failAfterBytes=3000000')]);
    expect(want.bytes).toBeGreaterThan(25e6);
    await openFileByInput(page, path);
    const status = await waitSettled(page);
    expect(status).toMatch(/^Stopped/);
    await expect.poll(() => page.isVisible(tid('error-banner'))).toBe(true);
    expect(await page.text(tid('error-banner'))).toMatch(
      /^.*Too big for this tab: out of memory after [\d,]+ bytes \(line [\d,]+\)\. .*reftrace analyse LOG/s,
    );

    // Not a blank page: the header, the tabs and the summary are all there.
    expect(await page.count(tid('file-input'))).toBe(1);
    expect(await page.isVisible(tid('tab-live'))).toBe(true);
    const got = await summaryNumbers(page);
    expect(got.new).toBeGreaterThan(0);
    expect(got.new).toBeLessThan(want.new);
    expect(got.pairs).toBeGreaterThan(0);
    // The worker parses 1 MiB at a time and fails before a piece that takes it past 3,000,000 bytes:
    // it parsed 2 MiB, about 8,500 of these ~246-byte lines.
    const lines = statusLines(status)!;
    expect(lines).toBeGreaterThan(2 ** 20 / 300);
    expect(lines).toBeLessThan(3_000_000 / 200);
    expect(parseIntText(await page.text(tid('summary-lines')))).toBe(lines);
    expect(await page.text(tid('summary-state'))).toMatch(/memory/i);
    await liveTabAnswers(page, got.live);
    await openTab(page, 'types');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^[1-9]\d* of [1-9]\d*$/);
  });

  test('opening a second file while the first parses cancels the first and shows the second', async () => {
    const [{ path, want }, page, small, smallText] = await Promise.all([
      log('large'),
      b.openApp(),
      cliJson(SMALL),
      readFile(resolve(ROOT, SMALL), 'utf8'),
    ]);
    const smallLines = smallText.split('\n').length - (smallText.endsWith('\n') ? 1 : 0);
    const history = await recordStatus(page);
    await openFileByInput(page, path);
    await waitSomeLines(page);
    await openFileByInput(page, SMALL);
    await waitDone(page);
    // The first never finished: no status ever showed its whole line count, nor any Done before the second's.
    const statuses = await history();
    expect(
      statuses.filter((t) => statusLines(t) === want.lines + 4),
      JSON.stringify(statuses),
    ).toEqual([]);
    expect(statuses.filter((t) => t.startsWith('Done')).map(statusLines), JSON.stringify(statuses)).toEqual([
      smallLines,
    ]);
    // Give a late message from the first parse the chance to show up (it must not).
    await sleep(500);
    expect(statusLines(await statusText(page))).toBe(smallLines);
    expect(await summaryNumbers(page)).toEqual(cliSummary(small));
    expect(cliSummary(small).new).not.toBe(want.new);
    expect(await page.text(tid('summary-file'))).toBe(SMALL.split('/').pop());
    await liveTabAnswers(page, small.live);
  });
});
