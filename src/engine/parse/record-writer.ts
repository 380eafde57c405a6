// Turns NEW:/DEL: lines into store events: the fixed-offset reader for lines whose values fit their
// widths, the general reader for the rest, and the bookkeeping of records that could not be read
// whole (cut at pymemtrace's 4095-byte limit, or split over two lines by a newline in a type name).

import { CUT_AT } from '../format/limits.ts';
import { recordTagAt } from '../format/tags.ts';
import { type FixedOffsets, type Layout, STANDARD_LAYOUT } from '../format/layout.ts';
import { decodeBytes } from '../base/text.ts';
import { FixedRecordReader } from '../read/fixed-record-reader.ts';
import { RecordKernel } from '../read/record-kernel.ts';
import { INCOMPLETE, RecordFields, UNUSABLE, WHOLE, WHOLE_INTERNED } from '../read/record-fields.ts';
import { readContinuation, readRecord } from '../read/record-reader.ts';
import type { LogStore } from '../store/log-store.ts';
import type { ProblemKind } from '../store/notes.ts';
import { typeKindOf } from '../store/type-kind.ts';
import { StoreNameCombos } from './store-name-combos.ts';
import type { DecodedBlock } from './parallel/block-decoder.ts';

export type ReportProblem = (line: number, kind: ProblemKind, detail: string) => void;

export class RecordWriter {
  /** The layout records are read with: the HDR's, or the standard one when the records do not fit it. */
  layout: Layout = STANDARD_LAYOUT;
  private triedStandardLayout = false;
  /** A record that could not be read whole: reported once the next line shows whether it was split. */
  private incomplete: { line: number; isDel: boolean; reason: string; long: boolean } | null = null;
  private lastEvent = -1;
  private lastCutType = '';
  /** What the record readers found on the current line (one object, reused). */
  private readonly out = new RecordFields();
  private readonly fixedReader: FixedRecordReader;
  private readonly combos: StoreNameCombos;
  private kernel: RecordKernel | null = null;
  private kernelAsked = false;
  /** A decoded run's names as the store's columns want them (see decodedRun). */
  private readonly run = new RunScratch();

  constructor(
    private readonly store: LogStore,
    private readonly fileIndex: number,
    private readonly report: ReportProblem,
  ) {
    this.combos = new StoreNameCombos(store);
    this.fixedReader = new FixedRecordReader(this.combos);
  }

  /** The fast path: a NEW/DEL line of exactly fixed.length bytes at s, stored as event of lineNo; false (nothing stored) when it is anything else. */
  fast(buf: Uint8Array, s: number, fixed: FixedOffsets, lineNo: number): boolean {
    const tag = recordTagAt(buf, s);
    if (tag < 0) return false;
    const isDel = tag === 1;
    const out = this.out;
    if (!this.fixedReader.read(buf, s, fixed, out)) return false;
    const c = out.combo;
    this.lastEvent = this.store.addEvent(
      this.fileIndex,
      lineNo,
      isDel,
      out.clock,
      out.hi,
      out.lo,
      out.live,
      out.sizeof,
      this.combos.typeOf[c],
      this.combos.siteOf[c],
      out.rss,
    );
    return true;
  }

  /** The record kernel set to read this layout (taken on first use), or null when there is none. */
  kernelFor(fixed: FixedOffsets): RecordKernel | null {
    if (!this.kernelAsked) {
      this.kernelAsked = true;
      this.kernel = RecordKernel.take();
    }
    const k = this.kernel;
    if (k !== null) k.setLayout(fixed);
    return k;
  }

  /** A new chunk: the kernel's window (if it has one) holds the chunk before, whatever path reads the first lines. */
  newChunk(): void {
    if (this.kernel !== null) this.kernel.unload();
  }

  /** Stores the kernel's last n events, of consecutive lines from firstLine on. */
  kernelEvents(k: RecordKernel, n: number, firstLine: number): void {
    this.lastEvent = this.store.addEvents(
      this.fileIndex,
      firstLine,
      n,
      k.clock,
      k.hi,
      k.lo,
      k.live,
      k.sizeof,
      k.typeKind,
      k.site,
      k.rss,
    );
  }

  /** After fast() read the record at chunk offset `at` (in the kernel's window): the kernel reads its names from now on. */
  teachKernel(k: RecordKernel, at: number): void {
    const c = this.out.combo;
    k.addNames(at, typeKindOf(this.combos.typeOf[c], false), this.combos.siteOf[c]);
  }

  /** The parse is over: the kernel goes back to the pool. */
  releaseKernel(): void {
    if (this.kernel !== null) this.kernel.release();
    this.kernel = null;
  }

  /** An event decoded elsewhere (a decode worker), its names given as this writer's combination id. */
  decoded(
    lineNo: number,
    isDel: boolean,
    clock: number,
    hi: number,
    lo: number,
    live: number,
    sizeof: number,
    combo: number,
    rss: number,
  ): void {
    this.lastEvent = this.store.addEvent(
      this.fileIndex,
      lineNo,
      isDel,
      clock,
      hi,
      lo,
      live,
      sizeof,
      this.combos.typeOf[combo],
      this.combos.siteOf[combo],
      rss,
    );
  }

