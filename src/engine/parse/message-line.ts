// Reads a MSG:/ERR: line: `MSG: <clock> # <text>`. The text is kept as written (decoded as UTF-8,
// or Latin-1 when it is not valid UTF-8); a line without a clock keeps its whole text.

import { decodeBytes } from '../base/text.ts';
import { parseDecimal } from '../read/numbers.ts';

const SPACE = 32;
const TAB = 9;
const HASH = 35;

export interface MessageLine {
  /** NaN when the line has no clock. */
  clock: number;
  text: string;
}

export function readMessageLine(buf: Uint8Array, s: number, e: number): MessageLine {
  let p = s + 4;
  while (p < e && isBlank(buf[p])) p++;
  const cs = p;
  while (p < e && !isBlank(buf[p])) p++;
  const clock = parseDecimal(buf, cs, p);
  let textStart = clock === clock ? p : s + 4;
  while (textStart < e && isBlank(buf[textStart])) textStart++;
  if (textStart < e && buf[textStart] === HASH) {
    textStart++;
    if (textStart < e && buf[textStart] === SPACE) textStart++;
  }
  return { clock, text: decodeBytes(buf, textStart, e) };
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
