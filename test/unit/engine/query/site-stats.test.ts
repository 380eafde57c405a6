// The per-site counts are counted on as the store grows (a refresh during a parse pays for what was
// added): asked after every piece of a parse, they must equal the counts of the whole log made at once.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../../src/engine/analysis.ts';
import { Derived, type SiteStats } from '../../../../src/engine/query/derived.ts';
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

describe('site counts, counted on as the log grows', () => {
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
