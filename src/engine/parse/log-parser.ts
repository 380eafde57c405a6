// Streaming parser: byte chunks in (split anywhere, even inside a line), events into a LogStore.
// Never builds a string of a whole line unless the line is a message or a problem to report.

import { Int32Column } from '../store/columns.ts';
import { type FixedOffsets, KNOWN_TITLES, type Layout, layoutFromTitles, STANDARD_LAYOUT, standardLayoutFor } from '../format/layout.ts';
import type { LogStore } from '../store/log-store.ts';
import type { ProblemKind } from '../store/notes.ts';
import type { DecodedBlock } from './parallel/block-decoder.ts';
import type { DecodedCombos } from './parallel/decoded-combos.ts';
import { FixedRecordReader, recordTagAt } from '../read/fixed-record-reader.ts';
import { StoreNameCombos } from './store-name-combos.ts';
import { parseDecimal } from '../read/numbers.ts';
import { INCOMPLETE, RecordFields, UNUSABLE, WHOLE, WHOLE_INTERNED } from '../read/record-fields.ts';
import { readContinuation, readRecord } from '../read/record-reader.ts';
import { decodeBytes } from '../base/text.ts';

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;

/** Lines longer than this are reported and only their first bytes are read (records stop at 4095). */
export const MAX_LINE_BYTES = 64 * 1024;
/** pymemtrace formats each record into a 4096-byte buffer: longer records are cut at 4095 bytes. */
const CUT_AT = 4095;
const INTRO_MAX_LINES = 1000;
const INTRO_MAX_CHARS = 64 * 1024;

const enum Tag {
  None,
  New,
  Del,
  Msg,
  Err,
  Hdr,
  Sof,
  Eof,
}

/** What the previous line was, for tagless continuation lines. */
const enum Prev {
  Other,
  Message,
  CutRecord,
}

