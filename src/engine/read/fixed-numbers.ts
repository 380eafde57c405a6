// Readers for right-aligned fixed-width fields (printf %12.6f, %16p, %16ld): the value is read
// right to left, then the rest of the field must be padding, so the fast path accepts exactly the
// fields the general parser would read the same way. Call useView() with a view of the buffer first.

const SPACE = 32;

const FOUR_SPACES = 0x20202020;

/** The DataView over the buffer being read (set by the caller per chunk): padding is checked 4 bytes at a time. */
let view: DataView = new DataView(new ArrayBuffer(0));
export function useView(dv: DataView): void {
  view = dv;
}

/** True when buf[s, e) is all spaces. */
function allSpaces(buf: Uint8Array, s: number, e: number): boolean {
  let i = s;
  for (; i + 4 <= e; i += 4) if (view.getInt32(i, true) !== FOUR_SPACES) return false;
  for (; i < e; i++) if (buf[i] !== SPACE) return false;
  return true;
}

/** Where the last digitsFromRight run began (the index before its first digit) and 10^(its digit count). */
let digitsStart = 0;
let digitsScale = 1;

/**
 * The value of the decimal digits that end at e (back to the first non-digit or s), exactly as
 * summing digit × 10^k from the right in float64 gives it. The first 9 digits are summed in int32
 * (exact, and cheaper than the float chain), the rest in float64 on top: the same sums in the same order.
 */
function digitsFromRight(buf: Uint8Array, s: number, e: number): number {
  let i = e - 1;
  let v = 0;
  let scale = 1;
  const intStop = e - 9 > s ? e - 9 : s;
  for (; i >= intStop; i--) {
    const d = (buf[i] - 48) | 0;
    if (d >>> 0 > 9) break;
    v = (v + d * scale) | 0;
    scale = (scale * 10) | 0;
  }
  let x = v;
  let fscale = scale;
  if (i === intStop - 1) {
    for (; i >= s; i--) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      x += d * fscale;
      fscale *= 10;
    }
  }
  digitsStart = i;
  digitsScale = fscale;
  return x;
}

/** A field of padding then an integer, ending at e; NaN if the field holds anything else. */
export function intFromRight(buf: Uint8Array, s: number, e: number): number {
  let v = digitsFromRight(buf, s, e);
  let i = digitsStart;
  if (i === e - 1) return NaN;
  if (i >= s && buf[i] === 45) {
    v = -v;
    i--;
  }
  return allSpaces(buf, s, i + 1) ? v : NaN;
}

/** A field of padding then a %f decimal, ending at e; NaN if the field holds anything else. */
export function decimalFromRight(buf: Uint8Array, s: number, e: number): number {
  const frac = digitsFromRight(buf, s, e);
  const i = digitsStart;
  const scale = digitsScale;
  if (i < s || buf[i] !== 46) return NaN; // '.'
  const int = intFromRight(buf, s, i);
  if (int !== int || int < 0) return NaN;
  // Exactly what parsing the decimal text gives: (int * scale + frac) / scale is correctly rounded.
  return (int * scale + frac) / scale;
}

/** Result words of hexFromRight. */
export const hexWords = { hi: 0, lo: 0 };

/** Hex digit values by byte, -1 for anything else. */
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = HEX[65 + c] = 10 + c;

/** A field of padding then a `0x…` address (up to 16 digits), ending at e; false otherwise. */
export function hexFromRight(buf: Uint8Array, s: number, e: number): boolean {
  let lo = 0;
  let hi = 0;
  let i = e - 1;
  const loStop = Math.max(s, e - 8);
  for (; i >= loStop; i--) {
    const d = HEX[buf[i]];
    if (d < 0) break;
    lo |= d << ((e - 1 - i) << 2);
  }
  if (i === e - 1) return false;
  if (i === e - 9) {
    const hiStop = Math.max(s, e - 16);
    for (; i >= hiStop; i--) {
      const d = HEX[buf[i]];
      if (d < 0) break;
      hi |= d << ((e - 9 - i) << 2);
    }
  }
  if (i < s + 1 || (buf[i] | 0x20) !== 120 || buf[i - 1] !== 48) return false; // "0x"
  if (!allSpaces(buf, s, i - 1)) return false;
  hexWords.hi = hi >>> 0;
  hexWords.lo = lo >>> 0;
  return true;
}
