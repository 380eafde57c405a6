import { describe, expect, it } from 'vitest';
import { sortRowsByKey } from '../../../../src/engine/query/radix-sort.ts';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** What sortRowsByKey promises, by a comparison sort: ascending (or descending) by `value`, NaN last, ties in their order. */
function reference(rows: Uint32Array, keys: Float64Array, desc: boolean): number[] {
  const at = [...rows.keys()];
  at.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x !== x || y !== y) return (x !== x ? 1 : 0) - (y !== y ? 1 : 0);
    return desc ? y - x : x - y;
  });
  return at.map((i) => rows[i]);
}

/** Row ids in a shuffled order (the sort must carry them, not assume 0..n-1). */
function shuffledRows(n: number, rnd: () => number): Uint32Array {
  const rows = Uint32Array.from({ length: n }, (_, i) => i * 3 + 7);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const cases: [string, (rnd: () => number) => number][] = [
  ['small integers with many ties', (rnd) => Math.floor(rnd() * 20)],
  ['line numbers', (rnd) => 1 + Math.floor(rnd() * 5000)],
  ['negative and positive integers', (rnd) => Math.floor((rnd() - 0.5) * 2e9)],
  ['48-bit addresses', (rnd) => 0x7f00_0000_0000 + Math.floor(rnd() * 2 ** 40) * 16],
  ['integers up to 2^53', (rnd) => Math.floor(rnd() * 2 ** 53) - (rnd() < 0.5 ? 2 ** 52 : 0)],
  ['clocks (%12.6f)', (rnd) => Math.floor(rnd() * 1e11) / 1e6],
  [
    'lifetimes (clock differences, with rounding noise)',
    (rnd) => (1000 * 1e6 + Math.floor(rnd() * 3e7)) / 1e6 - (1000 * 1e6 + Math.floor(rnd() * 3e6)) / 1e6,
  ],
  ['arbitrary floats', (rnd) => (rnd() - 0.3) * 10 ** Math.floor(rnd() * 30 - 15)],
  ['floats with sub-microsecond parts', (rnd) => Math.floor(rnd() * 1e6) / 1e9],
  ['NaN among integers', (rnd) => (rnd() < 0.2 ? NaN : Math.floor(rnd() * 100))],
  ['NaN among floats', (rnd) => (rnd() < 0.2 ? NaN : rnd() * 1e-3)],
  ['infinities and zeros', (rnd) => [Infinity, -Infinity, 0, -0, 1.5, -2.25, NaN][Math.floor(rnd() * 7)]],
  ['all equal', () => 42],
  ['all NaN', () => NaN],
];

describe('sortRowsByKey', () => {
  for (const [name, make] of cases) {
    for (const desc of [false, true]) {
      it(`${name}, ${desc ? 'descending' : 'ascending'}`, () => {
        const rnd = random(name.length * 7919 + (desc ? 1 : 0));
        for (const n of [0, 1, 2, 3, 17, 1000, 30_000]) {
          const rows = shuffledRows(n, rnd);
          const keys = Float64Array.from({ length: n }, () => make(rnd));
          const sorted = sortRowsByKey(rows, keys, desc);
          expect(sorted).not.toBe(rows);
          expect([...sorted]).toEqual(reference(rows, keys, desc));
        }
      });
    }
  }

  it('orders keys that differ by less than one in the 16th digit', () => {
    const keys = Float64Array.from([0.1 + 0.2, 0.3, 0.30000000000000004, 0.299999, 0.300001]);
    const rows = Uint32Array.from([0, 1, 2, 3, 4]);
    expect([...sortRowsByKey(rows, keys, false)]).toEqual([3, 1, 0, 2, 4]);
    expect([...sortRowsByKey(rows, keys, true)]).toEqual([4, 0, 2, 1, 3]);
  });
});
