// The "0x…" text filter on addresses without a string per event. An address shows as "0x" and its
// hex digits without leading zeros, and "x" is no hex digit, so `addressHex(e).includes(needle)`
// is a prefix test: the address's top digits equal the needle's. That is two 32-bit compares.

/** Hex digits of hi·2^32 + lo without leading zeros (1 for 0). */
function hexDigits(hi: number, lo: number): number {
  if (hi !== 0) return 8 + ((35 - Math.clz32(hi)) >> 2);
  return lo === 0 ? 1 : (35 - Math.clz32(lo)) >> 2;
}

/** The needle "0x…" (lower case) as a test on an address's high and low 32 bits. */
export function addressPrefixTest(needle: string): (hi: number, lo: number) => boolean {
  const digits = needle.slice(2);
  const k = digits.length;
  if (k === 0 || k > 16) return () => false;
  const wantHi = k > 8 ? parseInt(digits.slice(0, k - 8), 16) : 0;
  const wantLo = parseInt(digits.slice(Math.max(0, k - 8)), 16);
  return (hi, lo) => {
    const n = hexDigits(hi, lo);
    if (n < k) return false;
    // The top k digits: shift right by the digits below them.
    const s = 4 * (n - k);
    let h: number;
    let l: number;
    if (s === 0) {
      h = hi;
      l = lo;
    } else if (s >= 32) {
      h = 0;
      l = hi >>> (s - 32);
    } else {
      h = hi >>> s;
      l = ((lo >>> s) | (hi << (32 - s))) >>> 0;
    }
    return h === wantHi && l === wantLo;
  };
}
