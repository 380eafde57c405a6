// "How fast" and "when" at a glance (issue 24), in each browser, on real logs whose shape the
// programs fix (test/fixtures/leaks/README.md): each suspect and a row's detail say how fast it
// grows (per second of clock, per phase) and since when (a clock, and the program's message then);
// Peak live and Peak RSS (buttons, and L and R on the chart) set T exactly at the instant a replay
// of the events finds; the Summary names both peaks; the SITES card counts the Sites tab's rows; a
// link made from a local file names it (name, size, fingerprint) and the page opened from it asks
// for that file and warns about another; Compare warns about two different programs and draws the
// before run on the chart; the skip link and Enter on a suspect put the keyboard in the table.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { clockToUrl, fmtBytes, fmtClock, fmtInt, fmtRate } from '../../src/ui/format.ts';
import { engineOf } from '../support/leak-corpus.ts';
import { referencePeaks } from '../support/peaks-reference.ts';
import {
  ROOT,
  WAIT_MS,
  openFileByInput,
  openTab,
  tableCount,
  tid,
  useBrowser,
  waitDone,
  type AppPage,
} from './support/index.ts';

const b = useBrowser();
const REINDEX = 'test/fixtures/leaks/reindex-phase.log.gz';
const MEMO = 'test/fixtures/leaks/memo-cache.log.gz';
const fixtureOf = (path: string) => path.replace(/^test\/fixtures\//, '');

async function open(path: string, hash = ''): Promise<AppPage> {
  const page = await b.openApp(hash);
  await openFileByInput(page, path);
  await waitDone(page);
  return page;
}

/** The suspects' rows as shown: site, rate, per phase, since, during. */
async function suspects(page: AppPage) {
  await page.waitForFunction(() => !!document.querySelector('[data-testid="suspect-during"]')?.textContent, undefined, {
    timeout: WAIT_MS,
  });
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="suspect"]')].map((r) => {
      const t = (id: string) => r.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
      return {
        site: t('suspect-open'),
        perPhase: t('suspect-per-phase'),
        since: t('suspect-since'),
        during: t('suspect-during'),
        rate: t('suspect-rate'),
      };
    }),
  );
}

describe('rates and anchors', () => {
  test('reindex-phase: 3,285 postings kept in each of the 2 re-index phases, since “reindex generation 1”', async () => {
    const page = await open(REINDEX);
    const rows = await suspects(page);
    const posting = engineOf(fixtureOf(REINDEX))
      .ask('suspects', { by: 'site', limit: 10 })
      .find((s) => s.line === 72 && s.file.endsWith('reindex_phase.py'))!;
    const row = rows.find((r) => r.site === 'reindex_phase.py:72 build_index')!;
    expect(row).toEqual({
      site: 'reindex_phase.py:72 build_index',
      rate: `+${fmtRate(posting.growthPerSecond)}/s`,
      perPhase: '+3,285 where it grew (2 of 8 phases)',
      since: `since ${fmtClock(posting.growingSince)} s`,
      during: 'during “reindex generation 1”',
    });
    // A working set: no rate, and its beginning as its first object (before any message).
    const doc = rows.find((r) => r.site === 'reindex_phase.py:118 main')!;
    expect([doc.rate, doc.perPhase, doc.during]).toEqual(['—', '—', 'before the first message']);

    // Its detail says the same at a glance.
    await page.click(`${tid('suspect')}:first-child ${tid('suspect-open')}`);
    await page.waitFor(tid('detail-glance'));
    expect(await page.text(tid('detail-rate'))).toBe(
      `grows +${fmtRate(posting.growthPerSecond)}/s of clock, +3,285 per phase it grew in (2 of 8 phases) · since ${fmtClock(posting.growingSince)} s, during “reindex generation 1”`,
    );
  });

  test('memo-cache: 500 pages kept per request batch, in every one of them since “request batch 0”', async () => {
    const page = await open(MEMO);
    const row = (await suspects(page)).find((r) => r.site === 'memo_cache.py:75 render')!;
    expect(row.perPhase).toBe('+500 (8 of 8 phases)');
    expect(row.during).toBe('during “request batch 0”');
  });
});

