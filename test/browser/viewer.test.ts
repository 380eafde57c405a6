// Opening logs: every real sample, through the file input (one also by a real drop event), and the
// bundled example. The page's summary must match the CLI's --json on the same file.
import { describe, expect, test } from 'vitest';
import {
  cliJson,
  cliSummary,
  dropFile,
  openFileByInput,
  sampleLogs,
  summaryNumbers,
  tid,
  useBrowser,
  waitDone,
} from './support/index.ts';

const b = useBrowser();
const samples = sampleLogs();
const DROPPED = 'test/fixtures/samples/nested_named/nested_outer.log';

describe('viewer: summary numbers equal the CLI', () => {
  test('there are the 9 real samples', () => {
    expect(samples).toHaveLength(9);
    expect(samples).toContain(DROPPED);
  });

  test.each(samples)('file input: %s', async (path) => {
    const [page, want] = await Promise.all([b.openApp(), cliJson(path)]);
    await openFileByInput(page, path);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
  });

  test(`drop: ${DROPPED}`, async () => {
    const [page, want] = await Promise.all([b.openApp(), cliJson(DROPPED)]);
    await dropFile(page, DROPPED);
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual(cliSummary(want));
  });

  test('open example', async () => {
    const page = await b.openApp();
    await page.click(tid('open-example'));
    await waitDone(page);
    expect(await summaryNumbers(page)).toEqual({
      new: 171,
      del: 119,
      live: 61,
      pairs: 110,
      untracked: 9,
      duplicates: 0,
    });
  });
});
