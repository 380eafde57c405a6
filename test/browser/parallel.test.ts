// Issue 4: big plain files are decoded by decode workers (one per core) alongside the parser. In
// each browser, a 30 MB log with odd names, messages, duplicates and untracked DELs gives the same
// numbers and the same rows with 3 decode workers as without them, and as the CLI. The page starts
// its decode workers from the cores it sees: an init script shows it 4 cores (3 workers) or 2 (none),
// and the status line says how many the parse used.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  WAIT_MS,
  cliJson,
  cliSummary,
  openFileByInput,
  openTab,
  renderedRows,
  summaryNumbers,
  tableCount,
  tempDir,
  tid,
  useBrowser,
  waitDone,
  writeGeneratedLog,
  type AppPage,
} from './support/index.ts';
import { decodeWorkersShown, withDecodeWorkers } from './support/cores.ts';

const b = useBrowser();
let tmp: Awaited<ReturnType<typeof tempDir>>;
let path = '';

beforeAll(async () => {
  tmp = await tempDir('reftrace-parallel-');
  path = join(tmp.dir, 'odd-30MB.log');
  await writeGeneratedLog(path, {
    lines: 120_000,
    seed: 9,
    oddNames: true,
    msgRate: 0.01,
    duplicateRate: 0.01,
    untrackedRate: 0.01,
  });
});
afterAll(async () => {
  await tmp?.cleanup();
});

/** Opens the log on a page that starts N decode workers; returns what a person reads: summary, counts and first rows of three sorted tables, and how many decode workers the parse used. */
async function readEverything(decoders: number) {
  const page: AppPage = await b.openAppAt('', { initScript: withDecodeWorkers(decoders) });
  await openFileByInput(page, path);
  await waitDone(page, 60_000);
  const used = await decodeWorkersShown(page);
  const summary = await summaryNumbers(page);
  const tables: Record<string, [string, string[][]]> = {};
  for (const [tab, column] of [
    ['live', 'type'],
    ['pairs', 'lifetime'],
    ['types', 'new'],
  ] as const) {
    await openTab(page, tab);
    await page.click(tid(`col-${column}`));
    await expect.poll(() => page.attribute(tid(`col-${column}`), 'aria-sort'), { timeout: WAIT_MS }).not.toBe('none');
    await expect.poll(async () => (await renderedRows(page)).length, { timeout: WAIT_MS }).toBeGreaterThan(10);
    tables[tab] = [await tableCount(page), (await renderedRows(page)).slice(0, 30)];
  }
  return { used, summary, tables };
}

describe('parallel decoding in the browser (issue 4)', () => {
  test('3 decode workers give the numbers and rows of the parser alone, and of the CLI', async () => {
    const [parallel, alone, cli] = await Promise.all([readEverything(3), readEverything(0), cliJson(path)]);
    expect(parallel.used).toBe(3);
    expect(alone.used).toBe(0);
    expect(parallel.summary).toEqual(cliSummary(cli));
    expect(parallel.summary).toEqual(alone.summary);
    expect(parallel.tables).toEqual(alone.tables);
    expect(parallel.tables.types[0]).toMatch(/^\d+ of \d+$/);
  });
});
