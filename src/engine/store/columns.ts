// Chunked typed-array columns: growth never copies what is stored, and the slack is at most one
// chunk, so a 17M-line log costs its bytes once (a doubling array would briefly need 3x).

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export const COLUMN_CHUNK_BITS = CHUNK_BITS;
export const COLUMN_CHUNK = CHUNK;

// One class per element type, on purpose: a method shared by Float64Array and Uint32Array columns
// would see several array kinds and be compiled polymorphic, which costs on every access.

/**
 * An empty array already in the elements kind it will hold (objects, strings). A plain `[]` starts
 * as small integers and changes kind at its first push, so code optimized on one store's arrays met
 * the next store's (the real parse after the warm-up) in another kind and was thrown away.
 */
export function emptyArrayOf<T extends object | string>(sample: T): T[] {
  const a = [sample];
  a.length = 0;
  return a;
}

/** The same for numbers that leave the small-integer range (RSS values, 32-bit hashes): doubles from the start. */
export function emptyNumberArray(): number[] {
  const a = [0.5];
  a.length = 0;
  return a;
}

const NO_FLOAT64 = new Float64Array(0);
const NO_INT32 = new Int32Array(0);
const NO_UINT32 = new Uint32Array(0);

export class Float64Column {
  readonly chunks: Float64Array[] = emptyArrayOf(NO_FLOAT64);
  length = 0;
  push(v: number): void {
    const i = this.length;
    if ((i & MASK) === 0) this.chunks.push(new Float64Array(CHUNK));
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
    this.length = i + 1;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  set(i: number, v: number): void {
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
  }
  get byteSize(): number {
    return this.chunks.length * CHUNK * 8;
  }
}

export class Int32Column {
  readonly chunks: Int32Array[] = emptyArrayOf(NO_INT32);
  length = 0;
  push(v: number): void {
    const i = this.length;
    if ((i & MASK) === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
    this.length = i + 1;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  set(i: number, v: number): void {
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
  }
  get byteSize(): number {
    return this.chunks.length * CHUNK * 4;
  }
}

export class Uint32Column {
  readonly chunks: Uint32Array[] = emptyArrayOf(NO_UINT32);
  length = 0;
  push(v: number): void {
    const i = this.length;
    if ((i & MASK) === 0) this.chunks.push(new Uint32Array(CHUNK));
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
    this.length = i + 1;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }
  set(i: number, v: number): void {
    this.chunks[i >>> CHUNK_BITS][i & MASK] = v;
  }
  get byteSize(): number {
    return this.chunks.length * CHUNK * 4;
  }
}

/** A small growable typed array (doubling), for side tables whose size is not per line. */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(initial = 16) {
    this.data = new Int32Array(initial);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  /** Grows so that index i exists (zero-filled). */
  ensure(i: number): void {
    if (i < this.data.length) return;
    let n = this.data.length;
    while (n <= i) n *= 2;
    const next = new Int32Array(n);
    next.set(this.data);
    this.data = next;
  }
}

/** A copy of a in a longer array of the same kind (zero-filled after a's end), for tables that grow by doubling. */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}
