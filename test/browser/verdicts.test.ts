// The leak verdict the way a person reads it: drop a real log, and the Summary says in one line
// whether anything leaks, then each site's verdict and why; a row's detail shows its phases.
// Checked against the engine on the same bytes, on a leaking log, a clean one and one whose memory
// grew where its objects did not.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { Engine } from '../../src/engine/engine.ts';
import { ROOT, WAIT_MS, dropFile, tid, useBrowser, waitDone, type AppPage } from './support/index.ts';

const b = useBrowser();

const LEAKING = 'test/fixtures/leaks/event-history.log.gz';
const CLEAN = 'test/fixtures/leaks/bounded-lru.log.gz';
const NATIVE = 'test/fixtures/rss/native-growth.log.gz';

async function engineOf(path: string): Promise<Engine> {
  return new Engine(analyseChunks([new Uint8Array(gunzipSync(await readFile(resolve(ROOT, path))))]));
}

async function dropped(path: string): Promise<AppPage> {
  const page = await b.openApp();
  await dropFile(page, path);
  await waitDone(page);
  await page.waitFor(tid('leak-headline'), { timeout: WAIT_MS });
  return page;
}

describe('the Summary leads with the verdict', () => {
  test('a leaking log: "4 sites leak (1 finding)", its finding, and each leaking site with its reason first', async () => {
    const engine = await engineOf(LEAKING);
    const report = engine.ask('leaks', {});
    const sites = engine.ask('suspects', { by: 'site', limit: 10 });
    const page = await dropped(LEAKING);
    expect(await page.text(tid('leak-headline'))).toBe(report.headline);
    expect(report.headline).toBe('4 sites leak (1 finding)');
    expect(await page.count(tid('leak-finding'))).toBe(1);
    expect(await page.text(tid('leak-finding'))).toBe(report.findings[0].reason);
    await expect.poll(() => page.count(tid('suspect')), { timeout: WAIT_MS }).toBe(sites.length);
    const verdicts: string[] = [];
    const reasons: string[] = [];
    for (let i = 1; i <= sites.length; i++) {
      verdicts.push(await page.text(`${tid('suspect')}:nth-child(${i}) ${tid('suspect-verdict')}`));
      reasons.push(await page.text(`${tid('suspect')}:nth-child(${i}) ${tid('suspect-reason')}`));
    }
    expect(verdicts).toEqual(sites.map((x) => x.verdict));
    expect(reasons).toEqual(sites.map((x) => x.reason));
    expect(verdicts.slice(0, 4)).toEqual(['leak', 'leak', 'leak', 'leak']);
    expect(await page.text(`${tid('suspect')}:nth-child(1) ${tid('suspect-rate')}`)).toMatch(/^\+[\d,.]+\/s$/);
  });

  test("a leaking site's detail says why, phase by phase", async () => {
    const page = await dropped('test/fixtures/leaks/reindex-phase.log.gz');
    await page.click(`${tid('suspect')}:nth-child(1) ${tid('suspect-open')}`);
    await page.waitFor(tid('detail-verdict'), { timeout: WAIT_MS });
    expect(await page.text(tid('detail-reason'))).toMatch(/^grew in 3 separate bursts/);
    expect(await page.text(tid('detail-rate'))).toMatch(/during “reindex generation 1”/);
    const phases = await page.text(tid('detail-phases'));
    expect(phases).toContain('reindex generation 2');
  });

  test('a clean log: "No leak found", and no site says leak', async () => {
    const engine = await engineOf(CLEAN);
    const page = await dropped(CLEAN);
    expect(await page.text(tid('leak-headline'))).toBe('No leak found');
    expect(engine.ask('leaks', {}).headline).toBe('No leak found');
    await expect.poll(() => page.count(tid('suspect')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    expect(await page.count(`${tid('suspect')} .verdict-leak`)).toBe(0);
    expect(await page.count(tid('leak-finding'))).toBe(0);
  });

  test('memory that grew without the objects: the headline says so, with the warning and its sizes', async () => {
    const page = await dropped(NATIVE);
    expect(await page.text(tid('leak-headline'))).toMatch(
      /^Memory grew by \d+\.\d MB .* but the traced objects did not/,
    );
    expect(await page.text(tid('leak-warning-rss-not-objects'))).toMatch(/include_builtins=True/);
  });
});
