// A program's runs, the way a person follows them: Open runs… with five releases' logs, and the Runs
// tab lists each site that leaks in any of them with the run it began to leak in; a click opens that
// run at the site. Then the Compare tab, phase by phase. Checked against the CLI's history of the
// same logs (test/fixtures/releases/truth.json).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, WAIT_MS, tid, useBrowser, waitDone } from './support/index.ts';

const b = useBrowser();

const truth = JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/releases/truth.json'), 'utf8')) as {
  runs: string[];
  leaks: { function: string; firstLeakRun: number; liveAtEndByRun: number[] }[];
};
const FIVE = truth.runs.slice(0, 5).map((r) => resolve(ROOT, 'test/fixtures/releases', r));

describe('runs of one program', () => {
  test('Open runs… with five releases: each leaking site with the run it began to leak in; a click opens it', async () => {
    const page = await b.openApp();
    // Given in any order: they are read oldest first by name.
    await page.setInputFiles(tid('runs-input'), [...FIVE].reverse());
    await page.waitFor(tid('runs-sites'), { timeout: WAIT_MS * 3 });
    expect(await page.count(`${tid('runs-list')} li`)).toBe(5);
    expect(await page.count(tid('run-site'))).toBe(truth.leaks.length);
    const rows = await page.evaluate(
      (sel) =>
        Array.from(document.querySelectorAll(sel), (r) => ({
          site: r.querySelector('[data-testid="run-site-open"]')!.textContent!,
          first: r.querySelector('[data-testid="run-site-first"]')!.textContent!,
          live: r.querySelector('[data-testid="run-site-live"]')!.textContent!,
        })),
      tid('run-site'),
    );
    for (const leak of truth.leaks) {
      const row = rows.find((r) => r.site.endsWith(` ${leak.function}`))!;
      expect(row, leak.function).toBeDefined();
      expect(row.first).toMatch(
        new RegExp(`^run ${leak.firstLeakRun + 1} \\(r${leak.firstLeakRun + 1}\\.log\\.gz\\)$`),
      );
      const live = row.live.split(' · ');
      expect(live[4]).toBe(String(leak.liveAtEndByRun[4]));
    }
    // The latest run is the log open below the runs.
    await waitDone(page);
    expect(await page.text(tid('parse-status'))).toMatch(/^Done/);
    // A click opens the run it began to leak in, at the site: its objects and its detail.
    await page.click(`${tid('run-site')}:first-child ${tid('run-site-open')}`);
    await expect.poll(() => page.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    await waitDone(page);
    await page.waitFor(tid('detail-verdict'), { timeout: WAIT_MS });
    expect(await page.text(tid('detail-reason'))).toMatch(/grew|kept/);
  });

  test('the Compare tab phase by phase: every batch of the leaking release kept more than before', async () => {
    const page = await b.openApp('#tab=compare&by=phase');
    await page.setInputFiles(tid('file-input'), [resolve(ROOT, 'test/fixtures/releases/r6.log.gz')]);
    await waitDone(page);
    await page.setInputFiles(tid('compare-file-input'), [resolve(ROOT, 'test/fixtures/releases/r2.log.gz')]);
    await expect
      .poll(() => page.text(tid('compare-status')), { timeout: WAIT_MS })
      .toMatch(/r2\.log\.gz · [\d,]+ lines/);
    await page.fill(tid('table-filter'), 'batch');
    await expect.poll(() => page.text(tid('table-count')), { timeout: WAIT_MS }).toMatch(/^20 of 2\d/);
  });
});
