// Decodes one block of a log file (any byte range) into columns, in a decode worker, so that the
// reading of numbers and names (most of a parse) runs on several cores. Every line the parser's fast
// path would read becomes an event; every other line is kept raw and the parser reads it as usual
// (see LogParser.pushDecoded), so the result is exactly that of a sequential parse.

import { GrowableBytes, GrowableInt32 } from '../../base/growable.ts';
import { FixedRecordReader, type NameCombos, type NameSpans, namesOf } from '../../read/fixed-record-reader.ts';
import { recordTagAt } from '../../format/tags.ts';
import type { FixedNumbers } from '../../read/fixed-numbers.ts';
import type { FixedOffsets } from '../../format/layout.ts';
import { MAX_LINE_BYTES } from '../../format/limits.ts';
import { RecordFields } from '../../read/record-fields.ts';

const NL = 10;

export interface DecodedBlock {
  /** Bytes up to and including the first newline: the end of the line the previous block began (the whole block if it has no newline). */
  head: Uint8Array;
  /** Whole lines after head, and their bytes (newlines included). */
  lineCount: number;
  middleBytes: number;
  /** The events, in line order. */
  eventCount: number;
  isDel: Uint8Array;
  clock: Float64Array;
  hi: Uint32Array;
  lo: Uint32Array;
  live: Int32Array;
  /** Empty when the layout has no Sizeof. */
  sizeof: Int32Array;
  rss: Float64Array;
  /** Names as this decoder's combination ids (see newComboKeys). */
  combo: Int32Array;
  /** The lines that are not events, in order: index among the block's lines, end of their kept bytes in otherBytes, real length. */
  otherLine: Int32Array;
  otherEnd: Int32Array;
  otherLength: Int32Array;
  otherBytes: Uint8Array;
  /** Keys (namesWidth bytes each) of the combinations first seen in this block; ids from firstNewCombo on. */
  firstNewCombo: number;
  newComboKeys: Uint8Array;
  /** Bytes after the last newline: the start of a line the next block ends. */
  tail: Uint8Array;
}

/** The buffers of a block, to transfer it between threads without copying. */
export function blockBuffers(b: DecodedBlock): ArrayBuffer[] {
  const views = [
    b.head,
    b.isDel,
    b.clock,
    b.hi,
    b.lo,
    b.live,
    b.sizeof,
    b.rss,
    b.combo,
    b.otherLine,
    b.otherEnd,
    b.otherLength,
    b.otherBytes,
    b.newComboKeys,
    b.tail,
  ];
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}

/** One per decode worker and parse: combination ids run on from block to block. */
export class BlockDecoder implements NameCombos {
  private readonly reader = new FixedRecordReader(this);
  private readonly out = new RecordFields();
  private readonly spans: NameSpans = { typeE: 0, fileE: 0, funcE: 0, line: 0 };
  private comboCount = 0;
  private newKeys = new GrowableBytes();

  constructor(private readonly fx: FixedOffsets) {}

  /** NameCombos: a new key gets the next id if the parser's fast path would take it too. */
  add(buf: Uint8Array, ts: number, fx: FixedOffsets, numbers: FixedNumbers): number {
    if (!namesOf(buf, ts, fx, this.spans, numbers)) return -1;
    this.newKeys.append(buf, ts, ts + fx.namesWidth);
    return this.comboCount++;
  }

  decode(buf: Uint8Array): DecodedBlock {
    const fx = this.fx;
    const firstNewCombo = this.comboCount;
    this.newKeys = new GrowableBytes();
    const first = buf.indexOf(NL);
    if (first < 0)
      return this.block(buf.slice(), 0, 0, 0, emptyEvents(0, false), null, firstNewCombo, new Uint8Array(0));
    const capacity = Math.floor((buf.length - first) / (fx.length + 1)) + 1;
    const ev = emptyEvents(capacity, fx.sizeof >= 0);
    const other = {
      line: new GrowableInt32(64),
      end: new GrowableInt32(64),
      length: new GrowableInt32(64),
      bytes: new GrowableBytes(),
    };
    const out = this.out;
    const hasSizeof = fx.sizeof >= 0;
    let n = 0;
    let lines = 0;
    let start = first + 1;
    for (;;) {
      // As in LogParser.push: a record read whole holds no newline, so one right after its fixed
      // length ends it; otherwise search.
      const fixedEnd = start + fx.length;
      let nl = fixedEnd;
      let record = fixedEnd < buf.length && buf[fixedEnd] === NL && this.readRecord(buf, start);
      if (!record) {
        nl = buf.indexOf(NL, start);
        if (nl < 0) break;
        record = nl === fixedEnd && this.readRecord(buf, start);
      }
      const len = nl - start;
      if (record) {
        ev.isDel[n] = buf[start] === 68 ? 1 : 0;
        ev.clock[n] = out.clock;
        ev.hi[n] = out.hi;
        ev.lo[n] = out.lo;
        ev.live[n] = out.live;
        if (hasSizeof) ev.sizeof[n] = out.sizeof;
        ev.rss[n] = out.rss;
        ev.combo[n] = out.combo;
        n++;
      } else {
        other.line.push(lines);
        other.bytes.append(buf, start, start + Math.min(len, MAX_LINE_BYTES));
        other.end.push(other.bytes.length);
        other.length.push(len);
      }
      lines++;
      start = nl + 1;
    }
    return this.block(buf.slice(0, first + 1), lines, start - first - 1, n, ev, other, firstNewCombo, buf.slice(start));
  }

  /** The parser's fastRecord test, then its fixed-offset reader (into this.out): the same code decides. */
  private readRecord(buf: Uint8Array, s: number): boolean {
    return recordTagAt(buf, s) >= 0 && this.reader.read(buf, s, this.fx, this.out);
  }

  private block(
    head: Uint8Array,
    lineCount: number,
    middleBytes: number,
    n: number,
    ev: ReturnType<typeof emptyEvents>,
    other: { line: GrowableInt32; end: GrowableInt32; length: GrowableInt32; bytes: GrowableBytes } | null,
    firstNewCombo: number,
    tail: Uint8Array,
  ): DecodedBlock {
    return {
      head,
      lineCount,
      middleBytes,
      eventCount: n,
      isDel: ev.isDel.subarray(0, n),
      clock: ev.clock.subarray(0, n),
      hi: ev.hi.subarray(0, n),
      lo: ev.lo.subarray(0, n),
      live: ev.live.subarray(0, n),
      sizeof: ev.sizeof.subarray(0, ev.sizeof.length ? n : 0),
      rss: ev.rss.subarray(0, n),
      combo: ev.combo.subarray(0, n),
      otherLine: other ? other.line.take() : new Int32Array(0),
      otherEnd: other ? other.end.take() : new Int32Array(0),
      otherLength: other ? other.length.take() : new Int32Array(0),
      otherBytes: other ? other.bytes.take() : new Uint8Array(0),
      firstNewCombo,
      newComboKeys: this.newKeys.take(),
      tail,
    };
  }
}

function emptyEvents(capacity: number, hasSizeof: boolean) {
  return {
    isDel: new Uint8Array(capacity),
    clock: new Float64Array(capacity),
    hi: new Uint32Array(capacity),
    lo: new Uint32Array(capacity),
    live: new Int32Array(capacity),
    sizeof: new Int32Array(hasSizeof ? capacity : 0),
    rss: new Float64Array(capacity),
    combo: new Int32Array(capacity),
  };
}
