// The per-type live series (a block index kept per store) must answer exactly what the two plain
// replays over every event answered (test/support/type-series-reference.ts): same types in the same
// order, same points, clocks and counts, for every fixture and generated log, any top N, bucket
// count and clock window, clocks out of order or not numbers, and while the log is still being fed
// (the index extended many times, and started over when an event is retyped). Tiny blocks make the
// small fixtures go through the block paths too.

import { describe, expect, it } from 'vitest';
import { Analysis, analyseChunks } from '../../../../src/engine/analysis.ts';
import { LogStore } from '../../../../src/engine/store/log-store.ts';
import { typeLiveSeries, TypeSeriesIndex, type TypeSeriesQuery } from '../../../../src/engine/query/type-series.ts';
import type { TypeSeries } from '../../../../src/engine/types.ts';
import { fixture, fixtureLogs, SMALL } from '../../../support/fixtures.ts';
import { joinLines, Rng, splitLines } from '../../../support/fuzz.ts';
import type { GeneratorOptions } from '../../../support/reflog-generator.ts';
import { feedPieceByPiece, generated, nested, reclock } from '../../../support/series-logs.ts';
import { typeLiveSeriesReference } from '../../../support/type-series-reference.ts';

const GENERATED: GeneratorOptions[] = [
  { lines: 20_000, seed: 51 },
  { lines: 15_000, seed: 52, oddNames: true },
  { lines: 12_000, seed: 53, duplicateRate: 0.03, untrackedRate: 0.03, msgRate: 0.01, oddNames: true },
  { lines: 8_000, seed: 54, duplicateRate: 0.2, untrackedRate: 0.1, leakEvery: 7 },
  { lines: 6_000, seed: 55, sizeof: true, oddNames: true, crlf: true, eof: false },
];

/** Windows around the store's clocks: none, inside, outside, partial, one-sided, a point, reversed (empty). */
function windows(s: LogStore): Omit<TypeSeriesQuery, 'buckets' | 'top'>[] {
  const n = s.eventCount;
  if (n === 0) return [{}];
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
  return [
    {},
    { clockMin: at(0.25), clockMax: at(0.75) },
    { clockMin: at(0.49), clockMax: at(0.51) },
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
}

/** Every window with top 1/3/50 and 1/7/800/5000 buckets, then odd numbers the UI never sends. */
function queries(s: LogStore): TypeSeriesQuery[] {
  const grid = windows(s).flatMap((w) =>
    [1, 3, 50].flatMap((top) => [1, 7, 800, 5000].map((buckets) => ({ buckets, top, ...w }))),
  );
  const odd: TypeSeriesQuery[] = [
    { buckets: 2.5, top: 2.5 },
    { buckets: 50_000, top: Infinity },
    { buckets: 0, top: 0 },
    { buckets: -3, top: -1 },
    { buckets: NaN, top: 3 },
    { buckets: 7, top: NaN },
    { buckets: 7, top: 3, clockMin: NaN },
    { buckets: 7, top: 3, clockMax: NaN },
    { buckets: 7, top: 3, clockMin: -Infinity },
    { buckets: 7, top: 3, clockMax: Infinity },
    { buckets: 7, top: 3, clockMin: -Infinity, clockMax: Infinity },
  ];
  return grid.concat(odd);
}

/** Random sizes from 1 byte to 64 KiB. */
function bigChunks(rng: Rng, bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < bytes.length;) {
    const size = rng.range(1, 65536);
    out.push(bytes.subarray(off, off + size));
    off += size;
  }
  return out;
}

/** Exactly equal: same types in order, same points, numbers the same by Object.is (NaN equals NaN, -0 is not 0). */
function identical(a: TypeSeries[], b: TypeSeries[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const pa = a[i].points;
    const pb = b[i].points;
    if (a[i].type !== b[i].type || pa.length !== pb.length) return false;
    for (let j = 0; j < pa.length; j++)
      if (!Object.is(pa[j].clock, pb[j].clock) || !Object.is(pa[j].live, pb[j].live)) return false;
  }
  return true;
}

/** The check itself is hand-written (toEqual on thousands of points is what made these tests slow); toEqual shows a difference. */
function expectIdentical(got: TypeSeries[], want: TypeSeries[], what: string): void {
  if (identical(got, want)) return;
  expect(got, what).toEqual(want);
  expect.fail(`${what}: a NaN or -0 differs`);
}

