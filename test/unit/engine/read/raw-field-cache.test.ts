import { describe, expect, it } from 'vitest';
import { Rng } from '../../../support/fuzz.ts';
import { RawFieldCache } from '../../../../src/engine/read/raw-field-cache.ts';

// Bytes that make 8-byte words which compare wrongly as float64: NaN (7F F8.. / FF F0..) and
// ±0 (all zero, or zero with the sign bit 0x80 in the last byte).
const TRICKY: number[][] = [
  [0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0x80],
  [0, 0, 0, 0, 0, 0, 0xf8, 0x7f],
  [1, 0, 0, 0, 0, 0, 0xf0, 0x7f],
  [0, 0, 0, 0, 0, 0, 0xf8, 0x7f].map((b, i) => (i === 0 ? 2 : b)),
  [0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0xf0, 0xff],
];

function makeKey(rnd: () => number, len: number): Uint8Array {
  const key = new Uint8Array(len);
  for (let i = 0; i < len; i++) key[i] = rnd() < 0.6 ? 0x20 : 0x61 + Math.floor(rnd() * 4);
  if (rnd() < 0.5 && len >= 8) {
    const t = TRICKY[Math.floor(rnd() * TRICKY.length)];
    const at = Math.floor(rnd() * (len - 7));
    key.set(t, rnd() < 0.5 ? at & ~7 : at);
  }
  return key;
}

describe('RawFieldCache', () => {
  for (const len of [1, 3, 4, 7, 8, 9, 12, 15, 16, 17, 40, 159]) {
    it(`finds exactly the keys stored, length ${len}, at any offset, with NaN and ±0 words`, () => {
      const rng = new Rng(len);
      const rnd = () => rng.next();
      const sample = Int32Array.from([0, Math.max(0, len - 4)].filter((o) => o + 4 <= len + 3));
      const cache = new RawFieldCache(sample);
      const reference = new Map<string, number>();
      // Few distinct keys, many lookups, so hits, misses and near-misses (one byte changed) all occur.
      const pool = Array.from({ length: 30 }, () => makeKey(rnd, len));
      for (let i = 0; i < 3000; i++) {
        let key = pool[Math.floor(rnd() * pool.length)];
        if (rnd() < 0.3) {
          key = key.slice();
          const at = Math.floor(rnd() * len);
          key[at] = rnd() < 0.5 ? key[at] ^ 0x80 : 0;
        }
        // The key at a random offset inside a larger buffer, with room for the hash's word reads.
        const off = Math.floor(rnd() * 13);
        const buf = new Uint8Array(off + len + 8).fill(0x55);
        buf.set(key, off);
        const dv = new DataView(buf.buffer);
        const name = Array.from(key).join(',');
        const expected = reference.get(name) ?? -1;
        const got = cache.lookup(buf, dv, off, len);
        expect(got).toBe(expected);
        if (got < 0) {
          cache.add(buf, off, len, reference.size);
          reference.set(name, reference.size);
        }
      }
      expect(reference.size).toBeGreaterThan(len < 4 ? 4 : 30);
    });
  }
});
