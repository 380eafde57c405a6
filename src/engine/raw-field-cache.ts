// Maps the raw, padded bytes of fixed-width fields (the 159 bytes from Type to Function) to an id,
// hashing a sample of 4-byte words and comparing all of them. Lines whose fields fit their widths
// are then interned without trimming or decoding anything; only a miss does the slow work.

export class RawFieldCache {
  /** Stored keys as 32-bit words, each key starting on a word (its tail bytes zero-padded). */
  private words = new Int32Array(1 << 14);
  private wordsUsed = 0;
  private offsets = new Int32Array(256);
  private lengths = new Int32Array(256);
  private hashes = new Int32Array(256);
  private values = new Int32Array(256);
  private count = 0;
  private table = new Int32Array(1 << 10).fill(-1);
  private mask = (1 << 10) - 1;
  /** Hash of the last lookup, reused by add(). */
  private lastHash = 0;

  /** sampleOffsets: byte offsets (multiples of 4 not required) of the words that feed the hash. */
  constructor(private readonly sampleOffsets: Int32Array) {}

  /** The id stored for these bytes, or -1. */
  lookup(buf: Uint8Array, dv: DataView, s: number, len: number): number {
    const nWords = len >>> 2;
    const sample = this.sampleOffsets;
    let h = len;
    for (let k = 0; k < sample.length; k++) h = (Math.imul(h, 31) + dv.getInt32(s + sample[k], true)) | 0;
    const tail = tailWord(buf, s + (nWords << 2), len & 3);
    h = Math.imul(h ^ tail ^ (h >>> 16), 0x45d9f3b);
    h ^= h >>> 13;
    this.lastHash = h;
    const words = this.words;
    const mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0) return -1;
      if (this.hashes[id] !== h || this.lengths[id] !== len) continue;
      const off = this.offsets[id];
      let w = 0;
      for (let p = s; w < nWords; w++, p += 4) if (words[off + w] !== dv.getInt32(p, true)) break;
      if (w === nWords && ((len & 3) === 0 || words[off + nWords] === tail)) return this.values[id];
    }
  }

  /** Stores value for the bytes of the lookup that just missed. */
  add(buf: Uint8Array, s: number, len: number, value: number): void {
    const nWords = (len + 3) >>> 2;
    if (this.wordsUsed + nWords > this.words.length) {
      let n = this.words.length * 2;
      while (this.wordsUsed + nWords > n) n *= 2;
      const next = new Int32Array(n);
      next.set(this.words.subarray(0, this.wordsUsed));
      this.words = next;
    }
    const off = this.wordsUsed;
    const full = len >>> 2;
    for (let w = 0; w < full; w++) {
      const p = s + 4 * w;
      this.words[off + w] = buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24);
    }
    if (len & 3) this.words[off + full] = tailWord(buf, s + 4 * full, len & 3);
    this.wordsUsed += nWords;
    const id = this.count++;
    if (id === this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
      this.values = grow(this.values);
    }
    this.offsets[id] = off;
    this.lengths[id] = len;
    this.hashes[id] = this.lastHash;
    this.values[id] = value;
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

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
