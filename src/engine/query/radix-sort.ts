// Stable LSD radix sort of row ids by float keys. Each key becomes an unsigned 64-bit number (a
// hi and a lo word) in the same order, and only the bits that differ between keys are sorted on,
// in digits of at most 12 bits. Whole-number keys (lines, counts, name ranks, addresses, clocks in
// microseconds) are taken relative to the smallest, so 1M rows take one to three passes; other
// keys use their float bits (five or six passes).

const MAX_DIGIT_BITS = 12;
const TWO_32 = 2 ** 32;
const WHOLE_LIMIT = 2 ** 52;

/**
 * Returns `rows` reordered so that keys are ascending (descending when desc), keeping the current
 * order among equal keys. keys[i] belongs to rows[i]. NaN sorts last either way.
 */
export function sortRowsByKey(rows: Uint32Array, keys: Float64Array, desc: boolean): Uint32Array {
  const n = rows.length;
  if (n < 2) return rows.slice();
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  if (wholeNumbers(keys)) wholeWords(keys, desc, hi, lo);
  else floatWords(keys, desc, hi, lo);
  return sortByWords(rows, hi, lo);
}

/** True when every key but NaN is a whole number within ±2^52, so that distances between keys are exact. */
function wholeNumbers(keys: Float64Array): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== Math.floor(k) && k === k) return false;
    if (k > WHOLE_LIMIT || k < -WHOLE_LIMIT) return false;
  }
  return true;
}

/** Words of each key's distance from the smallest (from the largest when desc); NaN after all. */
function wholeWords(keys: Float64Array, desc: boolean, hi: Uint32Array, lo: Uint32Array): void {
  const n = keys.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = keys[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) min = max = 0; // every key is NaN
  const nan = max - min + 1; // at most 2^53: exact, and above every distance
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    let u: number;
    if (k !== k) u = nan;
    else u = desc ? max - k : k - min;
    const h = Math.floor(u / TWO_32);
    hi[i] = h;
    lo[i] = u - h * TWO_32;
  }
}

/**
 * Words whose order as one 64-bit number is the keys' order (reversed when desc), with NaN after
 * everything and -0 equal to 0.
 */
