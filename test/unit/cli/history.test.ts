// `reftrace history`: one program over six releases (test/fixtures/releases: a leak begins in r3,
// its line moves in r4, a second leak begins in r5), from the logs and from their JSON reports alike.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { FIXTURES } from '../../support/fixtures.ts';

async function run(args: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await main(args, (s) => {
    out += s;
  });
  return { status, out };
}

interface Truth {
  runs: string[];
  leaks: {
    file: string;
    function: string;
    linesByRun: (number | null)[];
    firstLeakRun: number;
    liveAtEndByRun: number[];
  }[];
}
const truth = JSON.parse(readFileSync(FIXTURES + 'releases/truth.json', 'utf8')) as Truth;
const logs = truth.runs.map((r) => FIXTURES + 'releases/' + r);

describe('reftrace history', async () => {
  // The JSON reports a CI job keeps instead of the logs.
  const dir = mkdtempSync(join(tmpdir(), 'reftrace-history-'));
  const reports: string[] = [];
  for (const [i, log] of logs.entries()) {
    const { out } = await run(['analyse', log, '--json']);
    const path = join(dir, `r${i + 1}.json`);
    writeFileSync(path, out);
    reports.push(path);
  }

  it.each([
    ['the logs', logs],
    ['the JSON reports', reports],
    ['logs and reports mixed', logs.map((l, i) => (i % 2 ? reports[i] : l))],
  ])(
    'from %s: each leak begins in the right run, nothing is flagged before, lines followed as they move',
    async (_, runs) => {
      const { status, out } = await run(['history', ...runs, '--json']);
      expect(status).toBe(0);
      const h = JSON.parse(out);
      expect(h.runs.map((r: { leaks: number }) => r.leaks)).toEqual([0, 0, 1, 1, 2, 2]);
      expect(h.sites).toHaveLength(truth.leaks.length);
      for (const leak of truth.leaks) {
        const site = h.sites.find((s: { function: string }) => s.function === leak.function);
        expect(site, leak.function).toBeDefined();
        expect(site.firstLeakRun).toBe(leak.firstLeakRun);
        expect(site.verdict.slice(0, leak.firstLeakRun).includes('leak')).toBe(false);
        for (let r = leak.firstLeakRun; r < runs.length; r++) {
          expect(site.verdict[r]).toBe('leak');
          expect(site.lines[r]).toBe(leak.linesByRun[r]);
          expect(site.live[r]).toBe(leak.liveAtEndByRun[r]);
        }
        // Its line moved between releases: the move is said.
        expect(site.moves.length).toBeGreaterThan(0);
      }
    },
  );

  it('the text names the first run of each leak and sums up the sites that never leak in one line', async () => {
    const { out } = await run(['history', ...logs]);
    expect(out).toMatch(/app\.py:209 read_request \(Request\): began to leak in run 3 \(.*r3\.log\.gz\)/);
    expect(out).toMatch(/app\.py:111 subscribe \(Subscription\): began to leak in run 5/);
    expect(out).toMatch(/^Sites that never leak: \d+ \(holding [\d,]+ objects in the last run\)\.$/m);
  });

  it('a JSON file that is not a report is an error (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"lines": 3}');
    expect((await run(['history', logs[0], bad])).status).toBe(2);
  });
});
