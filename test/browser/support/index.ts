// Shared helpers for the browser tests. Each test file runs once per browser (the vitest
// projects "chromium" and "firefox" of test/browser/vitest.config.ts): useBrowser() gives it that
// project's browser (Debian's /usr/bin/chromium or /usr/bin/firefox-esr, never a downloaded one)
// behind the driver of ./driver.ts, opens each page in a context of its own, and fails a test
// after which any page logged a console error or threw an uncaught error.
//
// The selectors are the UI contract's data-testids: file-input, parse-status, summary-*, tab-*,
// table-filter, table-count, row, col-<columnId>, open-example, cancel, full-path, progress.

import type { JsonReport } from '../../../src/engine/types.ts';
import { execFile } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, expect, inject } from 'vitest';
import { generateLog, type GeneratorOptions, type GeneratorSummary } from '../../support/reflog-generator.ts';
import { launchChromium } from './chromium.ts';
import { WAIT_MS, type AppPage, type BrowserDriver, type BrowserName, type LaunchOptions } from './driver.ts';
import { launchFirefox } from './firefox.ts';

export {
  BROWSERS,
  CHROMIUM,
  EXECUTABLE,
  FIREFOX,
  WAIT_MS,
  type AppPage,
  type BrowserDriver,
  type BrowserName,
  type ColorScheme,
  type SeenRequest,
} from './driver.ts';
export { CHROMIUM_ARGS } from './chromium.ts';
export { closedPort, serveFile, unserveFile } from './served-files.ts';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const run = promisify(execFile);

export const tid = (id: string) => `[data-testid="${id}"]`;

