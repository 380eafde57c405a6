// Interns byte strings (type, file, function names) to small integer ids without decoding each
// occurrence: a hash table over the raw bytes, decoding once per distinct string.

import { emptyArrayOf, emptyNumberArray } from '../base/array-kinds.ts';
import { withRoom } from '../base/growable.ts';
import { decodeBytes } from '../base/text.ts';

export class ByteInterner {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private offsets: number[] = [];
  private lengths: number[] = [];
  private hashes: number[] = emptyNumberArray();
  private table = new Int32Array(1 << 10).fill(-1);
  private mask = (1 << 10) - 1;
  readonly strings: string[] = emptyArrayOf('');

  get size(): number {
    return this.strings.length;
  }

  intern(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const id = table[slot];
      if (id < 0) break;
      if (this.hashes[id] === h && this.lengths[id] === len && this.equals(id, buf, start, len)) return id;
      slot = (slot + 1) & mask;
    }
    return this.insert(buf, start, end, h, slot);
  }

  /** Interns an already-decoded string (for synthetic names such as merged types). */
  internString(s: string): number {
    const bytes = new TextEncoder().encode(s);
    const id = this.intern(bytes, 0, bytes.length);
    this.strings[id] = s;
    return id;
  }

  private equals(id: number, buf: Uint8Array, start: number, len: number): boolean {
    const pool = this.pool;
    const off = this.offsets[id];
    for (let i = 0; i < len; i++) if (pool[off + i] !== buf[start + i]) return false;
    return true;
  }

  private insert(buf: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const len = end - start;
    this.pool = withRoom(this.pool, this.poolUsed + len);
    this.pool.set(buf.subarray(start, end), this.poolUsed);
    const id = this.strings.length;
    this.offsets.push(this.poolUsed);
    this.lengths.push(len);
    this.hashes.push(h);
    this.strings.push(decodeBytes(buf, start, end));
    this.poolUsed += len;
    this.table[slot] = id;
    if (this.strings.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }

  get byteSize(): number {
    return this.pool.length + this.table.byteLength + this.strings.length * 24;
  }
}