describe('peaks', () => {
  test('Peak live and Peak RSS set T at the instants a replay of the events finds; the Summary names both', async () => {
    const want = referencePeaks(engineOf(fixtureOf(REINDEX)).store);
    const page = await open(REINDEX);
    const phases = engineOf(fixtureOf(REINDEX)).ask('phases', {});
    const phaseOf = (clock: number) => phases.findLastIndex((p) => p.from === null || p.from < clock);

    // The Summary names them: value, clock, phase.
    await page.waitFor(tid('summary-peak-live-text'));
    const p = phaseOf(want.live.clock);
    expect(await page.text(tid('summary-peak-live-text'))).toBe(
      `${fmtInt(want.live.live)} live objects at ${fmtClock(want.live.clock)} s, phase ${p + 1} “${phases[p].message}”`,
    );
    const q = phaseOf(want.rss!.clock);
    expect(await page.text(tid('summary-peak-rss-text'))).toBe(
      `RSS ${fmtBytes(want.rss!.rss)} at ${fmtClock(want.rss!.clock)} s, phase ${q + 1} “${phases[q].message}”`,
    );

    await page.click(tid('peak-live'));
    await expect
      .poll(() => page.inputValue(tid('instant-input')), { timeout: WAIT_MS })
      .toBe(clockToUrl(want.live.clock));
    await expect.poll(() => page.text(tid('heap-alive')), { timeout: WAIT_MS }).toBe(fmtInt(want.live.live));

    await page.click(tid('peak-rss'));
    await expect
      .poll(() => page.inputValue(tid('instant-input')), { timeout: WAIT_MS })
      .toBe(clockToUrl(want.rss!.clock));

    // By keyboard: L and R on the chart's cursor.
    await page.click(tid('clear-instant'));
    await page.focus(tid('chart-cursor'));
    await page.press('l');
    await expect
      .poll(() => page.inputValue(tid('instant-input')), { timeout: WAIT_MS })
      .toBe(clockToUrl(want.live.clock));
    await page.press('r');
    await expect
      .poll(() => page.inputValue(tid('instant-input')), { timeout: WAIT_MS })
      .toBe(clockToUrl(want.rss!.clock));
  });
});

test('the SITES card counts the rows of the Sites tab, and says what it counts', async () => {
  const page = await open(REINDEX);
  // The engine's Sites table for this log: 59 rows (70 places when DEL lines count too).
  const rows = engineOf(fixtureOf(REINDEX)).ask('rows', { table: 'sites', offset: 0, limit: 0 }).total;
  expect(rows).toBe(59);
  await expect.poll(() => page.text(tid('summary-sites')), { timeout: WAIT_MS }).toBe(fmtInt(rows));
  await openTab(page, 'sites');
  await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toBe(`${fmtInt(rows)} of ${fmtInt(rows)}`);
  await openTab(page, 'summary');
  expect(
    await page.evaluate(() => document.querySelector('[data-testid="summary-sites"]')!.parentElement!.textContent),
  ).toMatch(/^Allocation sites/);
});

