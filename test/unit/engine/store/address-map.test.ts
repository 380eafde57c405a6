// The address map against a JS Map: set, delete and increment over random keys that collide in
// their low bits (addresses are 16-byte aligned), through growth and backward-shift deletes.

import { describe, expect, it } from 'vitest';
import { AddressMap } from '../../../../src/engine/store/address-map.ts';
import { Rng } from '../../../support/fuzz.ts';

describe('AddressMap', () => {
  it('set, delete, get and increment agree with a Map over 200,000 random operations', () => {
    const rng = new Rng(7);
    const m = new AddressMap(16);
    const ref = new Map<string, number>();
    const key = () => [rng.int(4), (0x7f000000 + rng.int(20_000) * 16) >>> 0] as const;
    for (let i = 0; i < 200_000; i++) {
      const [hi, lo] = key();
      const k = `${hi}:${lo}`;
      const r = rng.next();
      if (r < 0.35) {
        expect(m.set(hi, lo, i)).toBe(ref.get(k) ?? -1);
        ref.set(k, i);
      } else if (r < 0.7) {
        expect(m.delete(hi, lo)).toBe(ref.get(k) ?? -1);
        ref.delete(k);
      } else if (r < 0.9) {
        const want = (ref.get(k) ?? 0) + 1;
        expect(m.increment(hi, lo)).toBe(want);
        ref.set(k, want);
      } else {
        expect(m.get(hi, lo)).toBe(ref.get(k) ?? -1);
      }
      expect(m.size).toBe(ref.size);
    }
    const values: number[] = [];
    m.forEachValue((v) => values.push(v));
    expect(values.sort((a, b) => a - b)).toEqual([...ref.values()].sort((a, b) => a - b));
    expect(ref.size).toBeGreaterThan(1000);
  });
});
