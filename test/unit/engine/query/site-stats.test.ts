// The per-site counts are counted on as the store grows (a refresh during a parse pays for what was
// added): asked after every piece of a parse, they must equal the counts of the whole log made at once.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../../src/engine/analysis.ts';
import { Derived, type SiteStats } from '../../../../src/engine/query/derived.ts';
import { isDelOf, typeIdOf } from '../../../../src/engine/store/type-kind.ts';
import type { LogStore } from '../../../../src/engine/store/log-store.ts';
import { generateLog } from '../../../support/reflog-generator.ts';

const plain = (st: SiteStats) => ({
  created: Array.from(st.created),
  live: Array.from(st.live),
  freed: Array.from(st.freed),
  typeCount: Array.from(st.typeCount),
  topType: Array.from(st.topType),
  ids: Array.from(st.ids),
});

/** Parses bytes in pieces of `step`, asking for the site counts after each; returns both answers at the end. */
function countedOnAndAtOnce(bytes: Uint8Array, step: number): { on: SiteStats; once: SiteStats; asked: number } {
  const a = new Analysis('log');
  const p = a.beginFile('log');
  const d = new Derived(a.store);
  let asked = 0;
  for (let o = 0; o < bytes.length; o += step) {
    p.push(bytes.subarray(o, o + step));
    d.sites();
    asked++;
  }
  p.finish();
  return { on: d.sites(), once: new Derived(a.store).sites(), asked };
}

/** NEWs, distinct types and the top type (the first to reach the highest count) per site, by a plain walk with a Map. */
function plainCounts(s: LogStore) {
  const n = s.sites.size;
  const created = new Array<number>(n).fill(0);
  const typeCount = new Array<number>(n).fill(0);
  const topType = new Array<number>(n).fill(-1);
  const topN = new Array<number>(n).fill(0);
  const perType = new Map<string, number>();
  for (let e = 0; e < s.eventCount; e++) {
    const tk = s.typeKind.get(e);
    if (isDelOf(tk)) continue;
    const site = s.site.get(e);
    const key = `${site}/${typeIdOf(tk)}`;
    const k = (perType.get(key) ?? 0) + 1;
    perType.set(key, k);
    created[site]++;
    if (k === 1) typeCount[site]++;
    if (k > topN[site]) {
      topN[site] = k;
      topType[site] = typeIdOf(tk);
    }
  }
  return { created, typeCount, topType };
}

describe('site counts, counted on as the log grows', () => {
  it('equal a plain count of the store (NEWs, distinct types, top type per site)', () => {
    const bytes = Buffer.concat([
      ...generateLog({ lines: 30_000, seed: 12, oddNames: true, duplicateRate: 0.02 }, 64 * 1024).chunks,
    ]);
    const a = new Analysis('log');
    const p = a.beginFile('log');
    p.push(bytes);
    p.finish();
    const st = new Derived(a.store).sites();
    const want = plainCounts(a.store);
    expect(want.typeCount.filter((c) => c > 1).length).toBeGreaterThan(5);
    expect(Array.from(st.created)).toEqual(want.created);
    expect(Array.from(st.typeCount)).toEqual(want.typeCount);
    expect(Array.from(st.topType)).toEqual(want.topType);
  });

  it('equal the counts made at once, on a generated log asked at every piece', () => {
    const bytes = Buffer.concat([...generateLog({ lines: 40_000, seed: 11, oddNames: true }, 64 * 1024).chunks]);
    const { on, once, asked } = countedOnAndAtOnce(bytes, 97_003);
    expect(asked).toBeGreaterThan(20);
    expect(on.ids.length).toBeGreaterThan(10);
    expect(plain(on)).toEqual(plain(once));
  });

  it('equal them on real logs, and on records split over two lines (their type and site come late)', () => {
    for (const f of ['test/fixtures/bad/split-type.log', 'test/fixtures/leaks/bounded-lru.log.gz']) {
      const raw = readFileSync(f);
      const bytes = f.endsWith('.gz') ? gunzipSync(raw) : raw;
      for (const step of [61, 4099]) {
        const { on, once } = countedOnAndAtOnce(bytes, step);
        expect(plain(on), `${f} in pieces of ${step}`).toEqual(plain(once));
      }
    }
  });
});
