// The general reader of a NEW/DEL line, by the printf layout: numbers from the left up to Type,
// numbers and Function from the right after File, Type by its 32-character column (or up to the
// next space when a longer name overflowed it), File the rest. Handles every odd line the fixed
// reader declines: overflowing values, extra spaces, missing columns, cut records.

import { Field, type Layout, TYPE_WIDTH } from '../format/layout.ts';
import { parseDecimal, parseHex, parseInteger } from './numbers.ts';
import { INCOMPLETE, type RecordFields, UNUSABLE, WHOLE } from './record-fields.ts';
import { decodeBytes } from '../base/text.ts';

const SPACE = 32;
const LT = 60;
const GT = 62;
/** How far left a `<…>` name with spaces is looked for. */
const ANGLE_NAME_MAX = 256;

/** pymemtrace separates columns with spaces only: a tab is part of a name (a file named `\t=tab.py`). */
function isBlank(c: number): boolean {
  return c === SPACE;
}

/** A long field quoted in a problem: its start, and how long it was. */
function clip(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 24)}… (${text.length} characters)`;
}

function fail(out: RecordFields, reason: string): number {
  out.error = reason;
  return UNUSABLE;
}

/** Reads buf[s, e) (tag included) into out; returns UNUSABLE, WHOLE or INCOMPLETE. */
export function readRecord(buf: Uint8Array, s: number, e: number, layout: Layout, out: RecordFields): number {
  out.typeId = -1;
  out.sizeof = 0;
  out.live = 0;
  let p = s + 4;
  let haveClock = false;
  let haveAddr = false;
  for (let k = 0; k < layout.left.length; k++) {
    while (p < e && isBlank(buf[p])) p++;
    const ts = p;
    while (p < e && !isBlank(buf[p])) p++;
    const f = layout.left[k];
    if (ts === p) return fail(out, `missing ${layout.titles[k]}`);
    if (f === Field.Clock) {
      const v = parseDecimal(buf, ts, p);
      if (v !== v) return fail(out, `bad Clock "${decodeBytes(buf, ts, p)}"`);
      // A clock is CPU seconds since the process began: finite, 0 or more (not -0.000001, not 1e309).
      if (!Number.isFinite(v) || v < 0 || (v === 0 && 1 / v < 0))
        return fail(out, `Clock out of range "${clip(decodeBytes(buf, ts, p))}": a clock is 0 or more seconds`);
      out.clock = v;
      haveClock = true;
    } else if (f === Field.Address) {
      if (!parseHex(buf, ts, p, out)) return fail(out, `bad Address "${decodeBytes(buf, ts, p)}"`);
      haveAddr = true;
    } else if (f === Field.LiveCnt || f === Field.Sizeof) {
      const v = parseInteger(buf, ts, p);
      if (v !== v) return fail(out, `bad ${layout.titles[k]} "${clip(decodeBytes(buf, ts, p))}"`);
      if (f === Field.LiveCnt) out.live = v;
      else out.sizeof = v;
    }
  }
  if (!haveClock || !haveAddr) return fail(out, 'missing Clock or Address');
  const typeStart = p + 1;
  out.rss = NaN;
  out.line = 0;
  // A layout without Function (a damaged HDR) must not leave the last line's offsets behind.
  out.funcS = out.funcE = typeStart;
  if (typeStart >= e) {
    out.typeS = out.typeE = Math.min(typeStart, e);
    out.error = 'no Type';
    return INCOMPLETE;
  }
  let q = e;
  while (q > typeStart && isBlank(buf[q - 1])) q--;
  const right = layout.rightReversed;
  for (let k = 0; k < right.length; k++) {
    const te = q;
    while (q > typeStart && !isBlank(buf[q - 1])) q--;
    const ts = q;
    while (q > typeStart && isBlank(buf[q - 1])) q--;
    let problem = '';
    if (ts === te || q <= typeStart) problem = 'columns missing after Type';
    else if (right[k] === Field.Function) {
      // CPython names some scopes with spaces (`<generic parameters of SupportsAbs>`): take the whole `<…>`.
      if (buf[te - 1] === GT && buf[ts] !== LT) q = angleNameStart(buf, typeStart, q);
      out.funcS = q < ts && buf[q] === LT ? q : ts;
      out.funcE = te;
      if (out.funcS !== ts) while (q > typeStart && isBlank(buf[q - 1])) q--;
    } else if (right[k] === Field.Line || right[k] === Field.Rss || right[k] === Field.DRss) {
      const v = parseInteger(buf, ts, te);
      if (v !== v)
        problem = `${right[k] === Field.Line ? 'Line' : right[k] === Field.Rss ? 'RSS' : 'dRSS'} is not a number`;
      else if (right[k] === Field.Line) out.line = v;
      else if (right[k] === Field.Rss) out.rss = v;
    }
    if (problem) {
      out.error = problem;
      out.rss = NaN;
      typeSpan(buf, typeStart, e, out);
      return INCOMPLETE;
    }
  }
  typeSpan(buf, typeStart, q, out);
  const colEnd = typeStart + TYPE_WIDTH;
  let fs = out.typeE < colEnd && colEnd < q && buf[colEnd] === SPACE ? colEnd + 1 : out.typeE + 1;
  while (fs < q && isBlank(buf[fs])) fs++;
  out.fileS = fs;
  out.fileE = q > fs ? q : fs;
  return WHOLE;
}

/**
 * The start of the `<…>` name whose last word ends just right of `end` (blanks skipped), or `end`
 * when no word starting with `<` is found close enough.
 */
function angleNameStart(buf: Uint8Array, limit: number, end: number): number {
  let p = end;
  const stop = Math.max(limit, end - ANGLE_NAME_MAX);
  while (p > stop) {
    while (p > stop && isBlank(buf[p - 1])) p--;
    let w = p;
    while (w > stop && !isBlank(buf[w - 1])) w--;
    if (w === p) break;
    if (buf[w] === LT) return w;
    if (buf[p - 1] === GT) break;
    p = w;
  }
  return end;
}

/** Type span from ts within [ts, limit): the 32-character column when the byte after it separates, else up to the next space. */
function typeSpan(buf: Uint8Array, ts: number, limit: number, out: RecordFields): void {
  const colEnd = ts + TYPE_WIDTH;
  let te: number;
  if (colEnd < limit && buf[colEnd] === SPACE) {
    te = colEnd;
    while (te > ts && buf[te - 1] === SPACE) te--;
  } else if (colEnd >= limit) {
    te = limit;
    while (te > ts && buf[te - 1] === SPACE) te--;
  } else {
    te = colEnd;
    while (te < limit && buf[te] !== SPACE) te++;
  }
  out.typeS = ts;
  out.typeE = te;
}

/**
 * The tagless second line of a record split by a newline in its type name: the rest of the type,
 * then File, Line, Function, RSS, dRSS. Fills out's typeE (end of the type's rest, which starts at
 * s), file and function spans, line and rss; false if the line is not such a continuation.
 */
export function readContinuation(buf: Uint8Array, s: number, e: number, layout: Layout, out: RecordFields): boolean {
  let q = e;
  while (q > s && isBlank(buf[q - 1])) q--;
  out.line = 0;
  out.rss = NaN;
  out.funcS = out.funcE = s;
  for (const f of layout.rightReversed) {
    const te = q;
    while (q > s && !isBlank(buf[q - 1])) q--;
    const ts = q;
    while (q > s && isBlank(buf[q - 1])) q--;
    if (ts === te) return false;
    if (f === Field.Function) {
      out.funcS = ts;
      out.funcE = te;
    } else if (f === Field.Line || f === Field.Rss || f === Field.DRss) {
      const v = parseInteger(buf, ts, te);
      if (v !== v) return false;
      if (f === Field.Line) out.line = v;
      else if (f === Field.Rss) out.rss = v;
    }
  }
  let te = s;
  while (te < q && buf[te] !== SPACE) te++;
  let fs = te;
  while (fs < q && isBlank(buf[fs])) fs++;
  out.typeS = s;
  out.typeE = te;
  out.fileS = fs;
  out.fileE = q;
  return true;
}