/** The store's answers from the per-store index, fresh indexes with the given block sizes and the default one. */
function expectSame(s: LogStore, blockBits: number[], qs = queries(s)): void {
  const indexes = [...blockBits.map((b) => new TypeSeriesIndex(s, b)), new TypeSeriesIndex(s)];
  for (const q of qs) {
    const want = typeLiveSeriesReference(s, q);
    expectIdentical(typeLiveSeries(s, q), want, JSON.stringify(q));
    for (const [i, index] of indexes.entries())
      expectIdentical(index.query(q), want, `${JSON.stringify(q)}, block ${blockBits[i] ?? 'default'}`);
  }
}

const logs: [string, () => Uint8Array, number[]][] = [
  ...fixtureLogs('samples').map((p): [string, () => Uint8Array, number[]] => [p, () => fixture(p), [0, 2]]),
  ...fixtureLogs('bad').map((p): [string, () => Uint8Array, number[]] => [p, () => fixture(p), [0, 2]]),
  ...GENERATED.map((o): [string, () => Uint8Array, number[]] => [JSON.stringify(o), () => generated(o), [3]]),
  ['random clocks', () => reclock(generated(GENERATED[2]), 41, 'random'), [3]],
  ['clocks going back now and then', () => reclock(generated(GENERATED[0]), 42, 'jumps'), [3]],
  ['the small sample with random clocks', () => reclock(fixture(SMALL), 43, 'random'), [0, 2]],
];

/**
 * A store filled by hand with what the parser never writes: NaN and infinite clocks, clocks
 * going back or repeating, a few addresses reused at random (so duplicates of other types and
 * untracked DELs), types seen late; and retypes of any earlier event.
 */
function handFilled(seed: number, events: number, onEvent: (s: LogStore, e: number) => void = () => {}): LogStore {
  const rng = new Rng(seed);
  const s = new LogStore();
  const types = Array.from({ length: 12 }, (_, i) => s.types.internString(`type${i}`));
  let clock = 100;
  for (let e = 0; e < events; e++) {
    const r = rng.next();
    clock += rng.pick([0, 0.001, 0.01, 0.5]);
    const c =
      r < 0.02
        ? NaN
        : r < 0.03
          ? Infinity
          : r < 0.04
            ? -Infinity
            : r < 0.1
              ? clock - rng.next() * 5
              : r < 0.12
                ? 1e300 * (rng.chance(0.5) ? 1 : -1)
                : clock;
    // Later types show up late; type 0 dominates.
    const type = types[Math.min(rng.int(1 + Math.floor((12 * e) / events)), rng.chance(0.3) ? 0 : 11)];
    s.addEvent(0, e + 1, rng.chance(0.45), c, 0, 16 * (1 + rng.int(40)), 0, 0, type, 0, NaN);
    onEvent(s, e);
  }
  return s;
}

