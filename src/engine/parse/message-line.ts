// Reads a MSG:/ERR: line: `MSG: <clock> # <text>`. The text is kept as written (decoded as UTF-8,
// or Latin-1 when it is not valid UTF-8); a line without a clock keeps its whole text.

import { decodeBytes } from '../base/text.ts';
import { parseDecimal } from '../read/numbers.ts';

const SPACE = 32;
const TAB = 9;
const HASH = 35;

export interface MessageLine {
  /** NaN when the line has no clock (or one out of range). */
  clock: number;
  text: string;
  /** The clock's text when it is a number out of range (infinite, negative). */
  outOfRange?: string;
}

export function readMessageLine(buf: Uint8Array, s: number, e: number): MessageLine {
  let p = s + 4;
  while (p < e && isBlank(buf[p])) p++;
  const cs = p;
  while (p < e && !isBlank(buf[p])) p++;
  const read = parseDecimal(buf, cs, p);
  const inRange = Number.isFinite(read) && read >= 0 && !(read === 0 && 1 / read < 0);
  const clock = inRange ? read : NaN;
  let textStart = read === read ? p : s + 4;
  while (textStart < e && isBlank(buf[textStart])) textStart++;
  if (textStart < e && buf[textStart] === HASH) {
    textStart++;
    if (textStart < e && buf[textStart] === SPACE) textStart++;
  }
  const text = decodeBytes(buf, textStart, e);
  return read === read && !inRange ? { clock, text, outOfRange: decodeBytes(buf, cs, p) } : { clock, text };
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