describe('share a view made from a local file', () => {
  const bytes = readFileSync(resolve(ROOT, REINDEX));
  const fp = createHash('sha256')
    .update(bytes.subarray(0, 1 << 20))
    .digest('hex')
    .slice(0, 16);
  const entry = `${bytes.length}:${fp}:${basename(REINDEX)}`;

  test('the link names the file; the page opened from it asks for it, and warns when another is opened', async () => {
    const page = await open(REINDEX, 'v=2&tab=phases');
    await expect
      .poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).getAll('log')), { timeout: WAIT_MS })
      .toEqual([entry]);
    const link = page.url();

    // A colleague opens the link: the page says which file to drop.
    const colleague = await b.openUrl(link);
    expect(await colleague.text(tid('link-wants-file'))).toContain(
      `Drop ${basename(REINDEX)} (0.9 MB) to see this view.`,
    );
    // Another file: the view opens on it, with a warning.
    await openFileByInput(colleague, MEMO);
    await waitDone(colleague);
    await colleague.waitFor(tid('link-file-mismatch'));
    expect(await colleague.text(tid('link-file-mismatch'))).toContain(
      `The link’s view is of ${basename(REINDEX)} (0.9 MB) (fingerprint ${fp}); you opened ${basename(MEMO)}`,
    );
    expect(await colleague.attribute(tid('tab-phases'), 'aria-selected')).toBe('true');
    // The right one: the warning goes.
    await openFileByInput(colleague, REINDEX);
    await waitDone(colleague);
    await expect.poll(() => colleague.count(tid('link-file-mismatch')), { timeout: WAIT_MS }).toBe(0);
    await expect.poll(() => colleague.count(tid('link-wants-file')), { timeout: WAIT_MS }).toBe(0);
  });

  test('a link made before the file was named still opens its view', async () => {
    const page = await b.openApp('v=2&tab=types');
    expect(await page.count(tid('link-wants-file'))).toBe(0);
    await openFileByInput(page, REINDEX);
    await waitDone(page);
    expect(await page.attribute(tid('tab-types'), 'aria-selected')).toBe('true');
    expect(await page.count(tid('link-file-mismatch'))).toBe(0);
  });
});

describe('compare', () => {
  async function compareWith(page: AppPage, path: string): Promise<void> {
    await openTab(page, 'compare');
    await page.setInputFiles(tid('compare-file-input'), [resolve(ROOT, path)]);
    await expect.poll(() => page.text(tid('compare-status')), { timeout: WAIT_MS }).toMatch(/lines$/);
  }

  test('two different programs: a warning; two runs of one: none', async () => {
    const page = await open(MEMO);
    await compareWith(page, REINDEX);
    await page.waitFor(tid('compare-different'));
    expect(await page.text(tid('compare-different'))).toMatch(
      /^These two logs look like different programs: of the \d+ functions/,
    );

    const same = await open('test/fixtures/releases/r6.log.gz');
    await compareWith(same, 'test/fixtures/releases/r1.log.gz');
    await same.waitFor(tid('compare-by'));
    // The likeness is asked once both are read: give it the time it takes.
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(await same.count(tid('compare-different'))).toBe(0);
  });

  test('the before run on the chart: a dashed line per series, and its legend', async () => {
    const page = await open(MEMO);
    await compareWith(page, REINDEX);
    const lines = () => page.count('[data-testid="rss-chart"] .recharts-line');
    // The after run's own lines: RSS and live objects.
    await expect.poll(lines, { timeout: WAIT_MS }).toBe(2);
    const before = await lines();
    await page.check(tid('compare-on-chart'));
    await page.waitFor(tid('legend-before'));
    await expect.poll(lines, { timeout: WAIT_MS }).toBe(before + 2);
    expect(await page.count('[data-testid="rss-chart"] .recharts-line path[stroke-dasharray="5 3"]')).toBe(2);
  });
});

describe('keyboard', () => {
  test('the first Tab is a skip link to the open table', async () => {
    const page = await open(REINDEX, 'v=2&tab=sites');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-to-table');
    expect(await page.isVisible(tid('skip-to-table'))).toBe(true);
    await page.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), { timeout: WAIT_MS })
      .toBe('grid');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Sites/);
  });

  test('Enter on a suspect: its objects’ table has the focus', async () => {
    const page = await open(REINDEX);
    const first = `${tid('suspect')}:first-child ${tid('suspect-open')}`;
    await page.waitFor(first);
    await page.focus(first);
    await page.press('Enter');
    await expect.poll(() => page.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), { timeout: WAIT_MS })
      .toBe('grid');
    // Once its rows are there, ↓ moves through them.
    await expect.poll(() => tableCount(page), { timeout: WAIT_MS }).toMatch(/^[1-9][\d,]* of /);
    await page.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-activedescendant')), {
        timeout: WAIT_MS,
      })
      .toMatch(/\S/);
  });
});
