// Stable LSD radix sort of row ids by 64-bit float keys, 16 bits a pass. Sorting 1M rows takes a
// few tens of milliseconds, where Array.prototype.sort with a comparator takes several hundred.

/**
 * Returns `rows` reordered so that keys are ascending (descending when desc), keeping the current
 * order among equal keys. keys[i] belongs to rows[i]. NaN sorts last either way.
 */
export function sortRowsByKey(rows: Uint32Array, keys: Float64Array, desc: boolean): Uint32Array {
  const n = rows.length;
  if (n < 2) return rows.slice();
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = keys[i];
    if (desc) k = -k;
    f[i] = k !== k ? Infinity : k === 0 ? 0 : k; // NaN last; -0 equals 0
  }
  const words = new Uint32Array(f.buffer);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = rows.slice();
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1];
    let l = words[2 * i];
    // Float bits to an unsigned order: flip all bits of negatives, the sign bit of positives.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[i] >>> shift) & 0xffff]++;
    if (count[(src[0] >>> shift) & 0xffff] === n) continue; // every key has this digit: nothing to do
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const d = (src[i] >>> shift) & 0xffff;
      const j = count[d]++;
      hi2[j] = hi[i];
      lo2[j] = lo[i];
      idx2[j] = idx[i];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/** Rank of each string in sorted order (code-point order, as Python's sorted()). */
export function stringRanks(strings: readonly string[]): Float64Array {
  const order = strings.map((_, i) => i).sort((a, b) => (strings[a] < strings[b] ? -1 : strings[a] > strings[b] ? 1 : 0));
  const rank = new Float64Array(strings.length);
  order.forEach((id, r) => (rank[id] = r));
  return rank;
}
