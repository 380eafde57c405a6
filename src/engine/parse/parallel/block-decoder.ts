// Decodes one block of a log file (any byte range) into columns, in a decode worker, so that the
// reading of numbers and names (most of a parse) runs on several cores. Every line the parser's fast
// path would read becomes an event; every other line is kept raw and the parser reads it as usual
// (see LogParser.pushDecoded), so the result is exactly that of a sequential parse. Runs of records
// go to the record kernel (WebAssembly, read/record-kernel.ts) when there is one, as in the parser:
// it is given each Type..Function key with this decoder's combination id once the TypeScript reader
// has read a line with it; without it every line is read in TypeScript, with the same result.

import { GrowableBytes, GrowableInt32 } from '../../base/growable.ts';
import { FixedRecordReader, type NameCombos, type NameSpans, namesOf } from '../../read/fixed-record-reader.ts';
import { recordTagAt } from '../../format/tags.ts';
import type { FixedNumbers } from '../../read/fixed-numbers.ts';
import type { FixedOffsets } from '../../format/layout.ts';
import { MAX_LINE_BYTES } from '../../format/limits.ts';
import { RecordFields } from '../../read/record-fields.ts';
import { KERNEL_WINDOW, KernelStop, RecordKernel } from '../../read/record-kernel.ts';

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
  /** The record kernel, taken on the first block (null: none here, or turned off); see release(). */
  private kernel: RecordKernel | null = null;
  private kernelAsked = false;

  constructor(private readonly fx: FixedOffsets) {}

  /** The parse is over: the kernel goes back to the pool (a decoder may still decode after, in TypeScript). */
  release(): void {
    if (this.kernel !== null) this.kernel.release();
    this.kernel = null;
  }

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
    if (!this.kernelAsked) {
      this.kernelAsked = true;
      this.kernel = RecordKernel.take();
      if (this.kernel !== null) this.kernel.setLayout(fx);
    }
    const kernel = this.kernel;
    if (kernel !== null) kernel.unload();
    for (;;) {
      if (kernel !== null) {
        start = this.kernelRun(kernel, buf, start, ev, n);
        const count = this.kernelCount;
        n += count;
        lines += count;
      }
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
        // The kernel stopped here for a key it did not know: it knows it now, as this combination.
        if (kernel !== null && kernel.stopReason === KernelStop.Names && kernel.stoppedAt === start)
          kernel.addNames(start, out.combo << 1, out.combo);
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

  /** Events the last kernelRun() added. */
  private kernelCount = 0;

  /**
   * The kernel reads records from buf offset `start` on, window by window, into ev from index n on
   * (kernelCount of them); returns where it stopped: the start of a line it does not read, or of one
   * the block does not end (as LogParser.kernelRun).
   */
  private kernelRun(kernel: RecordKernel, buf: Uint8Array, start: number, ev: Events, n: number): number {
    const len = this.fx.length;
    const end = buf.length;
    const hasSizeof = ev.sizeof.length > 0;
    let added = 0;
    for (;;) {
      if (!kernel.holdsRecordAt(start, len)) {
        if (kernel.windowEnd >= end && kernel.windowStart <= start) break;
        kernel.load(buf, start, Math.min(end, start + KERNEL_WINDOW));
      }
      const count = kernel.decode(start, KERNEL_WINDOW);
      if (count > 0) {
        const at = n + added;
        ev.clock.set(kernel.clock.subarray(0, count), at);
        ev.hi.set(kernel.hi.subarray(0, count), at);
        ev.lo.set(kernel.lo.subarray(0, count), at);
        ev.live.set(kernel.live.subarray(0, count), at);
        if (hasSizeof) ev.sizeof.set(kernel.sizeof.subarray(0, count), at);
        ev.rss.set(kernel.rss.subarray(0, count), at);
        // Keys were given as (combo << 1, combo): typeKind's low bit is DEL, site is the combination.
        ev.combo.set(kernel.site.subarray(0, count), at);
        const tk = kernel.typeKind;
        const isDel = ev.isDel;
        for (let i = 0; i < count; i++) isDel[at + i] = tk[i] & 1;
        added += count;
      }
      start = kernel.stoppedAt;
      if (kernel.stopReason !== KernelStop.Window) break;
    }
    this.kernelCount = added;
    return start;
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
    ev: Events,
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

type Events = ReturnType<typeof emptyEvents>;

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
