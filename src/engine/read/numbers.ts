// Number parsing straight from bytes, so a record never becomes a string.

const SPACE = 32;
const MINUS = 45;
const DOT = 46;

/** Parses a decimal such as `0.045787` or `-12.5` (-0 for `-0.0`); NaN if the bytes are not one. */
export function parseDecimal(buf: Uint8Array, s: number, e: number): number {
  if (s >= e) return NaN;
  let neg = false;
  if (buf[s] === MINUS) {
    neg = true;
    s++;
  }
  let int = 0;
  let frac = 0;
  let scale = 1;
  let digits = 0;
  let i = s;
  for (; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    int = int * 10 + d;
    digits++;
  }
  if (i < e && buf[i] === DOT) {
    for (i++; i < e; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      frac = frac * 10 + d;
      scale *= 10;
      digits++;
    }
  }
  if (i !== e || digits === 0) return NaN;
  // (int*scale + frac) / scale is exact to the last bit for printf's %f output (< 2^53),
  // so it equals what Python's float() gives for the same text.
  const v = scale === 1 ? int : (int * scale + frac) / scale;
  return neg ? -v : v;
}

/** Parses a decimal integer (optionally negative); NaN if not one, or not exact (beyond 2^53). */
export function parseInteger(buf: Uint8Array, s: number, e: number): number {
  if (s >= e) return NaN;
  let neg = false;
  if (buf[s] === MINUS) {
    neg = true;
    s++;
    if (s >= e) return NaN;
  }
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  if (v > Number.MAX_SAFE_INTEGER) return NaN;
  return neg ? -v : v;
}

/** Parses `0x…` (up to 16 hex digits) into out's hi and lo words; false if the bytes are not such an address. */
export function parseHex(buf: Uint8Array, s: number, e: number, out: { hi: number; lo: number }): boolean {
  if (e - s < 3 || buf[s] !== 48 || (buf[s + 1] | 0x20) !== 120 || e - s > 18) return false;
  let hi = 0;
  let lo = 0;
  for (let i = s + 2; i < e; i++) {
    const c = buf[i];
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else return false;
    hi = ((hi << 4) | (lo >>> 28)) >>> 0;
    lo = ((lo << 4) | d) >>> 0;
  }
  out.hi = hi;
  out.lo = lo;
  return true;
}

export function isSpace(c: number): boolean {
  return c === SPACE || c === 9;
}
