// Phases between messages: each phase's numbers equal the growth query over the same span; every
// event falls in exactly one phase; nested runs and logs without messages.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../../src/cli/read-log.ts';
import { analyseChunks, type Analysis } from '../../../../src/engine/analysis.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import { leakQueriesOf } from '../../../../src/engine/query/leak-queries.ts';
import { fixture, FIXTURES, fixtureLogs, SMALL } from '../../../support/fixtures.ts';
import { generateLog } from '../../../support/reflog-generator.ts';

function checkPhases(name: string, a: Analysis): void {
  const q = leakQueriesOf(a.store);
  const list = q.phases();
  expect(list.length, name).toBeGreaterThan(0);
  let news = 0;
  let dels = 0;
  let rss = 0;
  for (const p of list) {
    const g = q.growth(p.from ?? -Infinity, p.to);
    expect([p.netLive, p.createdAndAlive], `${name} ${p.from}..${p.to}`).toEqual([
      g.aliveTo - g.aliveFrom,
      g.createdAndAlive,
    ]);
    news += p.new;
    dels += p.del;
    rss += p.rssDelta ?? 0;
  }
  const sum = a.summary();
  expect([news, dels], name).toEqual([sum.counts.new, sum.counts.del]);
  if (sum.rssFirst !== null) expect(rss, name).toBe(sum.rssLast! - sum.rssFirst);
  const froms = list.map((p) => p.from ?? -Infinity);
  expect(froms, name).toEqual([...froms].sort((x, y) => x - y));
}

describe('phases', () => {
  it.each([...fixtureLogs('samples'), ...fixtureLogs('bad')])('%s: each phase equals growth over its span', (rel) => {
    checkPhases(rel, analyseChunks([fixture(rel)]));
  });

  it('generated logs with many messages', () => {
    for (const seed of [71, 72])
      checkPhases(
        `seed ${seed}`,
        analyseChunks(generateLog({ lines: 20_000, seed, msgRate: 0.01, duplicateRate: 0.01 }).chunks),
      );
  });

  it('the small sample: a phase per message, the loops each keeping 24 objects', () => {
    const list = leakQueriesOf(analyseChunks([fixture(SMALL)]).store).phases();
    expect(list.map((p) => p.message?.split('\n')[0])).toEqual([
      'Starting example_reference_tracing()',
      'Loop 0 start',
      'Loop 8 start',
      'Loop 16 start',
      'Loop 24 start',
      'Loop 32 start',
      'Dropping half of the list',
      expect.stringMatching(/^Module level message/),
      'A message with an embedded newline:',
      'Finished, kept 20 objects',
    ]);
    expect(list.slice(1, 5).map((p) => p.createdAndAlive)).toEqual([24, 24, 24, 24]);
    expect(list[6]).toMatchObject({ new: 0, del: 58, netLive: -58 });
  });

  it('are worked out once for an empty ignore list and for none (the page asks with one, the peaks without)', () => {
    const engine = new Engine(analyseChunks([fixture(SMALL)]));
    const none = engine.ask('phases', {});
    expect(none.length).toBeGreaterThan(1);
    expect(engine.ask('phases', { ignore: { types: [], files: [] } })).toBe(none);
    expect(engine.ask('phases', { ignore: { types: ['dict'], files: [] } })).not.toBe(none);
  });

  it('a log without messages is one phase: the whole log', () => {
    const a = analyseChunks(generateLog({ lines: 5000, seed: 73, msgRate: 0 }).chunks);
    const list = leakQueriesOf(a.store).phases();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      from: null,
      to: a.store.clockLast,
      message: null,
      kind: 'start',
      new: a.summary().counts.new,
      netLive: a.summary().live,
    });
  });

  it("a nested run: the children's messages are phases inside the parent's span, detach and re-attach marked", async () => {
    const a = await readLog(join(FIXTURES, 'samples/nested/20261125_072716_0_5419_O_0_PY3.13.5.log'), {
      recurseFiles: true,
    });
    checkPhases('nested', a);
    const list = leakQueriesOf(a.store).phases();
    const kinds = list.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'detach')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'reattach')).toHaveLength(3);
    const inner = list.find((p) => p.message === 'Inner: building level 2 nodes, keeping 1')!;
    const outer = list.find((p) => p.message === 'Outer: done')!;
    expect(inner.from!).toBeLessThan(outer.from!);
  });
});
