// The series index (per-block summaries, extended as the store grows) must answer exactly what the
// plain walk over every event answers: same points, values, used buckets and bucket clocks, for
// every fixture and generated log, any bucket count and clock window, clocks out of order, and while
// the log is still being fed (the index extended many times). Tiny blocks make the small fixtures
// go through the block paths too.

import { describe, expect, it } from 'vitest';
import { Analysis, analyseChunks } from '../../../../src/engine/analysis.ts';
import type { LogStore } from '../../../../src/engine/store/log-store.ts';
import { SeriesIndex } from '../../../../src/engine/query/series-index.ts';
import type { SeriesQuery } from '../../../../src/engine/types.ts';
import { fixture, fixtureLogs, SMALL } from '../../../support/fixtures.ts';
import { joinLines, randomChunks, Rng, splitLines } from '../../../support/fuzz.ts';
import type { GeneratorOptions } from '../../../support/reflog-generator.ts';
import { feedPieceByPiece, generated, nested, reclock } from '../../../support/series-logs.ts';
import { rssAndLiveSeriesReference } from '../../../support/series-reference.ts';

const GENERATED: GeneratorOptions[] = [
  { lines: 20_000, seed: 31 },
  { lines: 12_000, seed: 32, duplicateRate: 0.03, untrackedRate: 0.03, msgRate: 0.01 },
  { lines: 6_000, seed: 33, sizeof: true, oddNames: true, crlf: true, eof: false },
];

/** The small sample with a newline in the type name of records that change the RSS: each such record
 * gets its RSS from its second line, after the first was counted. */
function splitWhereRssChanges(): Uint8Array {
  const text = Buffer.from(fixture(SMALL)).toString('latin1');
  const out = text
    .split('\n')
    .map((l) =>
      /^(NEW|DEL):/.test(l) && !/ 0$/.test(l) ? l.replace(/^((?:NEW|DEL):\s+\S+\s+\S+\s+\S+ )(\w+)\./, '$1$2\n') : l,
    );
  return new Uint8Array(Buffer.from(out.join('\n'), 'latin1'));
}

/** Windows around the store's clocks: none, inside, outside, partial, one-sided, empty, reversed. */
function windows(s: LogStore): SeriesQuery[] {
  const n = s.eventCount;
  if (n === 0) return [{ buckets: 7 }];
  let min = Infinity;
  let max = -Infinity;
  for (let e = 0; e < n; e++) {
    const c = s.clock.get(e);
    if (c < min) min = c;
    if (c > max) max = c;
  }
  const at = (f: number) => min + (max - min) * f;
  const third = s.clock.get(Math.floor(n / 3));
  const twoThirds = s.clock.get(Math.floor((2 * n) / 3));
  const w: Omit<SeriesQuery, 'buckets'>[] = [
    {},
    { clockMin: at(0.25), clockMax: at(0.75) },
    { clockMin: Math.min(third, twoThirds), clockMax: Math.max(third, twoThirds) },
    { clockMin: min - 2, clockMax: min - 1 },
    { clockMin: max + 1, clockMax: max + 2 },
    { clockMin: min - 1, clockMax: at(0.5) },
    { clockMin: at(0.6), clockMax: max + 1 },
    { clockMin: at(0.4) },
    { clockMax: at(0.4) },
    { clockMin: third, clockMax: third },
    { clockMin: at(0.7), clockMax: at(0.3) },
  ];
  return [1, 7, 1000]
    .flatMap((buckets) => w.map((x) => ({ buckets, ...x })))
    .concat([{ buckets: 2.5 }, { buckets: 50_000 }, { buckets: 0 }]);
}

function expectSame(s: LogStore, blockBits: number[], queries = windows(s)): void {
  // Tiny blocks, then the production size.
  const indexes = [...blockBits.map((b) => new SeriesIndex(s, b)), new SeriesIndex(s)];
  for (const q of queries) {
    const want = rssAndLiveSeriesReference(s, q);
    for (const [i, index] of indexes.entries())
      expect(index.query(q), `${JSON.stringify(q)}, block ${blockBits[i] ?? 'default'}`).toEqual(want);
  }
}

