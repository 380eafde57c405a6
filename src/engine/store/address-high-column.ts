// The high 32 bits of each event's address in one byte: a process's objects live in a handful of
// mappings (its heap, a few arena regions), so each chunk keeps a table of the high words it has
// seen and a byte per event into it; a chunk that meets more than 256 of them keeps the words.

import { COLUMN_CHUNK, COLUMN_CHUNK_BITS } from './chunked-columns.ts';

const MASK = COLUMN_CHUNK - 1;
const CODES = 256;
const EMPTY_CODES = new Uint8Array(0);
const EMPTY_WIDE = new Uint32Array(0);

export class AddressHighColumn {
  /** Per chunk: each event's place in the chunk's table (empty once the chunk is wide). */
  private readonly codes: Uint8Array[] = [];
  /** Per chunk: the high words seen, in order (the first `used[c]` are set). */
  private readonly tables: Uint32Array[] = [];
  private readonly used: number[] = [];
  /** Per chunk: the words themselves, for a wide chunk (else empty). */
  private readonly wide: Uint32Array[] = [];
  // The last word written and its code in the chunk being filled: runs of one word cost no search.
  private lastWord = -1;
  private lastCode = 0;
  length = 0;

  get(i: number): number {
    const c = i >>> COLUMN_CHUNK_BITS;
    const w = this.wide[c];
    if (w.length !== 0) return w[i & MASK];
    return this.tables[c][this.codes[c][i & MASK]];
  }

  push(v: number): void {
    const i = this.length;
    const c = i >>> COLUMN_CHUNK_BITS;
    const k = i & MASK;
    if (k === 0) this.addChunk();
    const w = this.wide[c];
    if (w.length !== 0) w[k] = v;
    else if (v === this.lastWord) this.codes[c][k] = this.lastCode;
    else {
      const code = this.codeOf(c, v);
      if (code >= 0) {
        this.codes[c][k] = code;
        this.lastWord = v;
        this.lastCode = code;
      } else this.widen(c, k)[k] = v;
    }
    this.length = i + 1;
  }

  /** push() of values[0..n), a chunk's run at a time. */
  append(values: Uint32Array, n: number): void {
    for (let j = 0; j < n;) {
      const i = this.length;
      const k = i & MASK;
      if (k === 0) this.addChunk();
      const c = i >>> COLUMN_CHUNK_BITS;
      const m = Math.min(n - j, COLUMN_CHUNK - k);
      let t = 0;
      if (this.wide[c].length === 0) {
        const codes = this.codes[c];
        let word = this.lastWord;
        let code = this.lastCode;
        for (; t < m; t++) {
          const v = values[j + t];
          if (v !== word) {
            const found = this.codeOf(c, v);
            if (found < 0) break;
            word = v;
            code = found;
          }
          codes[k + t] = code;
        }
        this.lastWord = word;
        this.lastCode = code;
        if (t < m) this.widen(c, k + t);
      }
      if (t < m) this.wide[c].set(values.subarray(j + t, j + m), k + t);
      this.length = i + m;
      j += m;
    }
  }

  get byteSize(): number {
    let bytes = 0;
    for (let c = 0; c < this.wide.length; c++)
      bytes += this.wide[c].byteLength + this.codes[c].byteLength + this.tables[c].byteLength;
    return bytes;
  }

  private addChunk(): void {
    this.codes.push(new Uint8Array(COLUMN_CHUNK));
    this.tables.push(new Uint32Array(CODES));
    this.used.push(0);
    this.wide.push(EMPTY_WIDE);
    this.lastWord = -1;
  }

  /** v's code in chunk c, added if new; -1 when the table is full. */
  private codeOf(c: number, v: number): number {
    const table = this.tables[c];
    const n = this.used[c];
    for (let j = 0; j < n; j++) if (table[j] === v) return j;
    if (n === CODES) return -1;
    table[n] = v;
    this.used[c] = n + 1;
    return n;
  }

  /** Chunk c, whose first k words are codes, as words from now on. */
  private widen(c: number, k: number): Uint32Array {
    const w = new Uint32Array(COLUMN_CHUNK);
    const codes = this.codes[c];
    const table = this.tables[c];
    for (let j = 0; j < k; j++) w[j] = table[codes[j]];
    this.wide[c] = w;
    this.codes[c] = EMPTY_CODES;
    this.tables[c] = EMPTY_WIDE;
    return w;
  }
}