/** Launches a browser behind the neutral driver. */
export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<BrowserDriver> {
  return name === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

/** A moment for something that has no event to wait for (a late request, a deferred error). */
export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export interface OpenAppOptions {
  /** The hash to open at (with or without '#'). */
  hash?: string;
  /** Console errors this page may log (e.g. a browser's own line about a 404 asked for on purpose). */
  consoleErrors?: RegExp[];
  /** Script run in the page before its own (e.g. support/cores.ts's withCores). */
  initScript?: string;
  /** The window's size (default 1400×2000: a table of a few dozen rows is rendered whole). */
  viewport?: { width: number; height: number };
}

export interface BrowserFixture {
  /** The browser this run of the file drives. */
  name: BrowserName;
  /** A new page (own context) on the viewer, at `hash` (with or without '#'). */
  openApp(hash?: string): Promise<AppPage>;
  /** Like openApp, with a query string (`url=…`; with or without '?'). */
  openAppAt(search: string, options?: OpenAppOptions): Promise<AppPage>;
  /** A new page (own context) at any address (the viewer served elsewhere, support/site-server.ts). */
  openUrl(url: string, options?: OpenAppOptions): Promise<AppPage>;
  baseUrl: string;
}

/**
 * The project's browser, shared by its test files: they run one after the other in one process
 * (isolate: false in vitest.config.ts), so Firefox starts once (2-6 s here) instead of per file.
 * Each page still gets a browser context of its own; the browser ends with the process.
 */
let sharedDriver: Promise<BrowserDriver> | undefined;

async function projectBrowser(name: BrowserName): Promise<BrowserDriver> {
  const running = await sharedDriver?.catch(() => undefined);
  if (running?.connected()) return running;
  // None yet, or it crashed or failed to start during an earlier file: a new one for this file.
  sharedDriver = launchBrowser(name);
  return sharedDriver;
}

/**
 * Call once at the top of a test file: gets this project's browser, closes every page after each
 * test, and fails the test if any page logged a console error or threw.
 */
export function useBrowser(): BrowserFixture {
  const name = inject('browserName');
  const baseUrl = inject('baseUrl');
  let driver: BrowserDriver | undefined;
  const open: AppPage[] = [];

  beforeAll(async () => {
    driver = await projectBrowser(name);
  });
  afterEach(async () => {
    const pages = open.splice(0);
    const errors = pages.flatMap((p) => p.errors());
    await Promise.all(pages.map((p) => p.close().catch(() => {})));
    expect(errors, 'console errors and uncaught page errors').toEqual([]);
  });

  const openUrl = async (url: string, options: OpenAppOptions = {}): Promise<AppPage> => {
    if (!driver) throw new Error('useBrowser(): the browser is not launched (call openApp inside a test)');
    // Tall enough that a table of a few dozen rows is rendered whole by the virtualiser.
    const page = await driver.newPage({
      viewport: options.viewport ?? { width: 1400, height: 2000 },
      initScript: options.initScript,
    });
    open.push(page);
    if (options.consoleErrors?.length) page.expectConsoleErrors(...options.consoleErrors);
    await page.goto(url);
    return page;
  };
  const openAppAt = (search: string, options: OpenAppOptions = {}): Promise<AppPage> => {
    const hash = options.hash ?? '';
    const h = hash && !hash.startsWith('#') ? `#${hash}` : hash;
    const q = search && !search.startsWith('?') ? `?${search}` : search;
    return openUrl(baseUrl + q + h, options);
  };

  return {
    name,
    baseUrl,
    openApp: (hash = '') => openAppAt('', { hash }),
    openAppAt,
    openUrl,
  };
}

/** Opens a log through the <input type=file>. */
export async function openFileByInput(page: AppPage, path: string): Promise<void> {
  await page.setInputFiles(tid('file-input'), [resolve(ROOT, path)]);
}

/**
 * Opens a log the way a user dropping it does: the bytes are read here, a File in a DataTransfer is
 * built in the page, and dragenter, dragover and drop are dispatched on the page's body (the
 * viewer's drop target is the whole page).
 */
export async function dropFile(page: AppPage, path: string): Promise<void> {
  await dropFiles(page, [path]);
}

/** Waits until parse-status says Done; fails at once if it says the parse stopped or was cancelled. */
export async function waitDone(page: AppPage, timeout = WAIT_MS): Promise<string> {
  await settledOrSay(page, timeout);
  const text = await page.text(tid('parse-status'));
  expect(text, 'parse-status').toContain('Done');
  return text;
}

/**
 * Waits until the interactive RSS chart is drawn: its chunk loads lazily after Done, and a reload
 * while a service worker is still answering for it is reported by Firefox as a page error.
 */
export async function waitChartDrawn(page: AppPage, timeout = WAIT_MS): Promise<void> {
  await page.waitFor(`${tid('rss-chart')}[data-state="full"] .recharts-line`, { timeout });
}

/** "12,345" (any thousands separator) → 12345. */
export function parseIntText(text: string | null): number {
  const t = (text ?? '')
    .trim()
    .replace(/[,.\s\u00a0\u202f'’_]/g, '')
    .replace(/^[−–]/, '-');
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
export async function summaryNumbers(page: AppPage): Promise<SummaryNumbers> {
  if ((await page.count(tid('summary-new'))) === 0) await page.click(tid('tab-summary'));
  const out = {} as SummaryNumbers;
  for (const k of SUMMARY_KEYS) out[k] = parseIntText(await page.text(tid(`summary-${k}`)));
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
  return {
    new: j.counts.new,
    del: j.counts.del,
    live: j.live,
    pairs: j.pairs,
    untracked: j.untracked,
    duplicates: j.duplicates,
  };
}

/** Clicks a tab and waits until it is selected (the table's count line is there for table tabs). */
export async function openTab(page: AppPage, tab: string): Promise<void> {
  await page.click(tid(`tab-${tab}`));
  await expect.poll(() => page.attribute(tid(`tab-${tab}`), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
}

/** The active table's count line, e.g. "20 of 61". */
export async function tableCount(page: AppPage): Promise<string> {
  return (await page.text(tid('table-count'))).trim();
}

/** Waits until the table's count line reads `text`. */
export async function expectCount(page: AppPage, text: string): Promise<void> {
  await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(text);
}

/** Position of a column among the header cells (the cells of a row are in the same order). */
export async function columnIndex(page: AppPage, columnId: string): Promise<number> {
  const header = tid(`col-${columnId}`);
  await page.waitFor(header);
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    return Array.prototype.indexOf.call(el.parentElement!.children, el);
  }, header);
}

/** The text of every cell of every rendered row, in DOM order. */
export async function renderedRows(page: AppPage): Promise<string[][]> {
  return page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(sel), (r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())),
    tid('row'),
  );
}

/** The text of one column in every rendered row. */
export async function columnTexts(page: AppPage, columnId: string): Promise<string[]> {
  const i = await columnIndex(page, columnId);
  return (await renderedRows(page)).map((cells) => cells[i]);
}

/** The cell of the first rendered row in a column ('' while no row is rendered). */
export async function firstCell(page: AppPage, columnId: string): Promise<string> {
  const col = await columnTexts(page, columnId);
  return col[0] ?? '';
}

/** aria-sort of a header, normalised: 'asc', 'desc' or 'none'. */
export async function sortOf(page: AppPage, columnId: string): Promise<string> {
  const v = (await page.attribute(tid(`col-${columnId}`), 'aria-sort')) ?? 'none';
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
export async function openFilesByInput(page: AppPage, paths: string[]): Promise<void> {
  await page.setInputFiles(
    tid('file-input'),
    paths.map((p) => resolve(ROOT, p)),
  );
}

/** Like dropFile, with several files in one DataTransfer (small files only: the bytes go through the protocol). */
export async function dropFiles(page: AppPage, paths: string[]): Promise<void> {
  const files = await Promise.all(
    paths.map(async (p) => ({ name: basename(p), bytes: new Uint8Array(await readFile(resolve(ROOT, p))) })),
  );
  await page.dropFiles(files);
}

/** The parse-status text now. */
export async function statusText(page: AppPage): Promise<string> {
  return (await page.text(tid('parse-status'))).trim();
}

/** Waits until the parse ended in any way (Done, Stopped, Cancelled, failed) and returns parse-status. */
export async function waitSettled(page: AppPage, timeout = WAIT_MS): Promise<string> {
  await settledOrSay(page, timeout);
  return statusText(page);
}

/**
 * Waits until parse-status says the parse ended; if it never does, fails with what the page showed
 * then (the status, any error banner, the page's errors), so a parse that hung says where.
 */
async function settledOrSay(page: AppPage, timeout: number): Promise<void> {
  try {
    await page.waitForFunction(
      (sel) => /Done|Stopped|Cancelled|failed/i.test(document.querySelector(sel)?.textContent ?? ''),
      tid('parse-status'),
      { timeout },
    );
  } catch (e) {
    const shown = await page
      .evaluate(
        ([status, banner]) => ({
          status: document.querySelector(status)?.textContent ?? '(no parse-status)',
          banner: document.querySelector(banner)?.textContent ?? '(none)',
          title: document.querySelector(status)?.getAttribute('title') ?? '',
        }),
        [tid('parse-status'), tid('error-banner')] as const,
      )
      .catch((err: unknown) => ({ status: `(the page did not answer: ${String(err)})`, banner: '', title: '' }));
    throw new Error(
      `the parse did not end within ${timeout} ms: parse-status "${shown.status}" (${shown.title}), ` +
        `error banner "${shown.banner}", page errors ${JSON.stringify(page.errors())}`,
      { cause: e },
    );
  }
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
export async function recordStatus(page: AppPage): Promise<() => Promise<string[]>> {
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

/** Rows of the active table as objects keyed by column id (only the rendered rows). */
export async function tableRecords(page: AppPage): Promise<Record<string, string>[]> {
  const ids = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid^="col-"]'), (e) =>
      (e.getAttribute('data-testid') ?? '').slice(4),
    ),
  );
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