const logs: [string, () => Uint8Array][] = [
  ...fixtureLogs('samples').map((p): [string, () => Uint8Array] => [p, () => fixture(p)]),
  ...fixtureLogs('bad').map((p): [string, () => Uint8Array] => [p, () => fixture(p)]),
  ...GENERATED.map((o): [string, () => Uint8Array] => [JSON.stringify(o), () => generated(o)]),
  ['random clocks', () => reclock(generated(GENERATED[1]), 41, 'random')],
  ['clocks going back now and then', () => reclock(generated(GENERATED[0]), 42, 'jumps')],
  ['the small sample with random clocks', () => reclock(fixture(SMALL), 43, 'random')],
];

describe('series index: the same series as a walk over every event', () => {
  it('checks clocks out of order for real', () => {
    const s = analyseChunks([reclock(generated(GENERATED[1]), 41, 'random')]).store;
    let back = 0;
    for (let e = 1; e < s.eventCount; e++) if (s.clock.get(e) < s.clock.get(e - 1)) back++;
    expect(back).toBeGreaterThan(1000);
  });

  it.each(logs)('%s', (_, bytes) => {
    const s = analyseChunks([bytes()]).store;
    expect(s.eventCount).toBeGreaterThanOrEqual(0);
    expectSame(s, [0, 3]);
  });

  it.each([
    ['nested', '20261125_072716_0_5419_O_0_PY3.13.5.log'],
    ['nested_named', 'nested_outer.log'],
  ])('nested run %s (children read in the middle of the parent)', (dir, root) => {
    const a = nested(dir, root);
    expect(a.store.sourceFiles.length).toBeGreaterThan(2);
    expectSame(a.store, [0, 1, 3]);
  });

  it('an empty store, then one event', () => {
    const a = new Analysis();
    const index = new SeriesIndex(a.store, 0);
    expect(index.query({ buckets: 10 })).toEqual([]);
    const p = a.beginFile('x');
    const lines = splitLines(fixture(SMALL));
    const first = lines.findIndex((l) => l[0] === 0x4e); // 'N'EW
    p.push(joinLines([...lines.slice(0, first + 1), new Uint8Array(0)]));
    expect(a.store.eventCount).toBe(1);
    expect(index.query({ buckets: 10 })).toEqual(rssAndLiveSeriesReference(a.store, { buckets: 10 }));
  });

  const fed: [string, () => Uint8Array, number[]][] = [
    ['generated, duplicates and untracked', () => generated(GENERATED[1]), [4]],
    ['generated, clocks going back', () => reclock(generated(GENERATED[2]), 44, 'jumps'), [2]],
    ['split records (a record gets its RSS from the next line)', () => fixture('bad/split-type.log'), [0, 1, 4]],
    ['split records that change the RSS', splitWhereRssChanges, [0, 1, 3]],
    ['records cut at 4095 bytes', () => fixture('bad/cut-4095.log'), [0, 2]],
    ['the small sample', () => fixture(SMALL), [0, 1, 3]],
  ];
  it.each(fed)('fed in random chunks, queried after each: %s', (_, bytes, blockBits) => {
    const data = bytes();
    for (const seed of [1, 2]) {
      const rng = new Rng(seed);
      const a = new Analysis();
      const indexes = [...blockBits.map((b) => new SeriesIndex(a.store, b)), new SeriesIndex(a.store)];
      let queries = 0;
      const check = () => {
        const n = a.store.eventCount;
        const mid = n > 0 ? a.store.clock.get(n >>> 1) : 0;
        const qs: SeriesQuery[] = [
          { buckets: rng.pick([1, 7, 1000]) },
          { buckets: rng.pick([7, 1000]), clockMin: mid - 0.001 },
        ];
        for (const q of qs) {
          const want = rssAndLiveSeriesReference(a.store, q);
          for (const index of indexes) expect(index.query(q)).toEqual(want);
          queries++;
        }
      };
      feedPieceByPiece(a, data, rng, randomChunks, check);
      expect(queries).toBeGreaterThan(20);
      expectSame(a.store, blockBits);
    }
  });

  it('split records that change the RSS: the RSS arrives after the record was counted', () => {
    const a = analyseChunks([splitWhereRssChanges()]);
    const problems = a.jsonReport().problems as { kind: string }[];
    expect(problems.filter((p) => p.kind === 'split-record').length).toBeGreaterThanOrEqual(2);
    expect(a.store.rss.value).toEqual(analyseChunks([fixture(SMALL)]).store.rss.value);
  });
});
