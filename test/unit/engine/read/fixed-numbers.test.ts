import { describe, expect, it } from 'vitest';
import { Rng } from '../../../support/fuzz.ts';
import { FixedNumbers } from '../../../../src/engine/read/fixed-numbers.ts';

const numbers = new FixedNumbers();

// The readers before the int32 fast digits: a float64 sum of digit × 10^k from the right. The new
// code must give the same value (bit for bit, -0 included) or NaN for every field. Since issue 26
// a value beyond 2^53 (not exact) and a negative clock (-0.000001 included) are NaN: the general
// reader reports them.
function oracleInt(buf: Uint8Array, s: number, e: number): number {
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
  if (i >= s && buf[i] === 45) {
    v = -v;
    i--;
  }
  for (let j = s; j <= i; j++) if (buf[j] !== 32) return NaN;
  return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : NaN;
}

function oracleDecimal(buf: Uint8Array, s: number, e: number): number {
  let frac = 0;
  let scale = 1;
  let i = e - 1;
  for (; i >= s; i--) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    frac += d * scale;
    scale *= 10;
  }
  if (i < s || buf[i] !== 46) return NaN;
  const int = oracleInt(buf, s, i);
  if (int !== int || int < 0 || Object.is(int, -0)) return NaN;
  return (int * scale + frac) / scale;
}

/** A right-aligned field of `width` bytes: padding, then digits of random count, maybe a sign, a dot or junk. */
function field(rnd: () => number, width: number, decimal: boolean): string {
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
  let text = (rnd() < 0.1 ? '-' : '') + digits(Math.floor(rnd() * (width + 1)));
  if (decimal && rnd() < 0.9) text = digits(Math.floor(rnd() * 8)) + '.' + digits(Math.floor(rnd() * 10));
  if (rnd() < 0.1 && text.length > 0) {
    const at = Math.floor(rnd() * text.length);
    text = text.slice(0, at) + ' x-.+9\t'[Math.floor(rnd() * 7)] + text.slice(at + 1);
  }
  return text.length >= width ? text.slice(text.length - width) : ' '.repeat(width - text.length) + text;
}

describe('fixed-width number readers', () => {
  for (const width of [1, 2, 8, 9, 10, 12, 16, 20, 24]) {
    it(`read every ${width}-byte field as the float64 digit sum did`, () => {
      const rng = new Rng(width);
      const rnd = () => rng.next();
      for (let k = 0; k < 4000; k++) {
        const decimal = k % 2 === 1;
        const text = field(rnd, width, decimal);
        const buf = new TextEncoder().encode(`#${text}#`);
        numbers.use(buf);
        const got = decimal ? numbers.decimal(buf, 1, 1 + width) : numbers.int(buf, 1, 1 + width);
        const want = decimal ? oracleDecimal(buf, 1, 1 + width) : oracleInt(buf, 1, 1 + width);
        if (!Object.is(got, want)) expect({ text, decimal, got }).toEqual({ text, decimal, got: want });
      }
    });
  }

  it('reads the values a log holds', () => {
    const cases: [string, number][] = [
      ['               0', 0],
      ['              -0', -0],
      ['      4294967296', 4294967296],
      ['9007199254740991', 9007199254740991],
      ['9007199254740993', NaN], // not exact: the general reader reports it
      [' 123456789012345', 123456789012345],
    ];
    for (const [text, want] of cases) {
      const buf = new TextEncoder().encode(text);
      numbers.use(buf);
      expect(Object.is(numbers.int(buf, 0, buf.length), want)).toBe(true);
    }
    const clock = new TextEncoder().encode('    0.812410');
    numbers.use(clock);
    expect(numbers.decimal(clock, 0, clock.length)).toBe(0.81241);
  });
});
