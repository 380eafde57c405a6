// Streaming parser: byte chunks in (split anywhere, even inside a line), events into a LogStore.
// It splits lines and runs the log's state machine (opening message, SOF, HDR, records, messages,
// EOF); records go to the RecordWriter. Never builds a string of a whole line unless the line is a
// message or a problem to report.

import { decodeBytes } from '../base/text.ts';
import type { FixedOffsets } from '../format/layout.ts';
import { INTRO_MAX_CHARS, INTRO_MAX_LINES, MAX_LINE_BYTES } from '../format/limits.ts';
import { childLogNamed } from '../format/messages.ts';
import { Tag, tagOf } from '../format/tags.ts';
import type { LogStore } from '../store/log-store.ts';
import type { ProblemKind } from '../store/notes.ts';
import { layoutForHeader } from './header.ts';
import { LineCarry } from './line-carry.ts';
import { readMessageLine } from './message-line.ts';
import { RecordWriter } from './record-writer.ts';
import type { DecodedBlock } from './parallel/block-decoder.ts';
import { KERNEL_WINDOW, KernelStop, type RecordKernel } from '../read/record-kernel.ts';

const NL = 10;
const CR = 13;

/** What the previous line was, for tagless continuation lines. */
const enum Prev {
  Other,
  Message,
  CutRecord,
}

export interface ParserOptions {
  /** Index of this file in store.sourceFiles (nested logs merge several). */
  fileIndex?: number;
  /** Called for each detach message naming a child log, so nested logs can be followed. */
  onChildLog?: (path: string, line: number) => void;
}

export class LogParser {
  lineNo = 0;
  bytesRead = 0;
  sawSof = false;
  sawHeader = false;
  sawEof = false;
  introLines: string[] = [];
  headerTitles: string[] = [];
  private introChars = 0;
  private binaryReported = false;
  private afterEofLines = 0;
  private firstAfterEof = 0;
  /** True once a real HDR line was read (sawHeader is also set when the standard columns are assumed). */
  private headerFromFile = false;

  /** True once any line of a log was read (SOF, a real HDR, a NEW/DEL or a MSG/ERR): what finish() calls not a log is false. */
  get sawLogLine(): boolean {
    return this.sawSof || this.headerFromFile || this.store.eventCount > 0 || this.store.notes.msgLine.length > 0;
  }
  private prev = Prev.Other;
  private readonly fileIndex: number;
  private readonly carry = new LineCarry();
  private readonly records: RecordWriter;

  constructor(
    private readonly store: LogStore,
    private readonly options: ParserOptions = {},
  ) {
    this.fileIndex = options.fileIndex ?? 0;
    this.records = new RecordWriter(store, this.fileIndex, (line, kind, detail) => this.problem(line, kind, detail));
  }

  /** The line being read: the last whole line, plus one while a partial line waits for its end. */
  get currentLine(): number {
    return this.lineNo + (this.carry.total > 0 ? 1 : 0);
  }

  get hasSizeof(): boolean {
    return this.records.layout.hasSizeof;
  }

  /** The fixed-offset layout the fast path reads now (decode workers are given it), or null before the HDR. */
  get fastLayout(): FixedOffsets | null {
    return this.sawHeader ? this.records.layout.fixed : null;
  }

