// Live objects older than X at T: the heap at T counting only objects made X seconds before T or
// earlier, in the heap query, the Heap at T tables and `reftrace snapshot --older-than`, checked
// against the log cut at T analysed from scratch.

import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { analyseChunks } from '../../../../src/engine/analysis.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import { analyseCutAt } from '../../../support/cut-oracle.ts';
import { fixture, FIXTURES, SMALL } from '../../../support/fixtures.ts';
import { generateLog } from '../../../support/reflog-generator.ts';

const bytes = new Uint8Array(Buffer.concat([...generateLog({ lines: 20_000, seed: 11, shapes: true }).chunks]));
const a = analyseChunks([bytes]);
const engine = new Engine(a);
const [first, last] = [a.store.clockFirst!, a.store.clockLast!];

/** Per type, the objects alive at T made at or before T - X, by the log cut at T. */
function oracle(at: number, olderThan: number): { alive: number; types: Record<string, number> } {
  const cut = analyseCutAt(bytes, a, at);
  const types: Record<string, number> = {};
  let alive = 0;
  cut.store.seed.liveMap.forEachValue((e) => {
    if (cut.store.clock.get(e) > at - olderThan) return;
    alive++;
    const t = cut.store.types.strings[cut.store.typeOf(e)];
    types[t] = (types[t] ?? 0) + 1;
  });
  return { alive, types };
}

describe('live objects older than X at T', () => {
  it.each([
    [0.3, 0],
    [0.5, 0.1],
    [0.8, 0.25],
    [1, 0.5],
  ])('at %f of the run, older than %f of it: the heap query is the oracle', (atShare, olderShare) => {
    const at = first + (last - first) * atShare;
    const olderThan = (last - first) * olderShare;
    const want = oracle(at, olderThan);
    const got = engine.ask('heap', { at, olderThan });
    expect(got.alive).toBe(want.alive);
    expect(got.types).toEqual(want.types);
    expect(got.alive).toBeLessThanOrEqual(engine.ask('heap', { at }).alive);
  });

  it('the Heap at T tables follow it: its objects, and its types', () => {
    const at = first + (last - first) * 0.7;
    const olderThan = (last - first) * 0.2;
    const want = oracle(at, olderThan);
    const view = { at, olderThan };
    expect(engine.ask('rows', { table: 'live', view, offset: 0, limit: 0 }).matched).toBe(want.alive);
    const types = engine.ask('rows', { table: 'types', view, offset: 0, limit: 1000 }).rows;
    const live = Object.fromEntries(types.filter((r) => Number(r.live) > 0).map((r) => [r.type, r.live]));
    expect(live).toEqual(want.types);
  });

  it('reftrace snapshot --older-than S: the same counts; a bad value is a usage error', async () => {
    let out = '';
    const small = FIXTURES + SMALL;
    const sa = analyseChunks([fixture(SMALL)]);
    const at = sa.store.clockLast!;
    const olderThan = (sa.store.clockLast! - sa.store.clockFirst!) / 2;
    expect(
      await main(['snapshot', small, '--at', String(at), '--older-than', String(olderThan), '--json'], (s) => {
        out += s;
      }),
    ).toBe(0);
    expect(JSON.parse(out)).toEqual(new Engine(sa).ask('heap', { at, olderThan }));
    expect(JSON.parse(out).alive).toBeLessThan(new Engine(sa).ask('heap', { at }).alive);
    expect(await main(['snapshot', small, '--at', '1', '--older-than', 'old'], () => {})).toBe(2);
    expect(await main(['snapshot', small, '--at', '1', '--older-than', '-1'], () => {})).toBe(2);
  });
});