function tagOf(buf: Uint8Array, s: number, e: number): Tag {
  const n = e - s;
  if (n < 3) return Tag.None;
  const a = buf[s];
  const b = buf[s + 1];
  const c = buf[s + 2];
  if (n === 3) {
    if (a === 83 && b === 79 && c === 70) return Tag.Sof; // SOF
    if (a === 69 && b === 79 && c === 70) return Tag.Eof; // EOF
    return Tag.None;
  }
  if (buf[s + 3] !== 58) return Tag.None; // ':'
  if (a === 78 && b === 69 && c === 87) return Tag.New;
  if (a === 68 && b === 69 && c === 76) return Tag.Del;
  if (a === 77 && b === 83 && c === 71) return Tag.Msg;
  if (a === 69 && b === 82 && c === 82) return Tag.Err;
  if (a === 72 && b === 68 && c === 82) return Tag.Hdr;
  return Tag.None;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
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
  private layout: Layout = STANDARD_LAYOUT;
  private introChars = 0;
  private binaryReported = false;
  private afterEofLines = 0;
  private firstAfterEof = 0;
  /** True once a real HDR line was read (sawHeader is also set when the standard columns are assumed). */
  private headerFromFile = false;
  private triedStandardLayout = false;
  /** A record that could not be read whole: reported once the next line shows whether it was split. */
  private incomplete: { line: number; isDel: boolean; reason: string; long: boolean } | null = null;
  private prev = Prev.Other;
  private lastEvent = -1;
  private lastCutType = '';
  private readonly fileIndex: number;

  // Carry-over of a line split across chunks.
  private carry = new Uint8Array(4096);
  private carryLen = 0;
  private carryTotal = 0;

  /** What the record readers found on the current line (one object, reused). */
  private readonly out = new RecordFields();
  private readonly fixedReader: FixedRecordReader;
  private readonly combos: StoreNameCombos;

  constructor(
    private readonly store: LogStore,
    private readonly options: ParserOptions = {},
  ) {
    this.fileIndex = options.fileIndex ?? 0;
    this.combos = new StoreNameCombos(store);
    this.fixedReader = new FixedRecordReader(this.combos);
  }

  /** The line being read: the last whole line, plus one while a partial line waits for its end. */
  get currentLine(): number {
    return this.lineNo + (this.carryTotal > 0 ? 1 : 0);
  }

  get hasSizeof(): boolean {
    return this.layout.hasSizeof;
  }

  push(chunk: Uint8Array): void {
    this.bytesRead += chunk.length;
    let start = 0;
    const n = chunk.length;
    if (this.carryTotal > 0) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        this.appendCarry(chunk, 0, n);
        return;
      }
      this.appendCarry(chunk, 0, nl);
      this.line(this.carry, 0, this.carryLen, this.carryTotal);
      this.carryLen = 0;
      this.carryTotal = 0;
      start = nl + 1;
    }
    // Hot loop: a NEW/DEL whose values fit their widths goes straight to the fixed-offset reader;
    // every other line takes the general path through line().
    let fixedLen = this.fastLineLength();
    for (;;) {
      // A record the fast path reads whole holds no newline (every byte is checked: see namesOf),
      // so a newline right after fixedLen bytes ends it: no search needed.
      const end = start + fixedLen;
      if (fixedLen > 0 && end < n && chunk[end] === NL && this.fastRecord(chunk, start, this.layout.fixed!)) {
        start = end + 1;
        continue;
      }
      const nl = chunk.indexOf(NL, start);
      if (nl < 0) break;
      const len = nl - start;
      if (len !== fixedLen || !this.fastRecord(chunk, start, this.layout.fixed!)) {
        if (len > MAX_LINE_BYTES) this.line(chunk, start, start + MAX_LINE_BYTES, len);
        else this.line(chunk, start, nl, len);
        fixedLen = this.fastLineLength(); // the line may have been SOF, HDR, EOF or a message
      }
      start = nl + 1;
    }
    if (start < n) this.appendCarry(chunk, start, n);
  }

  /** The fixed-offset layout the fast path reads now (decode workers are given it), or null. */
  get fastLayout(): FixedOffsets | null {
    return this.sawHeader ? this.layout.fixed : null;
  }

  /**
   * A block decoded by a BlockDecoder with fx (this parser's fastLayout when the block was sent):
   * the same as push() of its bytes. Returns -1, or the offset in the block's bytes from which the
   * caller must push() raw bytes instead, because the layout changed (a rare HDR or record problem)
   * and the rest was decoded with the old one.
   */
  pushDecoded(b: DecodedBlock, combos: DecodedCombos, fx: FixedOffsets): number {
    combos.addKeys(b, fx.namesWidth);
    this.push(b.head);
    let pos = b.head.length;
    if (b.lineCount === 0) {
      this.push(b.tail);
      return -1;
    }
    if (this.layout.fixed !== fx) return pos;
    const store = this.store;
    const file = this.fileIndex;
    const lineLen = fx.length + 1;
    const typeOf = this.combos.typeOf;
    const siteOf = this.combos.siteOf;
    const otherLine = b.otherLine;
    let nextOther = otherLine.length > 0 ? otherLine[0] : -1;
    let oth = 0;
    let otherStart = 0;
    let ev = 0;
    // As in push(): the state that allows the fast path changes only with a line read the general way.
    let fast = this.fastLineLength() === fx.length;
    for (let i = 0; i < b.lineCount; i++) {
      if (i === nextOther) {
        const end = b.otherEnd[oth];
        const len = b.otherLength[oth];
        this.bytesRead += len + 1;
        this.line(b.otherBytes, otherStart, end, len);
        otherStart = end;
        pos += len + 1;
        nextOther = ++oth < otherLine.length ? otherLine[oth] : -1;
        if (this.layout.fixed !== fx) return pos;
        fast = this.fastLineLength() === fx.length;
        continue;
      }
      this.bytesRead += lineLen;
      pos += lineLen;
      if (this.sawEof) {
        // Ignored like any line after EOF (its names are not interned either).
        this.ignoreAfterEof(++this.lineNo);
        ev++;
        continue;
      }
      const local = b.combo[ev];
      let c = combos.globalOf(local);
      if (c < 0) {
        c = this.fixedReader.comboOfKey(combos.keyOf(local), fx);
        if (c < 0) {
          // Cannot happen (the worker checked the names the same way), but if it did: read it raw.
          this.bytesRead -= lineLen;
          return pos - lineLen;
        }
        combos.setGlobal(local, c);
      }
      const isDel = b.isDel[ev] === 1;
      const sizeof = b.sizeof.length ? b.sizeof[ev] : 0;
      if (fast) {
        this.lastEvent = store.addEvent(file, ++this.lineNo, isDel, b.clock[ev], b.hi[ev], b.lo[ev], b.live[ev], sizeof, typeOf[c], siteOf[c], b.rss[ev]);
      } else {
        this.decodedRecord(isDel, b.clock[ev], b.hi[ev], b.lo[ev], b.live[ev], sizeof, typeOf[c], siteOf[c], b.rss[ev]);
        fast = this.fastLineLength() === fx.length;
      }
      ev++;
    }
    this.push(b.tail);
    return -1;
  }

  /**
   * What line() does with a NEW/DEL line that the fixed-offset reader reads whole, when the state
   * keeps the fast path off (no SOF or HDR yet, after a message or a cut record; not after EOF).
   */
  private decodedRecord(isDel: boolean, clock: number, hi: number, lo: number, live: number, sizeof: number, typeId: number, siteId: number, rss: number): void {
    const lineNo = ++this.lineNo;
    this.prev = Prev.Other;
    if (this.incomplete) this.flushIncomplete();
    this.recordsStart(lineNo);
    this.lastEvent = this.store.addEvent(this.fileIndex, lineNo, isDel, clock, hi, lo, live, sizeof, typeId, siteId, rss);
  }

  /**
   * Ends the input: a last line without a newline is still read. With readStopped (the input broke
   * off: a damaged gzip, a failed read), the partial last line is an artefact of the break, not of
   * the log, so it is dropped rather than reported as a bad or truncated record.
   */
  finish(readStopped = false): void {
    if (this.carryTotal > 0 && readStopped) {
      this.carryTotal = 0;
      this.carryLen = 0;
    }
    if (this.carryTotal > 0) {
      const total = this.carryTotal;
      this.carryTotal = 0;
      this.line(this.carry, 0, this.carryLen, total);
      this.carryLen = 0;
      this.flushIncomplete();
      // A missing final newline after EOF is harmless, and binary data has no lines to speak of;
      // anywhere else the copy was cut.
      if ((!this.sawEof || this.afterEofLines > 0) && !this.binaryReported)
        this.problem(this.lineNo, 'no-newline', 'last line has no newline: the file may be truncated');
    }
    this.flushIncomplete();
    if (this.afterEofLines > 0)
      this.problem(this.firstAfterEof, 'after-eof', `${this.afterEofLines} line(s) after EOF were ignored, from this line on`);
    const store = this.store;
    const nothing = !this.sawSof && !this.headerFromFile && store.eventCount === 0 && store.notes.msgLine.length === 0;
    if (nothing && this.bytesRead === 0) {
      if (!readStopped) this.problem(0, 'not-a-log', 'the file is empty');
    } else if (nothing) {
      if (!this.binaryReported)
        this.problem(this.lineNo, 'not-a-log', 'no SOF, HDR, NEW, DEL or MSG line: this does not look like a ReferenceTracing log');
    } else if (!this.sawEof) {
      this.problem(
        this.lineNo,
        'no-eof',
        readStopped ? 'no EOF line before the read stopped (see the read error)' : 'no EOF line: the traced process may have crashed; analysed what is there',
      );
    }
  }

  private appendCarry(buf: Uint8Array, s: number, e: number): void {
    this.carryTotal += e - s;
    const room = MAX_LINE_BYTES - this.carryLen;
    const take = Math.min(room, e - s);
    if (take <= 0) return;
    if (this.carryLen + take > this.carry.length) {
      let size = this.carry.length * 2;
      while (size < this.carryLen + take) size *= 2;
      const next = new Uint8Array(Math.min(size, MAX_LINE_BYTES));
      next.set(this.carry.subarray(0, this.carryLen));
      this.carry = next;
    }
    this.carry.set(buf.subarray(s, s + take), this.carryLen);
    this.carryLen += take;
  }

  private problem(line: number, kind: ProblemKind, detail: string): void {
    this.store.notes.addProblem(this.fileIndex, line, kind, detail);
  }

  private text(buf: Uint8Array, s: number, e: number): string {
    return decodeBytes(buf, s, e);
  }

  /** One line, without its newline. realLen > e - s when the line was longer than we keep. */
  private line(buf: Uint8Array, s: number, e: number, realLen: number): void {
    const lineNo = ++this.lineNo;
    if (e > s && buf[e - 1] === CR) e--;
    if (realLen > MAX_LINE_BYTES) {
      this.problem(lineNo, 'too-long', `line of ${realLen.toLocaleString('en-US')} bytes; only its first ${MAX_LINE_BYTES} bytes were read`);
    }
    if (this.sawEof) {
      if (e > s) this.ignoreAfterEof(lineNo);
      return;
    }
    const tag = tagOf(buf, s, e);
    const prev = this.prev;
    this.prev = Prev.Other;
    if (this.incomplete && !(tag === Tag.None && prev === Prev.CutRecord && this.sawSof && e > s)) this.flushIncomplete();
    switch (tag) {
      case Tag.New:
      case Tag.Del:
        this.recordsStart(lineNo);
        this.record(buf, s, e, tag === Tag.Del, lineNo);
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
      this.store.notes.continueMessage(this.text(buf, s, e));
      this.prev = Prev.Message;
      return;
    }
    if (e === s) return; // blank line
    if (prev === Prev.CutRecord && this.completeSplitRecord(buf, s, e, lineNo)) return;
    this.flushIncomplete();
    this.problem(lineNo, 'unknown-line', `not a log line: "${this.text(buf, s, Math.min(e, s + 120))}"`);
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
        this.problem(lineNo, 'not-a-log', 'binary data (NUL bytes) where the opening message should be: is this a log file?');
      }
      return;
    }
    if (this.introLines.length >= INTRO_MAX_LINES || this.introChars >= INTRO_MAX_CHARS) return;
    const text = this.text(buf, s, e);
    this.introChars += text.length;
    this.introLines.push(text);
  }

  private header(buf: Uint8Array, s: number, e: number, lineNo: number): void {
    const titles = this.text(buf, s + 4, e).trim().split(/\s+/).filter(Boolean);
    if (this.headerFromFile) {
      if (titles.join(' ') !== this.headerTitles.join(' '))
        this.problem(lineNo, 'header', `another HDR with different columns (${titles.join(' ')}); keeping the first`);
      return;
    }
    if (this.sawHeader) {
      // Records came first and the standard columns were assumed: keep them, say if this differs.
      this.headerFromFile = true;
      this.headerTitles = titles;
      if (titles.join(' ') !== this.layout.titles.join(' '))
        this.problem(lineNo, 'header', `HDR after the first records, with other columns (${titles.join(' ')}); keeping the standard columns`);
      return;
    }
    this.sawHeader = true;
    this.headerFromFile = true;
    this.headerTitles = titles;
    const layout = layoutFromTitles(titles);
    if (typeof layout === 'string') {
      this.problem(lineNo, 'header', `${layout}; assuming the standard columns`);
      this.layout = STANDARD_LAYOUT;
    } else {
      this.layout = layout;
      const unknown = titles.filter((t) => !KNOWN_TITLES.has(t));
      const missing = ['Line', 'Function', 'RSS'].filter((t) => !titles.includes(t));
      const standard = standardLayoutFor(titles);
      if (unknown.length && standard) {
        // Damaged titles in the standard places (e.g. "Funct1on"): the values are where pymemtrace
        // always writes them, so read the standard columns.
        this.layout = standard;
        this.problem(lineNo, 'header', `unknown column title(s) ${unknown.join(', ')} where the standard ones belong; reading the standard columns`);
      } else if (unknown.length || missing.length) {
        this.problem(lineNo, 'header', [unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '', missing.length ? `no ${missing.join(', ')} column in the HDR` : ''].filter(Boolean).join('; '));
      }
    }
    if (this.layout.hasSizeof && !this.store.sizeof) {
      const sizeof = new Int32Column();
      for (let i = 0; i < this.store.eventCount; i++) sizeof.push(0);
      this.store.sizeof = sizeof;
    }
  }

  private message(buf: Uint8Array, s: number, e: number, isErr: boolean, lineNo: number): void {
    let p = s + 4;
    while (p < e && isBlank(buf[p])) p++;
    const cs = p;
    while (p < e && !isBlank(buf[p])) p++;
    const clock = parseDecimal(buf, cs, p);
    let textStart = p;
    if (clock !== clock) {
      // No clock: keep the whole text, say so.
      this.problem(lineNo, 'bad-record', `${isErr ? 'ERR' : 'MSG'} without a clock`);
      textStart = s + 4;
    } else {
      this.store.noteClock(clock);
    }
    while (textStart < e && isBlank(buf[textStart])) textStart++;
    if (textStart < e && buf[textStart] === HASH) {
      textStart++;
      if (textStart < e && buf[textStart] === SPACE) textStart++;
    }
    const text = this.text(buf, textStart, e);
    this.store.notes.addMessage(this.fileIndex, lineNo, clock === clock ? clock : NaN, isErr, text);
    if (!isErr && this.options.onChildLog) {
      const m = /^Detaching this Reference Tracing file wrapper\. New file: (.+)$/.exec(text);
      if (m) this.options.onChildLog(m[1], lineNo);
    }
  }

  /** Length of the lines the fast path may take now, or -1 while the general path must see every line. */
  private fastLineLength(): number {
    const fixed = this.layout.fixed;
    return fixed !== null && this.sawSof && this.sawHeader && !this.sawEof && this.prev === Prev.Other ? fixed.length : -1;
  }

  /** A NEW/DEL line read at fixed offsets; false (nothing consumed) when it is anything else. */
  private fastRecord(buf: Uint8Array, s: number, fixed: FixedOffsets): boolean {
    const tag = recordTagAt(buf, s);
    if (tag < 0) return false;
    const isDel = tag === 1;
    const out = this.out;
    if (!this.fixedReader.read(buf, s, fixed, out)) return false;
    const c = out.combo;
    this.lastEvent = this.store.addEvent(this.fileIndex, ++this.lineNo, isDel, out.clock, out.hi, out.lo, out.live, out.sizeof, this.combos.typeOf[c], this.combos.siteOf[c], out.rss);
    return true;
  }

  private record(buf: Uint8Array, s: number, e: number, isDel: boolean, lineNo: number): void {
    let ok = this.readAny(buf, s, e);
    if (ok === INCOMPLETE && this.layout !== STANDARD_LAYOUT && !this.triedStandardLayout) {
      // The first record that does not fit the HDR: if it fits the standard columns, the HDR is
      // wrong, not the records. Say so once instead of once per line.
      this.triedStandardLayout = true;
      const fromHeader = this.layout;
      this.layout = STANDARD_LAYOUT;
      ok = this.readAny(buf, s, e);
      if (ok === WHOLE || ok === WHOLE_INTERNED) {
        this.problem(lineNo, 'header', `records do not have the HDR's columns (${fromHeader.titles.join(' ')}); reading them with the standard columns`);
      } else {
        this.layout = fromHeader;
        ok = this.readAny(buf, s, e);
      }
    }
    const out = this.out;
    if (ok === UNUSABLE) {
      this.problem(lineNo, 'bad-record', `${out.error}: "${this.text(buf, s, Math.min(e, s + 160)).replace(/ {2,}/g, ' ')}"`);
      return;
    }
    const store = this.store;
    let typeId = out.typeId;
    let siteId = out.siteId;
    if (ok === INCOMPLETE) {
      typeId = store.types.intern(buf, out.typeS, out.typeE);
      siteId = store.sites.intern(store.files.intern(buf, 0, 0), 0, store.funcs.intern(buf, 0, 0));
    } else if (ok === WHOLE) {
      typeId = store.types.intern(buf, out.typeS, out.typeE);
      siteId = store.sites.intern(store.files.intern(buf, out.fileS, out.fileE), out.line, store.funcs.intern(buf, out.funcS, out.funcE));
    }
    const rss = ok === INCOMPLETE ? NaN : out.rss;
    this.lastEvent = store.addEvent(this.fileIndex, lineNo, isDel, out.clock, out.hi, out.lo, out.live, out.sizeof, typeId, siteId, rss);
    if (ok === INCOMPLETE) {
      this.prev = Prev.CutRecord;
      this.lastCutType = store.types.strings[typeId];
      // pymemtrace cuts records at 4095 bytes; a shorter incomplete record may be the first half of
      // one split by a newline in its type name: the next line decides (see flushIncomplete).
      this.incomplete = { line: lineNo, isDel, reason: out.error, long: e - s >= CUT_AT - 1 };
    }
  }

  /** The fixed-offset reader when the line has the fixed length and fits, else the general one. */
  private readAny(buf: Uint8Array, s: number, e: number): number {
    const fixed = this.layout.fixed;
    const out = this.out;
    if (fixed !== null && e - s === fixed.length && this.fixedReader.read(buf, s, fixed, out)) {
      out.typeId = this.combos.typeOf[out.combo];
      out.siteId = this.combos.siteOf[out.combo];
      return WHOLE_INTERNED;
    }
    return readRecord(buf, s, e, this.layout, out);
  }

  /** Reports the incomplete record of the previous line, now that the next line is known. */
  private flushIncomplete(split = false): void {
    const r = this.incomplete;
    if (!r) return;
    this.incomplete = null;
    const what = `counted as ${r.isDel ? 'DEL' : 'NEW'} of type "${this.lastCutType.slice(0, 80)}"`;
    if (split || r.long) this.problem(r.line, 'cut-short', `record cut short (${split ? 'a newline in its type name' : `at pymemtrace's 4095-byte limit: ${r.reason}`}); ${what}`);
    else this.problem(r.line, 'bad-record', `record with missing or extra columns (${r.reason}); ${what}`);
  }

  /**
   * A type name holding a newline splits one record over two lines: the tagless second line holds
   * the rest of the type and the columns after it. Join them into the record already counted.
   */
  private completeSplitRecord(buf: Uint8Array, s: number, e: number, lineNo: number): boolean {
    const out = this.out;
    if (!readContinuation(buf, s, e, this.layout, out)) return false;
    const store = this.store;
    const fullType = this.lastCutType + '\n' + this.text(buf, out.typeS, out.typeE);
    store.retype(this.lastEvent, store.types.internString(fullType));
    const siteId = store.sites.intern(store.files.intern(buf, out.fileS, out.fileE), out.line, store.funcs.intern(buf, out.funcS, out.funcE));
    store.setSite(this.lastEvent, siteId, out.rss);
    this.flushIncomplete(true);
    this.problem(lineNo, 'split-record', `continues the record of line ${lineNo - 1}: its type name holds a newline; joined`);
    return true;
  }
}
