// Maps the raw, padded bytes of fixed-width fields (the 159 bytes from Type to Function) to an id,
// hashing a sample of 4-byte words and comparing all of them. Lines whose fields fit their widths
// are then interned without trimming or decoding anything; only a miss does the slow work.
//
// The comparison, done for every line, reads 8 bytes at a time as float64: half the loads of int32
// words. Two floats are === exactly when their bits are, except NaN (never equal) and ±0 (equal
// with different bits); a stored key holding such a word is compared as int32 words instead.

import { capacityFor, grown } from '../base/growable.ts';

export class RawFieldCache {
  /** Stored keys, each starting on an 8-byte boundary and zero-padded to one; two views of the same bytes. */
  private words = new Int32Array(1 << 14);
  private doubles = new Float64Array(this.words.buffer);
  /** Next free double in `doubles`. */
  private doublesUsed = 0;
  /** Per id: where its key starts (in doubles), its length, hash, value, and 1 if it must be compared as int32 words. */
  private offsets = new Int32Array(256);
  private lengths = new Int32Array(256);
  private hashes = new Int32Array(256);
  private values = new Int32Array(256);
  private intCompare = new Uint8Array(256);
  private count = 0;
  private table = new Int32Array(1 << 10).fill(-1);
  private mask = (1 << 10) - 1;
  /** Hash of the last lookup, reused by add(). */
  private lastHash = 0;

  /** sampleOffsets: byte offsets (multiples of 4 not required) of the words that feed the hash. */
  constructor(private readonly sampleOffsets: Int32Array) {}

  /** The id stored for these bytes, or -1. */
  lookup(buf: Uint8Array, dv: DataView, s: number, len: number): number {
    const sample = this.sampleOffsets;
    let h = len;
    for (let k = 0; k < sample.length; k++) h = (Math.imul(h, 31) + dv.getInt32(s + sample[k], true)) | 0;
    const tail = tailWord(buf, s + (len & ~3), len & 3);
    h = Math.imul(h ^ tail ^ (h >>> 16), 0x45d9f3b);
    h ^= h >>> 13;
    this.lastHash = h;
    const mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0) return -1;
      if (this.hashes[id] !== h || this.lengths[id] !== len) continue;
      if (
        this.intCompare[id] === 0 ? this.equalAsDoubles(dv, s, len, id, tail) : this.equalAsWords(dv, s, len, id, tail)
      )
        return this.values[id];
    }
  }

  private equalAsDoubles(dv: DataView, s: number, len: number, id: number, tail: number): boolean {
    const doubles = this.doubles;
    const off = this.offsets[id];
    const n = len >>> 3;
    for (let d = 0; d < n; d++) if (doubles[off + d] !== dv.getFloat64(s + 8 * d, true)) return false;
    // The last 0-7 bytes: an int32 word, then the 0-3 byte tail.
    const w = 2 * (off + n);
    if (len & 4 && this.words[w] !== dv.getInt32(s + 8 * n, true)) return false;
    return (len & 3) === 0 || this.words[w + ((len >>> 2) & 1)] === tail;
  }

  private equalAsWords(dv: DataView, s: number, len: number, id: number, tail: number): boolean {
    const words = this.words;
    const off = 2 * this.offsets[id];
    const n = len >>> 2;
    for (let w = 0; w < n; w++) if (words[off + w] !== dv.getInt32(s + 4 * w, true)) return false;
    return (len & 3) === 0 || words[off + n] === tail;
  }

  /** Stores value for the bytes of the lookup that just missed. */
  add(buf: Uint8Array, s: number, len: number, value: number): void {
    const nDoubles = (len + 7) >>> 3;
    if (this.doublesUsed + nDoubles > this.doubles.length) {
      this.doubles = grown(this.doubles, capacityFor(this.doubles.length, this.doublesUsed + nDoubles));
      this.words = new Int32Array(this.doubles.buffer);
    }
    const off = this.doublesUsed;
    const w0 = 2 * off;
    const full = len >>> 2;
    for (let w = 0; w < full; w++) {
      const p = s + 4 * w;
      this.words[w0 + w] = buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24);
    }
    if (len & 3) this.words[w0 + full] = tailWord(buf, s + 4 * full, len & 3);
    this.doublesUsed += nDoubles;
    const id = this.count++;
    if (id === this.offsets.length) {
      const n = 2 * id;
      this.offsets = grown(this.offsets, n);
      this.lengths = grown(this.lengths, n);
      this.hashes = grown(this.hashes, n);
      this.values = grown(this.values, n);
      this.intCompare = grown(this.intCompare, n);
    }
    this.offsets[id] = off;
    this.lengths[id] = len;
    this.hashes[id] = this.lastHash;
    this.values[id] = value;
    let ambiguous = 0;
    for (let d = 0; d < len >>> 3; d++) {
      const x = this.doubles[off + d];
      if (x !== x || x === 0) ambiguous = 1;
    }
    this.intCompare[id] = ambiguous;
    let slot = this.lastHash & this.mask;
    while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
    this.table[slot] = id;
    if (this.count * 2 > this.table.length) this.rehash();
  }

  private rehash(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** The last 0-3 bytes of a key as a little-endian word (zero when there are none). */
function tailWord(buf: Uint8Array, p: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v |= buf[p + i] << (8 * i);
  return v;
}