  push(chunk: Uint8Array): void {
    this.bytesRead += chunk.length;
    let start = 0;
    const n = chunk.length;
    const carry = this.carry;
    if (carry.total > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        carry.append(chunk, 0, n);
        return;
      }
      carry.append(chunk, 0, nl);
      this.line(carry.bytes, 0, carry.length, carry.total);
      carry.clear();
      start = nl + 1;
    }
    // Hot loop: runs of NEW/DEL lines whose values fit their widths go to the record kernel
    // (WebAssembly) when there is one, else one by one to the fixed-offset reader; every other line
    // takes the general path through line().
    const records = this.records;
    let fixed = this.fastFixed();
    let fixedLen = fixed === null ? -1 : fixed.length;
    let kernel = fixed === null ? null : records.kernelFor(fixed);
    records.newChunk();
    for (;;) {
      if (kernel !== null) start = this.kernelRun(kernel, chunk, start, fixedLen);
      // A record the fast path reads whole holds no newline (every byte is checked: see namesOf),
      // so a newline right after fixedLen bytes ends it: no search needed.
      const end = start + fixedLen;
      if (fixed !== null && end < n && chunk[end] === NL && records.fast(chunk, start, fixed, this.lineNo + 1)) {
        // The kernel stopped here for names it did not know: it knows them now.
        if (kernel !== null && kernel.stopReason === KernelStop.Names && kernel.stoppedAt === start)
          records.teachKernel(kernel, start);
        this.lineNo++;
        start = end + 1;
        continue;
      }
      const nl = chunk.indexOf(NL, start);
      if (nl < 0) break;
      const len = nl - start;
      if (fixed === null || len !== fixedLen || !records.fast(chunk, start, fixed, this.lineNo + 1)) {
        this.line(chunk, start, start + Math.min(len, MAX_LINE_BYTES), len);
        fixed = this.fastFixed(); // the line may have been SOF, HDR, EOF or a message
        fixedLen = fixed === null ? -1 : fixed.length;
        kernel = fixed === null ? null : records.kernelFor(fixed);
      } else {
        this.lineNo++;
      }
      start = nl + 1;
    }
    if (start < n) carry.append(chunk, start, n);
  }

  /**
   * The kernel reads records from chunk offset `start` on, window by window, into the store;
   * returns where it stopped: the start of a line it does not read, or of one the chunk does not end.
   */
  private kernelRun(kernel: RecordKernel, chunk: Uint8Array, start: number, fixedLen: number): number {
    const n = chunk.length;
    for (;;) {
      if (!kernel.holdsRecordAt(start, fixedLen)) {
        // No whole record from start on in the window: copy the next one in, unless it reached the chunk's end.
        if (kernel.windowEnd >= n && kernel.windowStart <= start) return start;
        kernel.load(chunk, start, Math.min(n, start + KERNEL_WINDOW));
      }
      const count = kernel.decode(start, KERNEL_WINDOW);
      if (count > 0) {
        this.records.kernelEvents(kernel, count, this.lineNo + 1);
        this.lineNo += count;
      }
      start = kernel.stoppedAt;
      if (kernel.stopReason !== KernelStop.Window) return start;
    }
  }

  /**
   * Ends the input: a last line without a newline is still read. With readStopped (the input broke
   * off: a damaged gzip, a failed read), the partial last line is an artefact of the break, not of
   * the log, so it is dropped rather than reported as a bad or truncated record.
   */
  finish(readStopped = false): void {
    const carry = this.carry;
    if (carry.total > 0 && readStopped) carry.clear();
    if (carry.total > 0) {
      const total = carry.total;
      carry.total = 0;
      this.line(carry.bytes, 0, carry.length, total);
      carry.clear();
      this.records.flushIncomplete();
      // A missing final newline after EOF is harmless, and binary data has no lines to speak of;
      // anywhere else the copy was cut.
      if ((!this.sawEof || this.afterEofLines > 0) && !this.binaryReported)
        this.problem(this.lineNo, 'no-newline', 'last line has no newline: the file may be truncated');
    }
    this.records.flushIncomplete();
    this.records.releaseKernel();
    if (this.afterEofLines > 0)
      this.problem(
        this.firstAfterEof,
        'after-eof',
        `${this.afterEofLines} line(s) after EOF were ignored, from this line on`,
      );
    const store = this.store;
    const nothing = !this.sawSof && !this.headerFromFile && store.eventCount === 0 && store.notes.msgLine.length === 0;
    if (nothing && this.bytesRead === 0) {
      // A read that stopped before any byte (a gzip header and nothing after it) is not a log either.
      this.problem(0, 'not-a-log', readStopped ? 'nothing could be read (see the read error)' : 'the file is empty');
    } else if (nothing) {
      if (!this.binaryReported)
        this.problem(
          this.lineNo,
          'not-a-log',
          'no SOF, HDR, NEW, DEL or MSG line: this does not look like a ReferenceTracing log',
        );
    } else if (!this.sawEof) {
      this.problem(
        this.lineNo,
        'no-eof',
        readStopped
          ? 'no EOF line before the read stopped (see the read error)'
          : 'no EOF line: the traced process may have crashed; analysed what is there',
      );
    }
  }

  // Replay of lines decoded by a decode worker (parse/parallel/replay.ts): the same steps as push().

  /** A line the decoder kept raw: read the general way. */
  replayLine(buf: Uint8Array, s: number, e: number, realLen: number): void {
    this.bytesRead += realLen + 1;
    this.line(buf, s, e, realLen);
  }

  /** A record line the decoder read whole (lineBytes with its newline), its names as this parser's combination id. */
  replayRecord(
    lineBytes: number,
    isDel: boolean,
    clock: number,
    hi: number,
    lo: number,
    live: number,
    sizeof: number,
    combo: number,
    rss: number,
  ): void {
    this.bytesRead += lineBytes;
    const lineNo = ++this.lineNo;
    if (this.sawEof) {
      this.ignoreAfterEof(lineNo); // its names are not interned either
      return;
    }
    if (this.fastFixed() === null) {
      // What line() does before a record when the state keeps the fast path off (no SOF or HDR yet,
      // after a message or a cut record).
      this.prev = Prev.Other;
      this.records.flushIncomplete();
      this.recordsStart(lineNo);
    }
    this.records.decoded(lineNo, isDel, clock, hi, lo, live, sizeof, combo, rss);
  }

  /** True when replayRecords may take a run of records: the fast path is on, as push() would find it. */
  get replaysRuns(): boolean {
    return this.fastFixed() !== null;
  }

  /**
   * Events [from, from + n) of block b: consecutive record lines the decoder read whole (lineBytes
   * each, newline included), their names already this parser's combination ids. What replayRecord
   * does for each, in one store call. Only while replaysRuns.
   */
  replayRecords(lineBytes: number, b: DecodedBlock, from: number, n: number): void {
    this.bytesRead += lineBytes * n;
    this.records.decodedRun(this.lineNo + 1, b, from, n);
    this.lineNo += n;
  }

  /** This parser's combination id for a Type..Function key a decode worker sent, or -1. */
  comboOfKey(key: Uint8Array, fx: FixedOffsets): number {
    return this.records.comboOfKey(key, fx);
  }

  private problem(line: number, kind: ProblemKind, detail: string): void {
    this.store.notes.addProblem(this.fileIndex, line, kind, detail);
  }

  /** The layout the fast path may read every line with now, or null while the general path must see every line. */
  private fastFixed(): FixedOffsets | null {
    return this.sawSof && this.sawHeader && !this.sawEof && this.prev === Prev.Other ? this.records.layout.fixed : null;
  }

  /** One line, without its newline. realLen > e - s when the line was longer than we keep. */
  private line(buf: Uint8Array, s: number, e: number, realLen: number): void {
    const lineNo = ++this.lineNo;
    if (e > s && buf[e - 1] === CR) e--;
    if (realLen > MAX_LINE_BYTES) {
      this.problem(
        lineNo,
        'too-long',
        `line of ${realLen.toLocaleString('en-US')} bytes; only its first ${MAX_LINE_BYTES} bytes were read`,
      );
    }
    if (this.sawEof) {
      if (e > s) this.ignoreAfterEof(lineNo);
      return;
    }
    const tag = tagOf(buf, s, e);
    const prev = this.prev;
    this.prev = Prev.Other;
    const records = this.records;
    if (records.hasIncomplete && !(tag === Tag.None && prev === Prev.CutRecord && this.sawSof && e > s))
      records.flushIncomplete();
    switch (tag) {
      case Tag.New:
      case Tag.Del:
        this.recordsStart(lineNo);
        if (records.record(buf, s, e, tag === Tag.Del, lineNo)) this.prev = Prev.CutRecord;
        return;
      case Tag.Msg:
      case Tag.Err:
        if (!this.sawSof) this.noSof(lineNo);
        this.message(buf, s, e, tag === Tag.Err, lineNo);
        this.prev = Prev.Message;
        return;
      case Tag.Hdr:
        if (!this.sawSof) this.noSof(lineNo);
        this.header(buf, s, e, lineNo);
        return;
      case Tag.Sof:
        if (this.sawSof) this.problem(lineNo, 'unknown-line', 'second SOF ignored');
        this.sawSof = true;
        return;
      case Tag.Eof:
        this.sawEof = true;
        return;
    }
    if (!this.sawSof) {
      this.intro(buf, s, e, lineNo);
      return;
    }
    if (prev === Prev.Message) {
      this.store.notes.continueMessage(decodeBytes(buf, s, e));
      this.prev = Prev.Message;
      return;
    }
    if (e === s) return; // blank line
    if (prev === Prev.CutRecord && records.completeSplitRecord(buf, s, e, lineNo)) return;
    records.flushIncomplete();
    this.problem(lineNo, 'unknown-line', `not a log line: "${decodeBytes(buf, s, Math.min(e, s + 120))}"`);
  }

  /** A record at lineNo: without SOF or HDR before it, say so (once) and assume the standard columns. */
  private recordsStart(lineNo: number): void {
    if (!this.sawSof) this.noSof(lineNo);
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.problem(lineNo, 'no-header', 'no HDR line before the first record: assuming the standard columns');
    }
  }

  /** A non-empty line after EOF: counted, reported once at the end from the first one. */
  private ignoreAfterEof(lineNo: number): void {
    if (this.afterEofLines++ === 0) this.firstAfterEof = lineNo;
  }

  private noSof(lineNo: number): void {
    this.sawSof = true;
    this.problem(lineNo, 'no-sof', 'no SOF line: data starts here');
  }

  private intro(buf: Uint8Array, s: number, e: number, lineNo: number): void {
    if (buf.subarray(s, e).includes(0)) {
      if (!this.binaryReported) {
        this.binaryReported = true;
        this.problem(
          lineNo,
          'not-a-log',
          'binary data (NUL bytes) where the opening message should be: is this a log file?',
        );
      }
      return;
    }
    if (this.introLines.length >= INTRO_MAX_LINES || this.introChars >= INTRO_MAX_CHARS) return;
    const text = decodeBytes(buf, s, e);
    this.introChars += text.length;
    this.introLines.push(text);
  }

  private header(buf: Uint8Array, s: number, e: number, lineNo: number): void {
    const titles = decodeBytes(buf, s + 4, e)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (this.headerFromFile) {
      if (titles.join(' ') !== this.headerTitles.join(' '))
        this.problem(lineNo, 'header', `another HDR with different columns (${titles.join(' ')}); keeping the first`);
      return;
    }
    this.headerFromFile = true;
    this.headerTitles = titles;
    if (this.sawHeader) {
      // Records came first and the standard columns were assumed: keep them, say if this differs.
      if (titles.join(' ') !== this.records.layout.titles.join(' '))
        this.problem(
          lineNo,
          'header',
          `HDR after the first records, with other columns (${titles.join(' ')}); keeping the standard columns`,
        );
      return;
    }
    this.sawHeader = true;
    const { layout, problem } = layoutForHeader(titles);
    this.records.layout = layout;
    if (problem) this.problem(lineNo, 'header', problem);
    if (layout.hasSizeof) this.store.enableSizeof();
    if (titles.includes('RefCnt') && !titles.includes('LiveCnt')) this.store.countTitle = 'RefCnt';
  }

  private message(buf: Uint8Array, s: number, e: number, isErr: boolean, lineNo: number): void {
    const { clock, text, outOfRange } = readMessageLine(buf, s, e);
    if (outOfRange !== undefined)
      this.problem(
        lineNo,
        'bad-record',
        `${isErr ? 'ERR' : 'MSG'} clock out of range "${outOfRange.length > 40 ? outOfRange.slice(0, 24) + '…' : outOfRange}": read without a clock`,
      );
    else if (clock !== clock) this.problem(lineNo, 'bad-record', `${isErr ? 'ERR' : 'MSG'} without a clock`);
    else this.store.noteClock(clock);
    this.store.notes.addMessage(this.fileIndex, lineNo, clock, isErr, text);
    if (!isErr && this.options.onChildLog) {
      const child = childLogNamed(text);
      if (child !== null) this.options.onChildLog(child, lineNo);
    }
  }
}
