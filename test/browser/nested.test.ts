// Issue 5, nested runs and gzip: the files of a nested run chosen (or dropped) together open as one
// run whose numbers equal the CLI's --recurse-files; a missing child is listed as a problem; a .gz
// opens like the plain log, and a corrupt one stops with a message instead of a blank page.
import { gzipSync } from 'node:zlib';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  cliText,
  dropFiles,
  openFileByInput,
  openFilesByInput,
  openTab,
  statusLines,
  summaryNumbers,
  tableCount,
  tableRecords,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  waitSettled,
  writeGeneratedLog,
  type AppPage,
  type CliJson,
} from './support/index.ts';

const b = useBrowser();

const NAMED_DIR = 'test/fixtures/samples/nested_named';
const NAMED = ['nested_outer.log', 'nested_middle.log', 'nested_inner.log', 'nested_inner_sibling.log'].map(
  (f) => `${NAMED_DIR}/${f}`,
);
const ABS_DIR = 'test/fixtures/samples/nested';
const ABS = [0, 1, 2, 3].map((i) => `${ABS_DIR}/20261125_072716_${i}_5419_O_${Math.min(i, 2)}_PY3.13.5.log`);
const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';

/** The CLI's --recurse-files analysis of a parent log (children found beside it, by name). */
async function cliRecurse(
  outer: string,
): Promise<CliJson & { problems?: { line: number; kind: string; detail: string }[] }> {
  return JSON.parse(await cliText(outer, '--json', '--recurse-files'));
}

/** Switches to the Messages & problems tab and its Problems table. */
async function openProblems(page: AppPage): Promise<void> {
  await openTab(page, 'messages');
  await page.click(tid('sub-problems'));
  await expect.poll(() => page.attribute(tid('sub-problems'), 'aria-pressed'), { timeout: WAIT_MS }).toBe('true');
  await expect.poll(() => page.count(tid('col-kind')), { timeout: WAIT_MS }).toBe(1);
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir('reftrace-nested-');
});
afterAll(async () => {
  await tmp?.cleanup();
});

describe('nested runs opened together (issue 5)', () => {
  test('nested_named: the four files chosen at once add up to the CLI --recurse-files numbers', async () => {
    const [page, want] = await Promise.all([b.openApp(), cliRecurse(NAMED[0])]);
    expect(cliSummary(want)).toMatchObject({ new: 57, del: 55, live: 12, pairs: 45 });
    await openFilesByInput(page, [...NAMED].reverse()); // the order chosen must not matter
    const status = await waitDone(page);
    expect(statusLines(status)).toBe(want.lines);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    expect(await page.text(tid('summary-lines'))).toBe(String(want.lines));

    // Every child was found: no problem at all, and the Live tab lists the run's live objects.
    await openProblems(page);
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('0 of 0');
    await openTab(page, 'live');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${want.live} of ${want.live}`);
    // The messages come from all four logs (a Log file column names each one's source).
    await openTab(page, 'messages');
    await page.click(tid('sub-messages'));
    const msgs = want.counts.msg + want.counts.err;
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${msgs} of ${msgs}`);
    const sources = new Set((await tableRecords(page)).map((r) => r.source));
    expect(sources).toEqual(new Set(NAMED.map((p) => basename(p))));
  });

  test('nested_named: the four files dropped at once give the same numbers', async () => {
    const [page, want] = await Promise.all([b.openApp(), cliRecurse(NAMED[0])]);
    await dropFiles(page, NAMED);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
  });

  test('nested (children named by absolute paths, matched by file name): the CLI --recurse-files numbers', async () => {
    const [page, want] = await Promise.all([b.openApp(), cliRecurse(ABS[0])]);
    expect(cliSummary(want)).toMatchObject({ new: 57, del: 55, live: 12, pairs: 45 });
    await openFilesByInput(page, ABS);
    const status = await waitDone(page);
    expect(statusLines(status)).toBe(want.lines);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    await openProblems(page);
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('0 of 0');
  });

  test('outer + middle only: the missing children are listed as missing-child problems, with the hint', async () => {
    // The CLI on the same two files alone in a folder is the reference.
    for (const f of NAMED.slice(0, 2)) await copyFile(resolve(ROOT, f), join(tmp.dir, basename(f)));
    const [page, want] = await Promise.all([b.openApp(), cliRecurse(join(tmp.dir, 'nested_outer.log'))]);
    expect(want.problems?.map((p) => p.kind)).toEqual(['missing-child', 'missing-child']);

    await openFilesByInput(page, NAMED.slice(0, 2));
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    expect(await page.text('.summary-problems')).toMatch(/2 problems/);

    await openProblems(page);
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe('2 of 2');
    const rows = await tableRecords(page);
    expect(rows.map((r) => r.kind)).toEqual(['missing-child', 'missing-child']);
    expect(rows.map((r) => r.logLine)).toEqual(['24', '34']);
    expect(rows.map((r) => r.source)).toEqual(['nested_middle.log', 'nested_middle.log']);
    expect(rows[0].detail).toContain('nested_inner.log');
    expect(rows[1].detail).toContain('nested_inner_sibling.log');
    for (const r of rows) expect(r.detail).toMatch(/open it together with its parent/);
  });
});

