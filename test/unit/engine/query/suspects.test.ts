// Leak suspects on logs of known shape (the generator's `shapes`: a steady leak, a cache that fills
// then plateaus with more objects than the leak, pure churn), and lifetimes and temporaries against
// brute force over the pairs.

import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../../../src/engine/query/leak-queries.ts';
import { LIFETIME_EDGES, lifetimeProfile } from '../../../../src/engine/query/lifetimes.ts';
import { SEGMENTS } from '../../../../src/engine/query/suspects.ts';
import { fixture, SMALL } from '../../../support/fixtures.ts';
import { generateLog, SHAPES } from '../../../support/reflog-generator.ts';

const shaped = (seed: number, lines = 40_000): Analysis =>
  analyseChunks(generateLog({ lines, seed, shapes: true, leakEvery: 0 }).chunks);

describe('leak suspects', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: the steady leak ranks first, the plateauing cache below it, churn never appears',
    (seed) => {
      const a = shaped(seed);
      const q = leakQueriesOf(a.store);
      for (const by of ['site', 'type'] as const) {
        const list = q.suspects(by, 50);
        const names = list.map((x) => (by === 'site' ? x.function : x.type));
        const leak = by === 'site' ? SHAPES.leak.site[2] : SHAPES.leak.type;
        const cache = by === 'site' ? SHAPES.cache.site[2] : SHAPES.cache.type;
        expect(names[0], by).toBe(leak);
        expect(names[1], by).toBe(cache);
        expect(names, by).not.toContain(by === 'site' ? SHAPES.churn.site[2] : SHAPES.churn.type);
        // The cache holds more objects than the leak: its rank is not about size.
        expect(list[1].live).toBeGreaterThan(0);
        const lines = 40_000;
        expect(list[0].live).toBe(Math.ceil(lines / SHAPES.leak.every));
        expect(list[0].survival).toBe(1);
        expect(list[0].steadiness).toBeGreaterThan(0.9);
        expect(list[1].steadiness).toBeLessThan(0.4);
      }
    },
  );

  it('carry a sparkline of their live count: the leak rises to its live count, the cache plateaus', () => {
    const a = shaped(7);
    const [leak, cache] = leakQueriesOf(a.store).suspects('site', 2);
    expect(leak.sparkline).toHaveLength(SEGMENTS + 1);
    expect(leak.sparkline[0]).toBe(0);
    expect(leak.sparkline.at(-1)).toBe(leak.live);
    for (let i = 1; i < leak.sparkline.length; i++)
      expect(leak.sparkline[i]).toBeGreaterThanOrEqual(leak.sparkline[i - 1]);
    const fifth = Math.ceil(SEGMENTS * SHAPES.cache.until) + 1;
    expect(cache.sparkline.slice(fifth)).toEqual(new Array(SEGMENTS + 1 - fifth).fill(cache.live));
  });

  it('say when a site started: the clock of its first NEW', () => {
    const a = shaped(8);
    const [leak] = leakQueriesOf(a.store).suspects('site', 1);
    expect(leak.firstClock).toBe(a.store.clock.get(0)); // the first line is a leak's NEW
  });

  it('are empty when every object is freed, and leave out ignored types and files', () => {
    const a = shaped(9);
    const q = leakQueriesOf(a.store);
    const ignored = q.suspects('site', 10, { types: [SHAPES.leak.type], files: ['cache.py'] });
    expect(ignored.map((x) => x.function)).not.toContain(SHAPES.leak.site[2]);
    expect(ignored.map((x) => x.function)).not.toContain(SHAPES.cache.site[2]);
    const churnOnly = analyseChunks([new TextEncoder().encode(churnLog())]);
    expect(leakQueriesOf(churnOnly.store).suspects('site', 10)).toEqual([]);
  });

  it('on the real small sample: the three looping sites that keep half their objects, then the one-off', () => {
    const a = analyseChunks([fixture(SMALL)]);
    const list = leakQueriesOf(a.store).suspects('site', 10);
    expect(list.map((x) => [x.function, x.live, x.new])).toEqual([
      ['example_reference_tracing', 20, 40],
      ['__init__', 20, 40],
      ['__new__', 20, 41],
      ['spec_from_loader', 1, 1],
    ]);
  });
});

describe('lifetimes and temporaries', () => {
  it('bucket every pair of a site by lifetime, count its live objects, and its temporaries', () => {
    const a = shaped(11, 20_000);
    const q = leakQueriesOf(a.store);
    const s = a.store;
    for (let site = 0; site < s.sites.size; site++) {
      const h = q.lifetimes({ site });
      let pairs = 0;
      const buckets = new Array(LIFETIME_EDGES.length + 1).fill(0);
      for (let i = 0; i < s.seed.pairNew.length; i++) {
        const born = s.seed.pairNew.get(i);
        if (s.site.get(born) !== site) continue;
        pairs++;
        const t = s.clock.get(s.seed.pairDel.get(i)) - s.clock.get(born);
        buckets[LIFETIME_EDGES.filter((edge) => t >= edge).length]++;
      }
      expect(h.pairs).toBe(pairs);
      expect(h.buckets).toEqual(buckets);
    }
  });

  it("temporary: no other NEW between a pair's NEW and DEL (N = 1), or fewer than N", () => {
    const a = shaped(12, 20_000);
    const s = a.store;
    const churn = [...Array(s.sites.size).keys()].find(
      (i) => s.funcs.strings[s.sites.func[i]] === SHAPES.churn.site[2],
    )!;
    const h = leakQueriesOf(s).lifetimes({ site: churn });
    expect(h.pairs).toBeGreaterThan(100);
    expect(h.temporary).toBe(h.pairs); // freed on the very next line
    expect(h.alive).toBe(0);
    for (const n of [1, 2, 5]) {
      const bySite = Array.from({ length: s.sites.size }, (_, site) => lifetimeProfile(s, { site }, n).temporary);
      const brute = new Int32Array(s.sites.size);
      for (let i = 0; i < s.seed.pairNew.length; i++) {
        const [born, died] = [s.seed.pairNew.get(i), s.seed.pairDel.get(i)];
        let news = 0;
        for (let e = born + 1; e < died; e++) if (!s.isDel(e)) news++;
        if (news < n) brute[s.site.get(born)]++;
      }
      expect([...bySite]).toEqual([...brute]);
    }
  });
});

function churnLog(): string {
  const rec = (tag: string, clock: number, addr: string) =>
    `${tag} ${clock.toFixed(6).padStart(12)} ${addr.padStart(16)} ${'1'.padStart(16)} ${'TempBuffer'.padEnd(32)} ${'churn.py'.padEnd(80)} ${'7'.padStart(4)} ${'temp'.padEnd(40)} ${'1000'.padStart(16)} ${'0'.padStart(16)}`;
  const lines = ['SOF', 'HDR: Clock Address LiveCnt Type File Line Function RSS dRSS'];
  for (let i = 0; i < 50; i++)
    lines.push(rec('NEW:', 1 + i / 100, '0x7f0000001000'), rec('DEL:', 1 + i / 100 + 0.001, '0x7f0000001000'));
  return [...lines, 'EOF', ''].join('\n');
}
