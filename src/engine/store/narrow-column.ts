// A column of ids in 2 bytes each while every id fits (type and site ids rarely reach 65,536), and
// in 4 once one does: the first id that does not fit widens every chunk at once, so all chunks are
// always of one kind and a walk over them stays monomorphic.

import { COLUMN_CHUNK, COLUMN_CHUNK_BITS } from './chunked-columns.ts';

const MASK = COLUMN_CHUNK - 1;
const NARROW_MAX = 0xffff;

export class NarrowColumn {
  chunks: Uint16Array[] | Uint32Array[] = [];
  length = 0;
  private wide = false;

  get(i: number): number {
    return this.chunks[i >>> COLUMN_CHUNK_BITS][i & MASK];
  }

  set(i: number, v: number): void {
    this.fit(v);
    this.chunks[i >>> COLUMN_CHUNK_BITS][i & MASK] = v;
  }

  /** Adds an empty chunk; returns it. */
  addChunk(): Uint16Array | Uint32Array {
    if (this.wide) {
      const c = new Uint32Array(COLUMN_CHUNK);
      (this.chunks as Uint32Array[]).push(c);
      return c;
    }
    const c = new Uint16Array(COLUMN_CHUNK);
    (this.chunks as Uint16Array[]).push(c);
    return c;
  }

  /** Makes room for ids up to max; true when that widened the chunks (a held chunk is then stale). */
  fit(max: number): boolean {
    if (max <= NARROW_MAX || this.wide) return false;
    this.chunks = this.chunks.map((c) => Uint32Array.from(c));
    this.wide = true;
    return true;
  }

  get byteSize(): number {
    return this.chunks.length * COLUMN_CHUNK * (this.wide ? 4 : 2);
  }
}