describe('gzip (issue 5)', () => {
  test('small.log.gz opens directly with the same numbers as the plain log', async () => {
    const gz = join(tmp.dir, 'small.log.gz');
    await writeFile(gz, gzipSync(await readFile(resolve(ROOT, SMALL))));
    const [page, want] = await Promise.all([b.openApp(), cliJson(SMALL)]);
    await openFileByInput(page, gz);
    const status = await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
    const plainLines = (await readFile(resolve(ROOT, SMALL), 'utf8')).trimEnd().split('\n').length;
    expect(statusLines(status)).toBe(plainLines);
    await openTab(page, 'types');
    const n = Object.keys(want.types).length;
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${n} of ${n}`);
  });

  test('a corrupt .gz (bytes flipped in the middle) stops with a message, and the page stays', async () => {
    // A log of some megabytes, so that the damage lies many stream chunks in and the lines before
    // it are read in either browser (Firefox's DecompressionStream gives nothing of a chunk that
    // fails, and the small sample is a single chunk).
    const plain = join(tmp.dir, 'corrupt-source.log');
    await writeGeneratedLog(plain, { lines: 100_000, seed: 17 });
    const bytes = gzipSync(await readFile(plain));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const mid = bytes.length >> 1;
    for (let i = mid - 8; i < mid + 8; i++) bytes[i] ^= 0xff;
    const gz = join(tmp.dir, 'corrupt.log.gz');
    await writeFile(gz, bytes);
    const page = await b.openApp();
    await openFileByInput(page, gz);
    const status = await waitSettled(page);
    expect(status).not.toMatch(/^Done/);
    expect(status).toMatch(/^Stopped/);
    // Lines before the damage were read (the page's own gunzip, the same in both browsers).
    expect(statusLines(status)).toBeGreaterThan(0);
    await expect.poll(() => page.isVisible(tid('error-banner')), { timeout: WAIT_MS }).toBe(true);
    const text = await page.text(tid('error-banner'));
    expect(text).toMatch(/Could not finish reading corrupt\.log\.gz/);
    // engine/gzip's words: the checksum, or the deflate structure, says the data is damaged.
    expect(text).toMatch(/gzip (checksum does not match|data is damaged)/);
    expect(await page.text(tid('summary-state'))).toMatch(/^Stopped early/);
    // The page is still there and still works: the header, the numbers of what was read, the tables.
    expect(await page.text('h1')).toMatch(/RefTrace/);
    expect(await page.isVisible(tid('tab-live'))).toBe(true);
    await openTab(page, 'types');
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^[1-9][\d,]* of [\d,]+$/);
    await openProblems(page);
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^[\d,]+ of [\d,]+$/);
  });
});
