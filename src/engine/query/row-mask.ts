// Row filters as one byte per row id (1 = kept), and applying one to an order. A filtered order is
// a gather through the mask: stable sorting and filtering commute, so filtering a cached sorted
// order gives what sorting the filtered rows would.

import type { GrowableInt32 } from '../base/growable.ts';
import { COLUMN_CHUNK, type Uint32Column } from '../store/chunked-columns.ts';

/** A column of event ids, one per row, as arrays in row order (the column's own chunks: no copy). */
export function eventSegments(col: Uint32Column | GrowableInt32): Uint32Array[] {
  if ('chunks' in col) {
    const out: Uint32Array[] = [];
    for (let base = 0, c = 0; base < col.length; base += COLUMN_CHUNK, c++)
      out.push(col.chunks[c].subarray(0, Math.min(COLUMN_CHUNK, col.length - base)));
    return out;
  }
  // Event ids are never negative: the Int32 buffer read as Uint32 is the same numbers.
  return [new Uint32Array(col.data.buffer, col.data.byteOffset, col.length)];
}

/** A mask by position in `ids` (ascending row ids) as a mask by row id. */
export function byRowId(mask: Uint8Array, ids: Uint32Array): Uint8Array {
  const out = new Uint8Array(ids.length ? ids[ids.length - 1] + 1 : 0);
  for (let i = 0; i < ids.length; i++) out[ids[i]] = mask[i];
  return out;
}

/** The mask of a row predicate (small tables: types, sites, messages, problems). */
export function maskOf(rows: Uint32Array, keep: (r: number) => boolean): Uint8Array {
  let size = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i] >= size) size = rows[i] + 1;
  const out = new Uint8Array(size);
  for (let i = 0; i < rows.length; i++) if (keep(rows[i])) out[rows[i]] = 1;
  return out;
}

/**
 * The rows of `order` the mask keeps, in that order. `scratch` (at least order.length + 1 long)
 * is working space, so that a keystroke on a big table does not allocate one more big array.
 */
export function gather(
  order: Uint32Array,
  mask: Uint8Array,
  scratch: Uint32Array = new Uint32Array(order.length + 1),
): Uint32Array {
  // Rows of a sorted order are read from all over the mask: as bits it is 8 times smaller and
  // stays in the CPU's caches (a 2M-row table: 250 KB), which is most of the cost on big tables.
  const bits = packBits(mask);
  // Branch-free (whether a row is kept is unpredictable): each row is written, and stays when kept.
  const out = scratch;
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    out[n] = r;
    n += (bits[r >>> 5] >>> (r & 31)) & 1;
  }
  return n === order.length ? order : out.slice(0, n);
}

/** Bit r of the result is mask[r] (0 or 1). */
function packBits(mask: Uint8Array): Int32Array {
  const n = mask.length;
  const out = new Int32Array((n + 31) >>> 5);
  for (let w = 0, i = 0; i < n; w++) {
    const end = Math.min(n, i + 32);
    let v = 0;
    for (let b = 0; i < end; i++, b++) v |= mask[i] << b;
    out[w] = v;
  }
  return out;
}
