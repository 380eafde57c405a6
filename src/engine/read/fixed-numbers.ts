// Readers for right-aligned fixed-width fields (printf %12.6f, %16p, %16ld): the value is read
// right to left, then the rest of the field must be padding, so the fast path accepts exactly the
// fields the general parser would read the same way.

const SPACE = 32;
const FOUR_SPACES = 0x20202020;
const NO_BYTES = new Uint8Array(0);

/** Hex digit values by byte, -1 for anything else. */
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = HEX[65 + c] = 10 + c;

/**
 * One per reader (a parser, a decoder): it keeps its own scratch (the view of the buffer being read,
 * the last digit run, the last address's words), so reading a field never allocates.
 */
export class FixedNumbers {
  /** The address words the last successful hex() read. */
  hi = 0;
  lo = 0;
  private viewOf: Uint8Array = NO_BYTES;
  private view: DataView = new DataView(NO_BYTES.buffer);
  /** Where the last digitsFromRight run began (the index before its first digit) and 10^(its digit count). */
  private digitsStart = 0;
  private digitsScale = 1;

  /** Reads from buf from now on; returns a DataView of it (cached while buf stays the same). */
  use(buf: Uint8Array): DataView {
    if (this.viewOf !== buf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.view;
  }

  /** A field of padding then an integer, ending at e; NaN if the field holds anything else. */
  int(buf: Uint8Array, s: number, e: number): number {
    let v = this.digitsFromRight(buf, s, e);
    let i = this.digitsStart;
    if (i === e - 1) return NaN;
    if (i >= s && buf[i] === 45) {
      v = -v;
      i--;
    }
    // Beyond 2^53 a value is not exact: the general reader reports it.
    return this.allSpaces(buf, s, i + 1) && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : NaN;
  }

  /** A field of padding then a %f decimal, ending at e; NaN if the field holds anything else. */
  decimal(buf: Uint8Array, s: number, e: number): number {
    const frac = this.digitsFromRight(buf, s, e);
    const i = this.digitsStart;
    const scale = this.digitsScale;
    if (i < s || buf[i] !== 46) return NaN; // '.'
    const int = this.int(buf, s, i);
    // A negative value (-0.000001 reads as -0 here) is the general reader's to judge.
    if (int !== int || int < 0 || (int === 0 && 1 / int < 0)) return NaN;
    // Exactly what parsing the decimal text gives: (int * scale + frac) / scale is correctly rounded.
    return (int * scale + frac) / scale;
  }

  /** A field of padding then a `0x…` address (up to 16 digits), ending at e, into hi/lo; false otherwise. */
  hex(buf: Uint8Array, s: number, e: number): boolean {
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
    if (!this.allSpaces(buf, s, i - 1)) return false;
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
    return true;
  }

  /** True when buf[s, e) is all spaces, checked 4 bytes at a time. */
  private allSpaces(buf: Uint8Array, s: number, e: number): boolean {
    const view = this.view;
    let i = s;
    for (; i + 4 <= e; i += 4) if (view.getInt32(i, true) !== FOUR_SPACES) return false;
    for (; i < e; i++) if (buf[i] !== SPACE) return false;
    return true;
  }

  /**
   * The value of the decimal digits that end at e (back to the first non-digit or s), exactly as
   * summing digit × 10^k from the right in float64 gives it. The first 9 digits are summed in int32
   * (exact, and cheaper than the float chain), the rest in float64 on top: the same sums in the same order.
   */
  private digitsFromRight(buf: Uint8Array, s: number, e: number): number {
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
    this.digitsStart = i;
    this.digitsScale = fscale;
    return x;
  }
}
