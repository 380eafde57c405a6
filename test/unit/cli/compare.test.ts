// `reftrace compare BEFORE AFTER --by phase`: two releases of one program aligned on their messages
// (test/fixtures/releases: r2 has no leak, r6 two), and the leak's growth in each phase of the after run.

import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { alignPhases } from '../../../src/engine/query/compare-phases.ts';
import type { Phase } from '../../../src/engine/query/phases.ts';
import { FIXTURES } from '../../support/fixtures.ts';

async function run(args: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await main(args, (s) => {
    out += s;
  });
  return { status, out };
}

const phase = (message: string | null): Phase => ({
  from: message === null ? null : 1,
  to: 2,
  message,
  kind: message === null ? 'start' : 'message',
  line: 0,
  new: 0,
  del: 0,
  netLive: 0,
  createdAndAlive: 0,
  rssDelta: null,
});

describe('phases aligned on their messages', () => {
  it('as a diff aligns lines: common messages in order, the others in one run only', () => {
    const a = [null, 'load', 'batch 1', 'batch 2', 'done'].map(phase);
    const b = [null, 'load', 'warm cache', 'batch 1', 'batch 2', 'batch 3', 'done'].map(phase);
    expect(alignPhases(a, b)).toEqual([
      [0, 0],
      [1, 1],
      [-1, 2],
      [2, 3],
      [3, 4],
      [-1, 5],
      [4, 6],
    ]);
    expect(
      alignPhases(b, a)
        .filter(([, j]) => j === -1)
        .map(([i]) => b[i].message),
    ).toEqual(['warm cache', 'batch 3']);
  });
});

describe('reftrace compare --by phase', () => {
  const before = FIXTURES + 'releases/r2.log.gz';
  const after = FIXTURES + 'releases/r6.log.gz';

  it('every batch of the leaking release keeps more than the same batch before, and the rows say so', async () => {
    const { status, out } = await run(['compare', before, after, '--by', 'phase', '--json']);
    expect(status).toBe(0);
    const { rows } = JSON.parse(out) as { rows: Record<string, string | number>[] };
    const batches = rows.filter((r) => /^batch \d+$/.test(String(r.phase)));
    expect(batches).toHaveLength(20);
    expect(batches.every((r) => r.in === 'both')).toBe(true);
    for (const r of batches) {
      expect(r.netDiff, String(r.phase)).toBeGreaterThan(0);
      expect(r.aliveDiff).toBe(Number(r.aliveB) - Number(r.aliveA));
    }
    // Biggest extra retention first.
    const diffs = rows.map((r) => Number(r.aliveDiff));
    expect(diffs.slice(0, 5)).toEqual([...diffs].sort((x, y) => y - x).slice(0, 5));
  });

  it('per type and per site too; a bad --by is a usage error', async () => {
    const byType = JSON.parse((await run(['compare', before, after, '--json'])).out);
    expect(byType.rows.find((r: { key: string }) => r.key === 'Subscription')).toMatchObject({ liveA: 0, liveB: 120 });
    const bySite = JSON.parse((await run(['compare', before, after, '--by', 'site', '--json'])).out);
    expect(bySite.rows.some((r: { key: string }) => r.key === 'app.py:111 subscribe')).toBe(true);
    expect((await run(['compare', before, after, '--by', 'month'])).status).toBe(2);
    expect((await run(['compare', before])).status).toBe(2);
  });
});