describe('type live series: the same answer as the plain replays', () => {
  it('checks clocks out of order, duplicates and untracked DELs for real', () => {
    const s = analyseChunks([reclock(generated(GENERATED[2]), 41, 'random')]).store;
    let back = 0;
    for (let e = 1; e < s.eventCount; e++) if (s.clock.get(e) < s.clock.get(e - 1)) back++;
    expect(back).toBeGreaterThan(1000);
    expect(s.seed.dupNew.length).toBeGreaterThan(100);
    expect(s.seed.untracked.length).toBeGreaterThan(100);
    const hand = handFilled(1, 3000);
    expect(hand.seed.dupNew.length).toBeGreaterThan(100);
    expect(hand.seed.untracked.length).toBeGreaterThan(100);
  });

  it.each(logs)('%s', (_, bytes, blockBits) => {
    const s = analyseChunks([bytes()]).store;
    expectSame(s, blockBits);
  });

  it.each([
    ['nested', '20261125_072716_0_5419_O_0_PY3.13.5.log'],
    ['nested_named', 'nested_outer.log'],
  ])('nested run %s (children read in the middle of the parent)', (dir, root) => {
    const a = nested(dir, root);
    expect(a.store.sourceFiles.length).toBeGreaterThan(2);
    expectSame(a.store, [0, 1, 3]);
  });

  it.each([1, 2, 3])('a store filled by hand: NaN, infinite and unordered clocks (seed %i)', (seed) => {
    expectSame(handFilled(seed, 3000), [0, 2, 5]);
  });

  it('a store filled by hand, queried as it grows, with earlier events retyped now and then', () => {
    const rng = new Rng(9);
    const indexes: TypeSeriesIndex[] = [];
    let queried = 0;
    let retyped = 0;
    const s = handFilled(4, 2500, (s, e) => {
      if (indexes.length === 0)
        indexes.push(new TypeSeriesIndex(s, 0), new TypeSeriesIndex(s, 3), new TypeSeriesIndex(s));
      if (rng.chance(0.02)) {
        // Any event, not only the last (the parser retypes the last one).
        s.retype(rng.int(e + 1), s.types.internString(`late${rng.int(4)}`));
        retyped++;
      }
      if (rng.chance(0.1)) {
        const q = rng.pick<TypeSeriesQuery>([
          { buckets: 7, top: 3 },
          { buckets: 800, top: 50 },
          { buckets: 5000, top: 1, clockMin: 100, clockMax: 100 + e / 100 },
        ]);
        const want = typeLiveSeriesReference(s, q);
        expectIdentical(typeLiveSeries(s, q), want, `${JSON.stringify(q)} after event ${e}`);
        for (const index of indexes) expectIdentical(index.query(q), want, `${JSON.stringify(q)} after event ${e}`);
        queried++;
      }
    });
    expect(retyped).toBeGreaterThan(20);
    expect(queried).toBeGreaterThan(100);
    expectSame(s, [0, 3]);
  });

  it('an empty store, then one event', () => {
    const a = new Analysis();
    const index = new TypeSeriesIndex(a.store, 0);
    expect(index.query({ buckets: 10, top: 3 })).toEqual([]);
    expect(typeLiveSeries(a.store, { buckets: 10, top: 3 })).toEqual([]);
    const p = a.beginFile('x');
    const lines = splitLines(fixture(SMALL));
    const first = lines.findIndex((l) => l[0] === 0x4e); // 'N'EW
    p.push(joinLines([...lines.slice(0, first + 1), new Uint8Array(0)]));
    expect(a.store.eventCount).toBe(1);
    const want = typeLiveSeriesReference(a.store, { buckets: 10, top: 3 });
    expect(want.length).toBe(1);
    expect(index.query({ buckets: 10, top: 3 })).toEqual(want);
    expect(typeLiveSeries(a.store, { buckets: 10, top: 3 })).toEqual(want);
  });

  const fed: [string, () => Uint8Array, number[]][] = [
    ['generated, duplicates and untracked', () => generated(GENERATED[2]), [4]],
    ['generated, many duplicates and untracked', () => generated(GENERATED[3]), [2]],
    ['generated, clocks going back', () => reclock(generated(GENERATED[4]), 44, 'jumps'), [2]],
    ['split records (a record gets its full type from the next line)', () => fixture('bad/split-type.log'), [0, 1, 4]],
    ['records cut at 4095 bytes', () => fixture('bad/cut-4095.log'), [0, 2]],
    ['the small sample', () => fixture(SMALL), [0, 1, 3]],
  ];
  it.each(fed)('fed in chunks, queried after each: %s', (_, bytes, blockBits) => {
    const data = bytes();
    for (const seed of [1, 2]) {
      const rng = new Rng(seed);
      const a = new Analysis();
      const indexes = [...blockBits.map((b) => new TypeSeriesIndex(a.store, b)), new TypeSeriesIndex(a.store)];
      let queried = 0;
      const check = () => {
        const n = a.store.eventCount;
        const mid = n > 0 ? a.store.clock.get(n >>> 1) : 0;
        const qs: TypeSeriesQuery[] = [
          { buckets: rng.pick([1, 7, 800, 5000]), top: rng.pick([1, 3, 50]) },
          { buckets: rng.pick([7, 800]), top: rng.pick([1, 3, 50]), clockMin: mid - 0.001 },
        ];
        for (const q of qs) {
          const want = typeLiveSeriesReference(a.store, q);
          const what = `${JSON.stringify(q)} at ${n} events`;
          expectIdentical(typeLiveSeries(a.store, q), want, what);
          for (const index of indexes) expectIdentical(index.query(q), want, what);
          queried++;
        }
      };
      // Big logs in random chunks of up to 64 KiB (~70 queries: each costs a full replay of the reference).
      feedPieceByPiece(a, data, rng, bigChunks, check);
      expect(queried).toBeGreaterThan(20);
      expectSame(a.store, blockBits);
    }
  });
});
