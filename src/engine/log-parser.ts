// Streaming parser: byte chunks in (split anywhere, even inside a line), events into a LogStore.
// Never builds a string of a whole line unless the line is a message or a problem to report.

import { Int32Column } from './columns.ts';
import { Field, type FixedOffsets, type Layout, layoutFromTitles, STANDARD_LAYOUT, TYPE_WIDTH } from './layout.ts';
import type { LogStore } from './log-store.ts';
import { RawFieldCache } from './raw-field-cache.ts';
import type { ProblemKind } from './notes.ts';
import { decimalFromRight, hexFromRight, hexWords, intFromRight } from './fixed-numbers.ts';
import { hexOut, parseDecimal, parseHex, parseInteger } from './numbers.ts';
import { decodeBytes } from './text.ts';

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

/**
 * Byte offsets, within the 159-byte Type..Function key, of the words hashed: the type's start, the
 * file every 16 bytes, the line and the function's start. Every word is still compared on a hit.
 */
const NAMES_HASH_SAMPLE = Int32Array.from([0, 4, 8, 12, 16, 36, 52, 68, 84, 100, 112, 116, 120, 124]);

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

  // Outputs of parseRecord (fields, not an object per line).
  private rClock = 0;
  private rHi = 0;
  private rLo = 0;
  private rLive = 0;
  private rSizeof = 0;
  private rLine = 0;
  private rRss = NaN;
  private rFuncS = 0;
  private rFuncE = 0;
  private rTypeS = 0;
  private rTypeE = 0;
  private rFileS = 0;
  private rFileE = 0;
  private rError = '';
  /** Set by the fast path, which interns as it parses; -1 otherwise. */
  private rTypeId = -1;
  private rSiteId = -1;
  /** Raw Type..Function bytes to a (type, site) combination of the fast path. */
  private readonly rawNames = new RawFieldCache(NAMES_HASH_SAMPLE);
  private readonly comboType: number[] = [];
  private readonly comboSite: number[] = [];
  private viewOf: Uint8Array | null = null;
  private viewCache: DataView = new DataView(new ArrayBuffer(0));

  constructor(
    private readonly store: LogStore,
    private readonly options: ParserOptions = {},
  ) {
    this.fileIndex = options.fileIndex ?? 0;
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

  /** Ends the input: a last line without a newline is still read. */
  finish(): void {
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
      this.problem(0, 'not-a-log', 'the file is empty');
    } else if (nothing) {
      if (!this.binaryReported)
        this.problem(this.lineNo, 'not-a-log', 'no SOF, HDR, NEW, DEL or MSG line: this does not look like a ReferenceTracing log');
    } else if (!this.sawEof) {
      this.problem(this.lineNo, 'no-eof', 'no EOF line: the traced process may have crashed; analysed what is there');
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
      if (e > s && this.afterEofLines++ === 0) this.firstAfterEof = lineNo;
      return;
    }
    const tag = tagOf(buf, s, e);
    const prev = this.prev;
    this.prev = Prev.Other;
    if (this.incomplete && !(tag === Tag.None && prev === Prev.CutRecord && this.sawSof && e > s)) this.flushIncomplete();
    switch (tag) {
      case Tag.New:
      case Tag.Del:
        if (!this.sawSof) this.noSof(lineNo);
        if (!this.sawHeader) {
          this.sawHeader = true;
          this.problem(lineNo, 'no-header', 'no HDR line before the first record: assuming the standard columns');
        }
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
    if (buf[s + 3] !== 58 || buf[s + 1] !== 69) return false; // "?E?:"
    const a = buf[s];
    const isDel = a === 68 && buf[s + 2] === 76; // DEL
    if (!isDel && !(a === 78 && buf[s + 2] === 87)) return false; // NEW
    if (!this.parseFixed(buf, s, fixed)) return false;
    this.lastEvent = this.store.addEvent(
      this.fileIndex,
      ++this.lineNo,
      isDel,
      this.rClock,
      this.rHi,
      this.rLo,
      this.rLive,
      this.rSizeof,
      this.rTypeId,
      this.rSiteId,
      this.rRss,
    );
    return true;
  }

  private record(buf: Uint8Array, s: number, e: number, isDel: boolean, lineNo: number): void {
    let ok = this.parseRecord(buf, s, e);
    if (ok === 2 && this.layout !== STANDARD_LAYOUT && !this.triedStandardLayout) {
      // The first record that does not fit the HDR: if it fits the standard columns, the HDR is
      // wrong, not the records. Say so once instead of once per line.
      this.triedStandardLayout = true;
      const fromHeader = this.layout;
      this.layout = STANDARD_LAYOUT;
      ok = this.parseRecord(buf, s, e);
      if (ok === 1 || ok === 3) {
        this.problem(lineNo, 'header', `records do not have the HDR's columns (${fromHeader.titles.join(' ')}); reading them with the standard columns`);
      } else {
        this.layout = fromHeader;
        ok = this.parseRecord(buf, s, e);
      }
    }
    if (ok === 0) {
      this.problem(lineNo, 'bad-record', `${this.rError}: "${this.text(buf, s, Math.min(e, s + 160)).replace(/ {2,}/g, ' ')}"`);
      return;
    }
    const store = this.store;
    let typeId: number;
    let siteId: number;
    if (ok === 3) {
      typeId = this.rTypeId;
      siteId = this.rSiteId;
    } else if (ok === 2) {
      typeId = store.types.intern(buf, this.rTypeS, this.rTypeE);
      siteId = store.sites.intern(store.files.intern(buf, 0, 0), 0, store.funcs.intern(buf, 0, 0));
    } else {
      typeId = store.types.intern(buf, this.rTypeS, this.rTypeE);
      const fileId = store.files.intern(buf, this.rFileS, this.rFileE);
      const funcId = store.funcs.intern(buf, this.rFuncS, this.rFuncE);
      siteId = store.sites.intern(fileId, this.rLine, funcId);
    }
    this.lastEvent = store.addEvent(
      this.fileIndex,
      lineNo,
      isDel,
      this.rClock,
      this.rHi,
      this.rLo,
      this.rLive,
      this.rSizeof,
      typeId,
      siteId,
      ok === 2 ? NaN : this.rRss,
    );
    if (ok === 2) {
      this.prev = Prev.CutRecord;
      this.lastCutType = store.types.strings[typeId];
      // pymemtrace cuts records at 4095 bytes; a shorter incomplete record may be the first half of
      // one split by a newline in its type name: the next line decides (see flushIncomplete).
      this.incomplete = { line: lineNo, isDel, reason: this.rError, long: e - s >= CUT_AT - 1 };
    }
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
   * Parses a NEW/DEL line by the printf layout: numbers from the left, numbers and Function from the
   * right, Type by its 32-character column, File the rest. Returns 1 for a whole record, 2 for a
   * record cut short (Clock/Address/LiveCnt read, the rest missing), 0 for an unusable line, and 3
   * for a whole record read by the fast path (type and site already interned).
   */
  private parseRecord(buf: Uint8Array, s: number, e: number): number {
    const layout = this.layout;
    const fixed = layout.fixed;
    if (fixed !== null && e - s === fixed.length && this.parseFixed(buf, s, fixed)) return 3;
    this.rTypeId = -1;
    let p = s + 4;
    this.rSizeof = 0;
    this.rLive = 0;
    let haveClock = false;
    let haveAddr = false;
    for (let k = 0; k < layout.left.length; k++) {
      while (p < e && isBlank(buf[p])) p++;
      const ts = p;
      while (p < e && !isBlank(buf[p])) p++;
      const f = layout.left[k];
      if (ts === p) {
        this.rError = `missing ${layout.titles[k]}`;
        return 0;
      }
      if (f === Field.Clock) {
        const v = parseDecimal(buf, ts, p);
        if (v !== v) return this.fail(`bad Clock "${this.text(buf, ts, p)}"`);
        this.rClock = v;
        haveClock = true;
      } else if (f === Field.Address) {
        if (!parseHex(buf, ts, p)) return this.fail(`bad Address "${this.text(buf, ts, p)}"`);
        this.rHi = hexOut.hi;
        this.rLo = hexOut.lo;
        haveAddr = true;
      } else if (f === Field.LiveCnt || f === Field.Sizeof) {
        const v = parseInteger(buf, ts, p);
        if (v !== v) return this.fail(`bad ${layout.titles[k]} "${this.text(buf, ts, p)}"`);
        if (f === Field.LiveCnt) this.rLive = v;
        else this.rSizeof = v;
      }
    }
    if (!haveClock || !haveAddr) return this.fail('missing Clock or Address');
    const typeStart = p + 1;
    if (typeStart >= e) {
      this.rTypeS = this.rTypeE = typeStart > e ? e : typeStart;
      this.rError = 'no Type';
      return 2;
    }
    // From the right.
    let q = e;
    while (q > typeStart && isBlank(buf[q - 1])) q--;
    let rightOk = true;
    this.rRss = NaN;
    this.rLine = 0;
    // A layout without Function (a damaged HDR) must not leave the last line's offsets behind.
    this.rFuncS = this.rFuncE = typeStart;
    const right = layout.rightReversed;
    for (let k = 0; k < right.length; k++) {
      const te = q;
      while (q > typeStart && !isBlank(buf[q - 1])) q--;
      const ts = q;
      while (q > typeStart && isBlank(buf[q - 1])) q--;
      if (ts === te || q <= typeStart) {
        rightOk = false;
        this.rError = 'columns missing after Type';
        break;
      }
      const f = right[k];
      if (f === Field.Function) {
        this.rFuncS = ts;
        this.rFuncE = te;
      } else if (f === Field.Line) {
        const v = parseInteger(buf, ts, te);
        if (v !== v) {
          rightOk = false;
          this.rError = 'Line is not a number';
          break;
        }
        this.rLine = v;
      } else if (f === Field.Rss || f === Field.DRss) {
        const v = parseInteger(buf, ts, te);
        if (v !== v) {
          rightOk = false;
          this.rError = `${f === Field.Rss ? 'RSS' : 'dRSS'} is not a number`;
          break;
        }
        if (f === Field.Rss) this.rRss = v;
      }
    }
    if (!rightOk) {
      this.typeSpan(buf, typeStart, e);
      return 2;
    }
    // Type: the 32-character column when the byte after it separates, else up to the next space.
    this.typeSpan(buf, typeStart, q);
    let fs = this.rTypeE;
    const colEnd = typeStart + TYPE_WIDTH;
    fs = fs < colEnd && colEnd < q && buf[colEnd] === SPACE ? colEnd + 1 : fs + 1;
    while (fs < q && isBlank(buf[fs])) fs++;
    this.rFileS = fs;
    this.rFileE = q > fs ? q : fs;
    return 1;
  }

  /**
   * The fast path: when the line has exactly the length of a record whose values all fit their
   * printf widths, every field is at a known offset. Anything odd falls back to the general parse.
   */
  private parseFixed(buf: Uint8Array, s: number, fx: FixedOffsets): boolean {
    const sep = fx.separators;
    for (let k = 0; k < sep.length; k++) if (buf[s + sep[k]] !== SPACE) return false;
    const clock = decimalFromRight(buf, s + fx.clock, s + fx.clock + fx.clockWidth);
    if (clock !== clock) return false;
    if (!hexFromRight(buf, s + fx.address, s + fx.address + fx.addressWidth)) return false;
    let live = 0;
    if (fx.liveCnt >= 0) {
      live = intFromRight(buf, s + fx.liveCnt, s + fx.liveCnt + fx.liveCntWidth);
      if (live !== live) return false;
    }
    let sizeof = 0;
    if (fx.sizeof >= 0) {
      sizeof = intFromRight(buf, s + fx.sizeof, s + fx.sizeof + fx.sizeofWidth);
      if (sizeof !== sizeof) return false;
    }
    let rss = NaN;
    if (fx.rss >= 0) {
      rss = intFromRight(buf, s + fx.rss, s + fx.rss + fx.rssWidth);
      if (rss !== rss) return false;
    }
    // dRSS is not kept (it is the RSS change), but a line whose dRSS is not a number is not a record.
    if (fx.drss >= 0) {
      const drss = intFromRight(buf, s + fx.drss, s + fx.drss + fx.drssWidth);
      if (drss !== drss) return false;
    }
    // Type, File, Line and Function are adjacent: one raw key for the (type, site) combination.
    const ts = s + fx.type;
    let combo = this.rawNames.lookup(buf, this.view(buf), ts, fx.namesWidth);
    if (combo < 0) {
      combo = this.internNames(buf, s, fx);
      if (combo < 0) return false;
      this.rawNames.add(buf, ts, fx.namesWidth, combo);
    }
    this.rClock = clock;
    this.rHi = hexWords.hi;
    this.rLo = hexWords.lo;
    this.rLive = live;
    this.rSizeof = sizeof;
    this.rRss = rss;
    this.rTypeId = this.comboType[combo];
    this.rSiteId = this.comboSite[combo];
    return true;
  }

  /** Slow half of the fast path, once per distinct (type, site): trim, intern, remember. */
  private internNames(buf: Uint8Array, s: number, fx: FixedOffsets): number {
    const store = this.store;
    const ts = s + fx.type;
    let te = ts + fx.typeWidth;
    while (te > ts && buf[te - 1] === SPACE) te--;
    if (te === ts || buf[ts] === SPACE) return -1;
    const line = intFromRight(buf, s + fx.line, s + fx.line + fx.lineWidth);
    if (line !== line) return -1;
    const fs = s + fx.file;
    let fe = fs + fx.fileWidth;
    while (fe > fs && buf[fe - 1] === SPACE) fe--;
    const us = s + fx.func;
    let ue = us + fx.funcWidth;
    while (ue > us && buf[ue - 1] === SPACE) ue--;
    if (ue === us || buf[us] === SPACE) return -1;
    // A space inside Function: the general parser reads the last word as Function; let it decide.
    for (let i = us; i < ue; i++) if (buf[i] === SPACE) return -1;
    this.comboType.push(store.types.intern(buf, ts, te));
    this.comboSite.push(store.sites.intern(store.files.intern(buf, fs, fe), line, store.funcs.intern(buf, us, ue)));
    return this.comboType.length - 1;
  }

  /** A DataView over buf, cached for the chunk being parsed. */
  private view(buf: Uint8Array): DataView {
    if (this.viewOf !== buf) {
      this.viewOf = buf;
      this.viewCache = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.viewCache;
  }

  private fail(reason: string): number {
    this.rError = reason;
    return 0;
  }

  /** Sets rTypeS/rTypeE for a type starting at ts, within [ts, limit). */
  private typeSpan(buf: Uint8Array, ts: number, limit: number): void {
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
    this.rTypeS = ts;
    this.rTypeE = te;
  }

  /**
   * A type name holding a newline splits one record over two lines: the tagless second line holds
   * the rest of the type and the columns after it. Join them into the record already counted.
   */
  private completeSplitRecord(buf: Uint8Array, s: number, e: number, lineNo: number): boolean {
    const layout = this.layout;
    let q = e;
    while (q > s && isBlank(buf[q - 1])) q--;
    let line = 0;
    let rss = NaN;
    let funcS = 0;
    let funcE = 0;
    for (const f of layout.rightReversed) {
      const te = q;
      while (q > s && !isBlank(buf[q - 1])) q--;
      const ts = q;
      while (q > s && isBlank(buf[q - 1])) q--;
      if (ts === te) return false;
      if (f === Field.Function) {
        funcS = ts;
        funcE = te;
      } else if (f === Field.Line || f === Field.Rss || f === Field.DRss) {
        const v = parseInteger(buf, ts, te);
        if (v !== v) return false;
        if (f === Field.Line) line = v;
        else if (f === Field.Rss) rss = v;
      }
    }
    // The rest of the type runs to the first space; File is what follows.
    let te = s;
    while (te < q && buf[te] !== SPACE) te++;
    let fs = te;
    while (fs < q && isBlank(buf[fs])) fs++;
    const store = this.store;
    const fullType = this.lastCutType + '\n' + this.text(buf, s, te);
    store.retype(this.lastEvent, store.types.internString(fullType));
    const fileId = store.files.intern(buf, fs, q);
    const funcId = store.funcs.intern(buf, funcS, funcE);
    store.setSite(this.lastEvent, store.sites.intern(fileId, line, funcId), rss);
    this.flushIncomplete(true);
    this.problem(lineNo, 'split-record', `continues the record of line ${lineNo - 1}: its type name holds a newline; joined`);
    return true;
  }
}
