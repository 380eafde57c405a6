// Right-to-left number readers for right-aligned fixed-width fields (printf %12.6f, %16p, %16ld):
// they stop at the padding, so the leading spaces are never scanned.

const SPACE = 32;

/** Integer ending at e (exclusive) and preceded by padding that starts no earlier than s; NaN if none. */
export function intFromRight(buf: Uint8Array, s: number, e: number): number {
  let v = 0;
  let scale = 1;
  let i = e - 1;
  for (; i >= s; i--) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    v += d * scale;
    scale *= 10;
  }
  if (scale === 1) return NaN;
  if (i >= s) {
    const c = buf[i];
    if (c === 45) {
      v = -v;
      i--;
    } else if (c !== SPACE) return NaN;
    if (i >= s && buf[i] !== SPACE) return NaN;
  }
  return v;
}

/** A %f decimal ending at e; NaN if the field holds anything else. */
export function decimalFromRight(buf: Uint8Array, s: number, e: number): number {
  let frac = 0;
  let scale = 1;
  let i = e - 1;
  for (; i >= s; i--) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    frac += d * scale;
    scale *= 10;
  }
  if (i < s || buf[i] !== 46) return NaN; // '.'
  const int = intFromRight(buf, s, i);
  if (int !== int || int < 0) return NaN;
  // Exactly what parsing the decimal text gives: (int * scale + frac) / scale is correctly rounded.
  return (int * scale + frac) / scale;
}

/** Result words of hexFromRight. */
export const hexWords = { hi: 0, lo: 0 };

/** A `0x…` address ending at e; false if the field holds anything else. */
export function hexFromRight(buf: Uint8Array, s: number, e: number): boolean {
  let lo = 0;
  let hi = 0;
  let shift = 0;
  let i = e - 1;
  for (; i >= s; i--) {
    const c = buf[i];
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else break;
    if (shift < 32) lo = (lo | (d << shift)) >>> 0;
    else if (shift < 64) hi = (hi | (d << (shift - 32))) >>> 0;
    else return false;
    shift += 4;
  }
  if (shift === 0 || i < s + 1 || (buf[i] | 0x20) !== 120 || buf[i - 1] !== 48) return false; // "0x"
  if (i - 2 >= s && buf[i - 2] !== SPACE) return false;
  hexWords.hi = hi;
  hexWords.lo = lo;
  return true;
}
