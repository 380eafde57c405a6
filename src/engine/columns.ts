// Chunked typed-array columns: growth never copies what is stored, and the slack is at most one
// chunk, so a 17M-line log costs its bytes once (a doubling array would briefly need 3x).

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = { new (length: number): T };

class ChunkedColumn<T extends TypedArray> {
  readonly chunks: T[] = [];
  length = 0;
  constructor(private readonly ctor: TypedArrayCtor<T>) {}

  push(value: number): void {
    const i = this.length;
    if ((i & MASK) === 0) this.chunks.push(new this.ctor(CHUNK));
    this.chunks[i >>> CHUNK_BITS][i & MASK] = value;
    this.length = i + 1;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }

  set(i: number, value: number): void {
    this.chunks[i >>> CHUNK_BITS][i & MASK] = value;
  }

  /** Bytes held, slack included. */
  get byteSize(): number {
    let n = 0;
    for (const c of this.chunks) n += c.byteLength;
    return n;
  }
}

export class Float64Column extends ChunkedColumn<Float64Array> {
  constructor() {
    super(Float64Array);
  }
}
export class Int32Column extends ChunkedColumn<Int32Array> {
  constructor() {
    super(Int32Array);
  }
}
export class Uint32Column extends ChunkedColumn<Uint32Array> {
  constructor() {
    super(Uint32Array);
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
