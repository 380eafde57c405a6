// Event clocks in 4 bytes each instead of 8. The log writes clocks with %12.6f, and the parser reads
// them as N / 10^6, so each chunk keeps whole microseconds as offsets from its own base and gives back
// exactly the number parsed; a chunk that meets any other clock (NaN, -0, a finer fraction, or more than
// ±35 minutes from its base) is kept as float64 from then on.

import { COLUMN_CHUNK, COLUMN_CHUNK_BITS } from './chunked-columns.ts';

const MASK = COLUMN_CHUNK - 1;
/** A chunk's base is its first clock minus this, so offsets reach as far back as forward. */
const HALF = 2 ** 31;
const SPAN = 2 ** 32;
const EMPTY_MICROS = new Uint32Array(0);
const EMPTY_WIDE = new Float64Array(0);

/** Clock v as microseconds after base, or -1 when an offset would not give v back exactly (or v is -0). */
function offsetOf(v: number, base: number): number {
  const us = Math.round(v * 1e6);
  const d = us - base;
  return d >= 0 && d < SPAN && us / 1e6 === v && (v !== 0 || 1 / v > 0) ? d : -1;
}

export class ClockColumn {
  /** Per chunk: microseconds minus the chunk's base (empty once the chunk is wide). */
  private readonly micros: Uint32Array[] = [];
  /** Per chunk: the clocks as parsed, for a wide chunk (else empty). */
  private readonly wide: Float64Array[] = [];
  /** Per chunk: the microseconds that offset 0 stands for. */
  private readonly bases: number[] = [];
  length = 0;

  get(i: number): number {
    const c = i >>> COLUMN_CHUNK_BITS;
    const w = this.wide[c];
    if (w.length !== 0) return w[i & MASK];
    return (this.bases[c] + this.micros[c][i & MASK]) / 1e6;
  }

  push(v: number): void {
    const i = this.length;
    const k = i & MASK;
    if (k === 0) this.addChunk(v);
    this.put(i >>> COLUMN_CHUNK_BITS, k, v);
    this.length = i + 1;
  }

  /** push() of values[0..n), a chunk's run at a time. */
  append(values: Float64Array, n: number): void {
    for (let j = 0; j < n;) {
      const i = this.length;
      const k = i & MASK;
      if (k === 0) this.addChunk(values[j]);
      const c = i >>> COLUMN_CHUNK_BITS;
      const m = Math.min(n - j, COLUMN_CHUNK - k);
      let t = 0;
      if (this.wide[c].length === 0) {
        const micros = this.micros[c];
        const base = this.bases[c];
        for (; t < m; t++) {
          const d = offsetOf(values[j + t], base);
          if (d < 0) break;
          micros[k + t] = d;
        }
        if (t < m) this.widen(c, k + t);
      }
      if (t < m) this.wide[c].set(values.subarray(j + t, j + m), k + t);
      this.length = i + m;
      j += m;
    }
  }

  /** Writes the clocks of events [from, to), all in one chunk, into out at their places in the chunk. */
  readChunk(from: number, to: number, out: Float64Array): void {
    if (to <= from) return;
    const c = from >>> COLUMN_CHUNK_BITS;
    const s = from & MASK;
    const e = s + (to - from);
    const w = this.wide[c];
    if (w.length !== 0) {
      out.set(w.subarray(s, e), s);
      return;
    }
    const m = this.micros[c];
    const base = this.bases[c];
    for (let k = s; k < e; k++) out[k] = (base + m[k]) / 1e6;
  }

  /** True when event i's chunk holds whole microseconds (not float64) far inside float64's exact integers. */
  inWholeMicros(i: number): boolean {
    const c = i >>> COLUMN_CHUNK_BITS;
    return this.wide[c].length === 0 && Math.abs(this.bases[c]) + SPAN < 2 ** 52;
  }

  /** Chunks kept as float64 (the others take half the bytes). */
  get wideChunks(): number {
    let n = 0;
    for (const w of this.wide) if (w.length !== 0) n++;
    return n;
  }

  get byteSize(): number {
    let bytes = 0;
    for (let c = 0; c < this.wide.length; c++) bytes += this.wide[c].byteLength + this.micros[c].byteLength;
    return bytes;
  }

  private addChunk(first: number): void {
    const m = Math.round(first * 1e6);
    const ok = Number.isFinite(m) && Math.abs(m) < 2 ** 52;
    this.bases.push(ok ? m - HALF : 0);
    this.micros.push(ok ? new Uint32Array(COLUMN_CHUNK) : EMPTY_MICROS);
    this.wide.push(ok ? EMPTY_WIDE : new Float64Array(COLUMN_CHUNK));
  }

  private put(c: number, k: number, v: number): void {
    let w = this.wide[c];
    if (w.length === 0) {
      const d = offsetOf(v, this.bases[c]);
      if (d >= 0) {
        this.micros[c][k] = d;
        return;
      }
      w = this.widen(c, k);
    }
    w[k] = v;
  }

  /** Chunk c, whose first k clocks are offsets, as float64 from now on. */
  private widen(c: number, k: number): Float64Array {
    const w = new Float64Array(COLUMN_CHUNK);
    const m = this.micros[c];
    const base = this.bases[c];
    for (let j = 0; j < k; j++) w[j] = (base + m[j]) / 1e6;
    this.wide[c] = w;
    this.micros[c] = EMPTY_MICROS;
    return w;
  }
}
