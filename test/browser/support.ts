// Shared helpers for the browser tests: one Chromium per test file (Debian's /usr/bin/chromium,
// never a downloaded one), a fresh context per page, and a check after every test that the page
// logged no console error and threw no uncaught error.
//
// The selectors are the UI contract's data-testids: file-input, parse-status, summary-*, tab-*,
// table-filter, table-count, row, col-<columnId>, open-example, cancel, full-path, progress.

import type { JsonReport } from '../../src/engine/types.ts';
import { execFile } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { generateLog, type GeneratorOptions, type GeneratorSummary } from '../support/reflog-generator.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** How long to wait for the page (a parse, a query) before failing. */
export const WAIT_MS = 30_000;

const run = promisify(execFile);

export const tid = (id: string) => `[data-testid="${id}"]`;

/** Console errors a test expects on a page (see expectConsoleErrors); all others still fail the test. */
const expectedConsoleErrors = new WeakMap<Page, RegExp[]>();

/**
 * Lets console errors matching `patterns` pass on this page, e.g. Chromium's own "Failed to load
 * resource: … 404" line when a test asks for a missing URL on purpose. Uncaught errors still fail.
 */
export function expectConsoleErrors(page: Page, ...patterns: RegExp[]): void {
  expectedConsoleErrors.set(page, [...(expectedConsoleErrors.get(page) ?? []), ...patterns]);
}

export interface OpenAppOptions {
  /** The hash to open at (with or without '#'). */
  hash?: string;
  /** Console errors this page may log from the start (see expectConsoleErrors). */
  consoleErrors?: RegExp[];
}

export interface BrowserFixture {
  /** A new page (own context) on the viewer, at `hash` (with or without '#'). */
  openApp(hash?: string): Promise<Page>;
  /** Like openApp, with a query string (`failAfterBytes=…`, `url=…`; with or without '?'). */
  openAppAt(search: string, options?: OpenAppOptions): Promise<Page>;
  baseUrl: string;
}

/**
 * Call once at the top of a test file: launches Chromium for the file, closes every page after
 * each test, and fails the test if any page logged a console error or threw.
 */