  /** Events [from, from + n) of a decoded block, of consecutive lines from firstLine on, their names this writer's combination ids. */
  decodedRun(firstLine: number, b: DecodedBlock, from: number, n: number): void {
    const run = this.run.fit(n);
    const { typeOf, siteOf } = this.combos;
    const tk = run.typeKind;
    const site = run.site;
    for (let i = 0; i < n; i++) {
      const c = b.combo[from + i];
      tk[i] = typeKindOf(typeOf[c], b.isDel[from + i] === 1);
      site[i] = siteOf[c];
    }
    const to = from + n;
    this.lastEvent = this.store.addEvents(
      this.fileIndex,
      firstLine,
      n,
      b.clock.subarray(from, to),
      b.hi.subarray(from, to),
      b.lo.subarray(from, to),
      b.live.subarray(from, to),
      b.sizeof.length > 0 ? b.sizeof.subarray(from, to) : run.zeros,
      tk,
      site,
      b.rss.subarray(from, to),
    );
  }

  /** This writer's combination id of a Type..Function key a decode worker sent, or -1 when the general reader must decide. */
  comboOfKey(key: Uint8Array, fx: FixedOffsets): number {
    return this.fixedReader.comboOfKey(key, fx);
  }

  /** Any NEW/DEL line, by the general reader when needed; true when the record was cut short (the next line may continue it). */
  record(buf: Uint8Array, s: number, e: number, isDel: boolean, lineNo: number): boolean {
    let ok = this.readAny(buf, s, e);
    if (ok === INCOMPLETE && this.layout !== STANDARD_LAYOUT && !this.triedStandardLayout) {
      // The first record that does not fit the HDR: if it fits the standard columns, the HDR is
      // wrong, not the records. Say so once instead of once per line.
      this.triedStandardLayout = true;
      const fromHeader = this.layout;
      this.layout = STANDARD_LAYOUT;
      ok = this.readAny(buf, s, e);
      if (ok === WHOLE || ok === WHOLE_INTERNED) {
        this.report(
          lineNo,
          'header',
          `records do not have the HDR's columns (${fromHeader.titles.join(' ')}); reading them with the standard columns`,
        );
      } else {
        this.layout = fromHeader;
        ok = this.readAny(buf, s, e);
      }
    }
    const out = this.out;
    if (ok === UNUSABLE) {
      this.report(
        lineNo,
        'bad-record',
        `${out.error}: "${decodeBytes(buf, s, Math.min(e, s + 160)).replace(/ {2,}/g, ' ')}"`,
      );
      return false;
    }
    const store = this.store;
    let typeId = out.typeId;
    let siteId = out.siteId;
    if (ok === INCOMPLETE) {
      typeId = store.internType(buf, out.typeS, out.typeE);
      siteId = store.internSite(buf, 0, 0, 0, 0, 0);
    } else if (ok === WHOLE) {
      typeId = store.internType(buf, out.typeS, out.typeE);
      siteId = store.internSite(buf, out.fileS, out.fileE, out.line, out.funcS, out.funcE);
    }
    const rss = ok === INCOMPLETE ? NaN : out.rss;
    this.lastEvent = store.addEvent(
      this.fileIndex,
      lineNo,
      isDel,
      out.clock,
      out.hi,
      out.lo,
      out.live,
      out.sizeof,
      typeId,
      siteId,
      rss,
    );
    if (ok !== INCOMPLETE) return false;
    this.lastCutType = store.types.strings[typeId];
    // pymemtrace cuts records at 4095 bytes; a shorter incomplete record may be the first half of
    // one split by a newline in its type name: the next line decides (see flushIncomplete).
    this.incomplete = { line: lineNo, isDel, reason: out.error, long: e - s >= CUT_AT - 1 };
    return true;
  }

  get hasIncomplete(): boolean {
    return this.incomplete !== null;
  }

  /** Reports the incomplete record of the previous line, now that the next line is known. */
  flushIncomplete(split = false): void {
    const r = this.incomplete;
    if (!r) return;
    this.incomplete = null;
    const what = `counted as ${r.isDel ? 'DEL' : 'NEW'} of type "${this.lastCutType.slice(0, 80)}"`;
    if (split || r.long)
      this.report(
        r.line,
        'cut-short',
        `record cut short (${split ? 'a newline in its type name' : `at pymemtrace's 4095-byte limit: ${r.reason}`}); ${what}`,
      );
    else this.report(r.line, 'bad-record', `record with missing or extra columns (${r.reason}); ${what}`);
  }

  /**
   * A type name holding a newline splits one record over two lines: the tagless second line holds
   * the rest of the type and the columns after it. Joins them into the record already counted.
   */
  completeSplitRecord(buf: Uint8Array, s: number, e: number, lineNo: number): boolean {
    const out = this.out;
    if (!readContinuation(buf, s, e, this.layout, out)) return false;
    const store = this.store;
    const fullType = this.lastCutType + '\n' + decodeBytes(buf, out.typeS, out.typeE);
    store.retype(this.lastEvent, store.types.internString(fullType));
    store.setSite(this.lastEvent, store.internSite(buf, out.fileS, out.fileE, out.line, out.funcS, out.funcE), out.rss);
    this.flushIncomplete(true);
    this.report(
      lineNo,
      'split-record',
      `continues the record of line ${lineNo - 1}: its type name holds a newline; joined`,
    );
    return true;
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
}

/** Scratch columns for a run of decoded events, grown to the longest run and reused. */
class RunScratch {
  typeKind = new Uint32Array(0);
  site = new Uint32Array(0);
  zeros = new Int32Array(0);

  fit(n: number): RunScratch {
    if (this.typeKind.length < n) {
      const size = Math.max(n, this.typeKind.length * 2, 1024);
      this.typeKind = new Uint32Array(size);
      this.site = new Uint32Array(size);
      this.zeros = new Int32Array(size);
    }
    return this;
  }
}
