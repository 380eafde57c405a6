// The fast path: a NEW/DEL line whose values all fit their printf widths has exactly the layout's
// fixed length, and every field sits at a known offset. Numbers are read right to left; the 159
// raw bytes from Type to Function are looked up as one key, so names are trimmed and interned only
// once per distinct (type, site). Anything odd returns false and the general reader decides.

import { FixedNumbers } from './fixed-numbers.ts';
import type { FixedOffsets } from '../format/layout.ts';
import { RawFieldCache } from './raw-field-cache.ts';
import type { RecordFields } from './record-fields.ts';

const SPACE = 32;

/**
 * Byte offsets, within the Type..Function key, of the words hashed: the type's start, the file every
 * 16 bytes, the line and the function's start. Every word is still compared on a hit.
 */
const NAMES_HASH_SAMPLE = Int32Array.from([0, 4, 8, 12, 16, 36, 52, 68, 84, 100, 112, 116, 120, 124]);

/** Where the names end once trimmed (set by namesOf). */
export interface NameSpans {
  typeE: number;
  fileE: number;
  funcE: number;
  line: number;
}

/**
 * The trimmed names of the Type..Function key starting at ts, into spans; false when the general
 * reader must decide (an empty name, a leading space, a space inside Function, no line number, a
 * newline anywhere: the other fields' readers reject one too, so a record read whole holds none).
 * A pure function of the bytes, so a decode worker and the parser agree on every line; `numbers`
 * must be reading buf (see FixedNumbers.use).
 */
export function namesOf(
  buf: Uint8Array,
  ts: number,
  fx: FixedOffsets,
  spans: NameSpans,
  numbers: FixedNumbers,
): boolean {
  for (let i = ts, e = ts + fx.namesWidth; i < e; i++) if (buf[i] === 10) return false;
  let te = ts + fx.typeWidth;
  while (te > ts && buf[te - 1] === SPACE) te--;
  if (te === ts || buf[ts] === SPACE) return false;
  const ls = ts + (fx.line - fx.type);
  const line = numbers.int(buf, ls, ls + fx.lineWidth);
  if (line !== line) return false;
  const fs = ts + (fx.file - fx.type);
  let fe = fs + fx.fileWidth;
  while (fe > fs && buf[fe - 1] === SPACE) fe--;
  const us = ts + (fx.func - fx.type);
  let ue = us + fx.funcWidth;
  while (ue > us && buf[ue - 1] === SPACE) ue--;
  if (ue === us || buf[us] === SPACE) return false;
  // A space inside Function: the general reader takes the last word as Function; let it decide.
  for (let i = us; i < ue; i++) if (buf[i] === SPACE) return false;
  spans.typeE = te;
  spans.fileE = fe;
  spans.funcE = ue;
  spans.line = line;
  return true;
}

/** Gives ids to distinct Type..Function keys (the parser interns the names; a decode worker numbers them). */
export interface NameCombos {
  /** Called once per distinct key starting at ts (numbers is reading buf): its id, or -1 when the general reader must decide. */
  add(buf: Uint8Array, ts: number, fx: FixedOffsets, numbers: FixedNumbers): number;
}

export class FixedRecordReader {
  /** Raw Type..Function bytes to a combination id. */
  private readonly rawNames = new RawFieldCache(NAMES_HASH_SAMPLE);
  private readonly numbers = new FixedNumbers();

  constructor(private readonly combos: NameCombos) {}

  /** Reads the record starting at s (its length is fx.length) into out (out.combo: the names); false if it is not one. */
  read(buf: Uint8Array, s: number, fx: FixedOffsets, out: RecordFields): boolean {
    const num = this.numbers;
    const dv = num.use(buf);
    const sep = fx.separators;
    for (let k = 0; k < sep.length; k++) if (buf[s + sep[k]] !== SPACE) return false;
    const clock = num.decimal(buf, s + fx.clock, s + fx.clock + fx.clockWidth);
    if (clock !== clock) return false;
    if (!num.hex(buf, s + fx.address, s + fx.address + fx.addressWidth)) return false;
    let live = 0;
    if (fx.liveCnt >= 0) {
      live = num.int(buf, s + fx.liveCnt, s + fx.liveCnt + fx.liveCntWidth);
      if (live !== live) return false;
    }
    let sizeof = 0;
    if (fx.sizeof >= 0) {
      sizeof = num.int(buf, s + fx.sizeof, s + fx.sizeof + fx.sizeofWidth);
      if (sizeof !== sizeof) return false;
    }
    let rss = NaN;
    if (fx.rss >= 0) {
      rss = num.int(buf, s + fx.rss, s + fx.rss + fx.rssWidth);
      if (rss !== rss) return false;
    }
    // dRSS is not kept (it is the RSS change), but a line whose dRSS is not a number is not a record.
    if (fx.drss >= 0) {
      const drss = num.int(buf, s + fx.drss, s + fx.drss + fx.drssWidth);
      if (drss !== drss) return false;
    }
    const combo = this.comboAt(buf, dv, s + fx.type, fx);
    if (combo < 0) return false;
    out.clock = clock;
    out.hi = num.hi;
    out.lo = num.lo;
    out.live = live;
    out.sizeof = sizeof;
    out.rss = rss;
    out.combo = combo;
    return true;
  }

  /** The combination id of a key held alone in `key` (as a decode worker sends it), or -1. */
  comboOfKey(key: Uint8Array, fx: FixedOffsets): number {
    return this.comboAt(key, this.numbers.use(key), 0, fx);
  }

  private comboAt(buf: Uint8Array, dv: DataView, ts: number, fx: FixedOffsets): number {
    let combo = this.rawNames.lookup(buf, dv, ts, fx.namesWidth);
    if (combo < 0) {
      combo = this.combos.add(buf, ts, fx, this.numbers);
      if (combo < 0) return -1;
      this.rawNames.add(buf, ts, fx.namesWidth, combo);
    }
    return combo;
  }
}