export function useBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  const open: { ctx: BrowserContext; errors: string[] }[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const pages = open.splice(0);
    const errors = pages.flatMap((p) => p.errors);
    await Promise.all(pages.map((p) => p.ctx.close().catch(() => {})));
    expect(errors, 'console errors and uncaught page errors').toEqual([]);
  });

  const openAppAt = async (search: string, options: OpenAppOptions = {}): Promise<Page> => {
    if (!browser) throw new Error('useBrowser(): the browser is not launched (call openApp inside a test)');
    // Tall enough that a table of a few dozen rows is rendered whole by the virtualiser.
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 2000 }, locale: 'en-US' });
    const errors: string[] = [];
    open.push({ ctx, errors });
    const page = await ctx.newPage();
    page.setDefaultTimeout(WAIT_MS);
    if (options.consoleErrors?.length) expectConsoleErrors(page, ...options.consoleErrors);
    page.on('console', (m) => {
      if (m.type() === 'error') {
        const loc = m.location();
        if (expectedConsoleErrors.get(page)?.some((re) => re.test(m.text()))) return;
        errors.push(`console.error: ${m.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
    page.on('crash', () => errors.push('page crashed'));
    const hash = options.hash ?? '';
    const h = hash && !hash.startsWith('#') ? `#${hash}` : hash;
    const q = search && !search.startsWith('?') ? `?${search}` : search;
    await page.goto(baseUrl + q + h, { waitUntil: 'load' });
    return page;
  };

  return {
    baseUrl,
    openApp: (hash = '') => openAppAt('', { hash }),
    openAppAt,
  };
}

/** Opens a log through the <input type=file>. */
export async function openFileByInput(page: Page, path: string): Promise<void> {
  await page.locator(tid('file-input')).setInputFiles(resolve(ROOT, path));
}

/**
 * Opens a log the way a user dropping it does: the bytes are read here, a File in a DataTransfer is
 * built in the page, and dragenter, dragover and drop are dispatched on the page's body (the
 * viewer's drop target is the whole page).
 */
export async function dropFile(page: Page, path: string): Promise<void> {
  const bytes = await readFile(resolve(ROOT, path));
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const bin = atob(b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([u8], name, { type: 'text/plain' }));
      return dt;
    },
    { b64: bytes.toString('base64'), name: basename(path) },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/** Waits until parse-status says Done; fails at once if it says the parse stopped or was cancelled. */
export async function waitDone(page: Page, timeout = WAIT_MS): Promise<string> {
  const status = page.locator(tid('parse-status'));
  await page.waitForFunction(
    (sel) => {
      const t = document.querySelector(sel)?.textContent ?? '';
      return /Done|Stopped|Cancelled|failed/i.test(t);
    },
    tid('parse-status'),
    { timeout },
  );
  const text = (await status.textContent()) ?? '';
  expect(text, 'parse-status').toContain('Done');
  return text;
}

/** "12,345" (any thousands separator) → 12345. */
export function parseIntText(text: string | null): number {
  const t = (text ?? '').trim().replace(/[,.\s\u00a0\u202f'’_]/g, '').replace(/^[−–]/, '-');
  if (!/^-?\d+$/.test(t)) throw new Error(`not an integer: ${JSON.stringify(text)}`);
  return Number(t);
}

export interface SummaryNumbers {
  new: number;
  del: number;
  live: number;
  pairs: number;
  untracked: number;
  duplicates: number;
}

const SUMMARY_KEYS = ['new', 'del', 'live', 'pairs', 'untracked', 'duplicates'] as const;

/** The six summary numbers (switches to the Summary tab when another tab is open). */
export async function summaryNumbers(page: Page): Promise<SummaryNumbers> {
  if ((await page.locator(tid('summary-new')).count()) === 0) await page.locator(tid('tab-summary')).click();
  const out = {} as SummaryNumbers;
  for (const k of SUMMARY_KEYS) out[k] = parseIntText(await page.locator(tid(`summary-${k}`)).textContent());
  return out;
}

/** The CLI's --json report (the engine's own type). */
export type CliJson = JsonReport;

const cliCache = new Map<string, Promise<string>>();

/** `node bin/reftrace.mjs analyse <path> ...args` → stdout (cached per command line). */
export function cliText(path: string, ...args: string[]): Promise<string> {
  const argv = [resolve(ROOT, 'bin/reftrace.mjs'), 'analyse', resolve(ROOT, path), ...args];
  const key = argv.join('\0');
  let p = cliCache.get(key);
  if (!p) {
    p = run(process.execPath, argv, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }).then((r) => r.stdout);
    cliCache.set(key, p);
  }
  return p;
}

/** The CLI's `--json` analysis of a log. */
export async function cliJson(path: string): Promise<CliJson> {
  return JSON.parse(await cliText(path, '--json')) as CliJson;
}

/** The summary numbers the CLI reports, in the shape summaryNumbers() returns. */
export function cliSummary(j: CliJson): SummaryNumbers {
  return { new: j.counts.new, del: j.counts.del, live: j.live, pairs: j.pairs, untracked: j.untracked, duplicates: j.duplicates };
}

/** Clicks a tab and waits until it is selected (the table's count line is there for table tabs). */
export async function openTab(page: Page, tab: string): Promise<void> {
  await page.locator(tid(`tab-${tab}`)).click();
  await expect.poll(() => page.locator(tid(`tab-${tab}`)).getAttribute('aria-selected'), { timeout: WAIT_MS }).toBe('true');
}

/** The active table's count line, e.g. "20 of 61". */
export async function tableCount(page: Page): Promise<string> {
  return ((await page.locator(tid('table-count')).textContent()) ?? '').trim();
}

/** Waits until the table's count line reads `text`. */
export async function expectCount(page: Page, text: string): Promise<void> {
  await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(text);
}

/** Position of a column among the header cells (the cells of a row are in the same order). */
export async function columnIndex(page: Page, columnId: string): Promise<number> {
  const header = page.locator(tid(`col-${columnId}`));
  await header.waitFor();
  return header.evaluate((el) => Array.prototype.indexOf.call(el.parentElement!.children, el));
}

/** The text of every cell of every rendered row, in DOM order. */
export async function renderedRows(page: Page): Promise<string[][]> {
  return page.locator(tid('row')).evaluateAll((rows) =>
    rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())),
  );
}

/** The text of one column in every rendered row. */
export async function columnTexts(page: Page, columnId: string): Promise<string[]> {
  const i = await columnIndex(page, columnId);
  return (await renderedRows(page)).map((cells) => cells[i]);
}

/** The cell of the first rendered row in a column ('' while no row is rendered). */
export async function firstCell(page: Page, columnId: string): Promise<string> {
  const col = await columnTexts(page, columnId);
  return col[0] ?? '';
}

/** aria-sort of a header, normalised: 'asc', 'desc' or 'none'. */
export async function sortOf(page: Page, columnId: string): Promise<string> {
  const v = (await page.locator(tid(`col-${columnId}`)).getAttribute('aria-sort')) ?? 'none';
  return v === 'ascending' ? 'asc' : v === 'descending' ? 'desc' : v;
}

/** Every real sample log under test/fixtures/samples, as repo-relative paths, sorted. */
export function sampleLogs(): string[] {
  const dir = resolve(ROOT, 'test/fixtures/samples');
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.log'))
    .map((e) => resolve(e.parentPath, e.name).slice(ROOT.length).replace(/^\/+/, ''))
    .sort();
}

// ------------------------------------------------------------------------------------------------
// Helpers for the robustness, nested, hostile-input and privacy tests.

/** Opens several logs at once through the <input type=file> (a nested run). */
export async function openFilesByInput(page: Page, paths: string[]): Promise<void> {
  await page.locator(tid('file-input')).setInputFiles(paths.map((p) => resolve(ROOT, p)));
}

/** Like dropFile, with several files in one DataTransfer (small files only: the bytes go through the protocol). */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = await Promise.all(
    paths.map(async (p) => ({ b64: (await readFile(resolve(ROOT, p))).toString('base64'), name: basename(p) })),
  );
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { b64, name } of list) {
      const bin = atob(b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      dt.items.add(new File([u8], name, { type: 'text/plain' }));
    }
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/** The parse-status text now. */
export async function statusText(page: Page): Promise<string> {
  return ((await page.locator(tid('parse-status')).textContent()) ?? '').trim();
}

/** Waits until the parse ended in any way (Done, Stopped, Cancelled, failed) and returns parse-status. */
export async function waitSettled(page: Page, timeout = WAIT_MS): Promise<string> {
  await page.waitForFunction(
    (sel) => /Done|Stopped|Cancelled|failed/i.test(document.querySelector(sel)?.textContent ?? ''),
    tid('parse-status'),
    { timeout },
  );
  return statusText(page);
}

/** The line count in a parse-status text ("Parsing… 12% · … · 1,234 lines" → 1234), or null. */
export function statusLines(text: string): number | null {
  const m = /([\d,]+) lines/.exec(text);
  return m ? parseIntText(m[1]) : null;
}

/**
 * Records every text parse-status shows from now on, in the page (a MutationObserver), so no
 * short-lived state is missed between two polls from here. Read the list with the returned function.
 */
export async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __statusLog?: string[] };
    const log: string[] = (w.__statusLog = []);
    const note = () => {
      const t = (document.querySelector(sel)?.textContent ?? '').trim();
      if (log[log.length - 1] !== t) log.push(t);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, tid('parse-status'));
  return () => page.evaluate(() => (window as unknown as { __statusLog?: string[] }).__statusLog ?? []);
}

