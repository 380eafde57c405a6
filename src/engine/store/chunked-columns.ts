// Chunked typed-array columns: growth never copies what is stored, and the slack is at most one
// chunk, so a 17M-line log costs its bytes once (a doubling array would briefly need 3x).

import { emptyArrayOf } from '../base/array-kinds.ts';

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export const COLUMN_CHUNK_BITS = CHUNK_BITS;
export const COLUMN_CHUNK = CHUNK;

/** The chunk of a column that holds element i. */
export function chunkOf(i: number): number {
  return i >>> CHUNK_BITS;
}

/** Element i's place in its chunk. */
export function slotOf(i: number): number {
  return i & MASK;
}

// One class per element type, on purpose: a method shared by Int32Array and Uint32Array columns
// would see several array kinds and be compiled polymorphic, which costs on every access.

const NO_INT32 = new Int32Array(0);
const NO_UINT32 = new Uint32Array(0);

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