function floatWords(keys: Float64Array, desc: boolean, hi: Uint32Array, lo: Uint32Array): void {
  const n = keys.length;
  const one = new Float64Array(1);
  const words = new Uint32Array(one.buffer);
  for (let i = 0; i < n; i++) {
    let k = keys[i];
    if (k !== k) {
      hi[i] = lo[i] = 0xffffffff; // above +Infinity's 0xfff00000 00000000
      continue;
    }
    if (desc) k = -k;
    one[0] = k === 0 ? 0 : k;
    let h = words[1];
    let l = words[0];
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
}

/** rows stably sorted by the 64-bit numbers (hi, lo), on the bits that vary only. */
function sortByWords(rows: Uint32Array, hi: Uint32Array, lo: Uint32Array): Uint32Array {
  const n = rows.length;
  let orHi = 0;
  let andHi = -1;
  let orLo = 0;
  let andLo = -1;
  for (let i = 0; i < n; i++) {
    orHi |= hi[i];
    andHi &= hi[i];
    orLo |= lo[i];
    andLo &= lo[i];
  }
  const digits = digitsOf((orHi ^ andHi) >>> 0, (orLo ^ andLo) >>> 0);
  const readsLo = (d: Digit) => d.shift < 32;
  const readsHi = (d: Digit) => d.shift + d.bits > 32;
  const count = new Uint32Array(1 << MAX_DIGIT_BITS);
  const digit = new Uint16Array(n);
  let idx = rows.slice();
  let idxNext = new Uint32Array(n);
  let loNext = digits.filter(readsLo).length > 1 ? new Uint32Array(n) : lo;
  let hiNext = digits.some(readsHi) && digits.length > 1 ? new Uint32Array(n) : hi;
  for (let p = 0; p < digits.length; p++) {
    const later = digits.slice(p + 1);
    // A word is carried into the new order while a later pass reads it.
    const carryLo = later.some(readsLo);
    const carryHi = later.some(readsHi);
    digitsInto(digit, hi, lo, digits[p]);
    countingPass(
      digit,
      (1 << digits[p].bits) - 1,
      count,
      idx,
      idxNext,
      carryLo ? lo : null,
      loNext,
      carryHi ? hi : null,
      hiNext,
    );
    [idx, idxNext] = [idxNext, idx];
    if (carryLo) [lo, loNext] = [loNext, lo];
    if (carryHi) [hi, hiNext] = [hiNext, hi];
  }
  return idx;
}

interface Digit {
  /** Lowest bit of the digit in the 64-bit number. */
  shift: number;
  bits: number;
}

/** Digits covering the bits that vary (in hi, lo), lowest first, each at most MAX_DIGIT_BITS wide. */
function digitsOf(varyHi: number, varyLo: number): Digit[] {
  if (varyHi === 0 && varyLo === 0) return [];
  const lowest = (w: number) => 31 - Math.clz32(w & -w);
  const low = varyLo !== 0 ? lowest(varyLo) : 32 + lowest(varyHi);
  const high = varyHi !== 0 ? 63 - Math.clz32(varyHi) : 31 - Math.clz32(varyLo);
  const span = high - low + 1;
  const passes = Math.ceil(span / MAX_DIGIT_BITS);
  const digits: Digit[] = [];
  let shift = low;
  for (let p = 0; p < passes; p++) {
    const bits = Math.ceil((high + 1 - shift) / (passes - p));
    digits.push({ shift, bits });
    shift += bits;
  }
  return digits;
}

/** Each number's digit d, into out. */
function digitsInto(out: Uint16Array, hi: Uint32Array, lo: Uint32Array, d: Digit): void {
  const n = out.length;
  const mask = (1 << d.bits) - 1;
  if (d.shift >= 32) {
    const s = d.shift - 32;
    for (let i = 0; i < n; i++) out[i] = (hi[i] >>> s) & mask;
  } else if (d.shift + d.bits <= 32) {
    const s = d.shift;
    for (let i = 0; i < n; i++) out[i] = (lo[i] >>> s) & mask;
  } else {
    // The digit straddles the words: its low part is lo's top bits.
    const s = d.shift;
    const up = 32 - s;
    for (let i = 0; i < n; i++) out[i] = ((lo[i] >>> s) | (hi[i] << up)) & mask;
  }
}

/**
 * One stable counting pass on the digits (values up to mask): idx goes to idxTo in the new
 * order, and so do a and b when given.
 */
function countingPass(
  digit: Uint16Array,
  mask: number,
  count: Uint32Array,
  idx: Uint32Array,
  idxTo: Uint32Array,
  a: Uint32Array | null,
  aTo: Uint32Array,
  b: Uint32Array | null,
  bTo: Uint32Array,
): void {
  const n = digit.length;
  count.fill(0, 0, mask + 1);
  for (let i = 0; i < n; i++) count[digit[i]]++;
  let sum = 0;
  for (let d = 0; d <= mask; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  // One loop per carried set, so the hot loop has no branch.
  if (a && b) {
    for (let i = 0; i < n; i++) {
      const j = count[digit[i]]++;
      idxTo[j] = idx[i];
      aTo[j] = a[i];
      bTo[j] = b[i];
    }
  } else if (a || b) {
    const c = (a ?? b)!;
    const cTo = a ? aTo : bTo;
    for (let i = 0; i < n; i++) {
      const j = count[digit[i]]++;
      idxTo[j] = idx[i];
      cTo[j] = c[i];
    }
  } else {
    for (let i = 0; i < n; i++) idxTo[count[digit[i]]++] = idx[i];
  }
}

/** Rank of each string in sorted order (code-point order, as Python's sorted()). */
export function stringRanks(strings: readonly string[]): Float64Array {
  const order = strings
    .map((_, i) => i)
    .sort((a, b) => (strings[a] < strings[b] ? -1 : strings[a] > strings[b] ? 1 : 0));
  const rank = new Float64Array(strings.length);
  order.forEach((id, r) => (rank[id] = r));
  return rank;
}