/** A fresh temporary folder, removed with `cleanup()`. */
export async function tempDir(prefix = 'reftrace-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Writes a generated log (test/support/reflog-generator.ts) to `path`, streaming, and returns what
 * the generator's tracker counted in it.
 */
export async function writeGeneratedLog(path: string, opts: GeneratorOptions): Promise<GeneratorSummary> {
  const g = generateLog(opts);
  const out = createWriteStream(path);
  const done = new Promise<void>((ok, fail) => {
    out.once('finish', ok);
    out.once('error', fail);
  });
  for (const chunk of g.chunks) {
    if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
  }
  out.end();
  await done;
  return g.summary();
}

/**
 * Serves `content` at `<baseUrl><name>` by writing it into the served build folder (global-setup
 * provides its path); returns the URL. `name` must be a plain file name.
 */
export async function serveFile(name: string, content: string | Uint8Array): Promise<string> {
  if (!/^[\w.-]+$/.test(name) || name === 'index.html') throw new Error(`serveFile: not a plain new file name: ${name}`);
  await writeFile(join(inject('distDir'), name), content);
  return inject('baseUrl') + name;
}

/** Removes a file written by serveFile. */
export async function unserveFile(name: string): Promise<void> {
  if (!/^[\w.-]+$/.test(name) || name === 'index.html') return;
  await rm(join(inject('distDir'), name), { force: true });
}

/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** Rows of the active table as objects keyed by column id (only the rendered rows). */
export async function tableRecords(page: Page): Promise<Record<string, string>[]> {
  const ids = await page
    .locator('[data-testid^="col-"]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice(4)));
  return (await renderedRows(page)).map((cells) => Object.fromEntries(ids.map((id, i) => [id, cells[i]])));
}

/** RFC 4180 CSV (quoted cells, "" for a quote, CRLF or LF rows). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
