// The columnar store of one analysis: one slot per NEW/DEL event in typed-array columns (about
// 28 bytes an event), plus the seed's bookkeeping (live map, pairs, untracked, duplicates, per-type
// counts) kept as the events arrive, so partial results are always consistent.

import { AddressMap } from './address-map.ts';
import { emptyNumberArray } from '../base/array-kinds.ts';
import { GrowableInt32 } from '../base/growable.ts';
import { chunkOf, COLUMN_CHUNK, Float64Column, Int32Column, slotOf, Uint32Column } from './columns.ts';
import { ByteInterner } from './interner.ts';
import { Notes } from './notes.ts';
import { isDelOf, typeIdOf, typeKindOf } from './type-kind.ts';
import { SiteTable } from './site-table.ts';

export class LogStore {
  // Names.
  readonly types = new ByteInterner();
  readonly files = new ByteInterner();
  readonly funcs = new ByteInterner();
  readonly sites = new SiteTable();
  /** Log files that make up this analysis (nested logs merge children in). */
  readonly sourceFiles: string[] = [];

  // Event columns.
  readonly clock = new Float64Column();
  readonly addrHi = new Uint32Column();
  readonly addrLo = new Uint32Column();
  readonly liveCnt = new Int32Column();
  /** typeId << 1 | 1 for DEL. */
  readonly typeKind = new Uint32Column();
  readonly site = new Uint32Column();
  sizeof: Int32Column | null = null;
  get eventCount(): number {
    return this.clock.length;
  }

  // Line numbers: anchors where (line - event index) or the source file changes.
  readonly anchorEvent = new GrowableInt32();
  readonly anchorLine = new GrowableInt32();
  readonly anchorFile = new GrowableInt32();
  private anchorDelta = NaN;
  private anchorFileIdx = -1;

  // RSS, stored only where it changes (dRSS is mostly 0).
  readonly rssEvent = new GrowableInt32();
  readonly rssValue: number[] = emptyNumberArray();
  rssMax: number | null = null;

  // The seed's bookkeeping.
  readonly liveMap = new AddressMap();
  readonly pairNew = new Uint32Column();
  readonly pairDel = new Uint32Column();
  readonly untracked = new Uint32Column();
  /** Pairs of (replaced NEW, replacing NEW) event indices. */
  readonly dupOld = new GrowableInt32();
  readonly dupNew = new GrowableInt32();
  readonly typeNew = new GrowableInt32();
  readonly typeDel = new GrowableInt32();
  readonly typeUntracked = new GrowableInt32();
  newCount = 0;
  delCount = 0;

  readonly notes = new Notes();
  /** Clock of the first and last NEW/DEL/MSG/ERR. */
  clockFirst: number | null = null;
  clockLast: number | null = null;

  /** Bumped on every change, so cached query results know when they are stale. */
  version = 0;

  /** The type id of the name in buf[s, e). */
  internType(buf: Uint8Array, s: number, e: number): number {
    return this.types.intern(buf, s, e);
  }

  /** The site id of (file buf[fs, fe), line, function buf[us, ue)). */
  internSite(buf: Uint8Array, fs: number, fe: number, line: number, us: number, ue: number): number {
    return this.sites.intern(this.files.intern(buf, fs, fe), line, this.funcs.intern(buf, us, ue));
  }

  /** Starts the Sizeof column (a log whose HDR has it), zero for the events before. */
  enableSizeof(): void {
    if (this.sizeof) return;
    const sizeof = new Int32Column();
    for (let i = 0; i < this.eventCount; i++) sizeof.push(0);
    this.sizeof = sizeof;
  }

  noteClock(clock: number): void {
    if (this.clockFirst === null) this.clockFirst = clock;
    this.clockLast = clock;
  }

  addEvent(
    file: number,
    line: number,
    isDel: boolean,
    clock: number,
    hi: number,
    lo: number,
    liveCnt: number,
    sizeof: number,
    typeId: number,
    siteId: number,
    rss: number,
  ): number {
    const e = this.clock.length;
    if (line - e !== this.anchorDelta || file !== this.anchorFileIdx) {
      this.anchorEvent.push(e);
      this.anchorLine.push(line);
      this.anchorFile.push(file);
      this.anchorDelta = line - e;
      this.anchorFileIdx = file;
    }
    // Append to every column at once: one chunk check, then plain typed-array stores.
    const k = e & (COLUMN_CHUNK - 1);
    if (k === 0) this.addChunks();
    this.cClock[k] = clock;
    this.cHi[k] = hi;
    this.cLo[k] = lo;
    this.cLive[k] = liveCnt;
    this.cTypeKind[k] = typeKindOf(typeId, isDel);
    this.cSite[k] = siteId;
    const n1 = e + 1;
    this.clock.length = n1;
    this.addrHi.length = n1;
    this.addrLo.length = n1;
    this.liveCnt.length = n1;
    this.typeKind.length = n1;
    this.site.length = n1;
    if (this.sizeof) this.sizeof.push(sizeof);
    if (rss === rss) {
      // NaN marks a cut-short record: RSS unknown, keep the previous value.
      const n = this.rssValue.length;
      if (n === 0 || this.rssValue[n - 1] !== rss) {
        this.rssEvent.push(e);
        this.rssValue.push(rss);
        if (this.rssMax === null || rss > this.rssMax) this.rssMax = rss;
      }
    }
    if (this.clockFirst === null) this.clockFirst = clock;
    this.clockLast = clock;
    if (typeId >= this.typeNew.data.length) {
      this.typeNew.ensure(typeId);
      this.typeDel.ensure(typeId);
      this.typeUntracked.ensure(typeId);
    }
    if (isDel) {
      this.delCount++;
      this.typeDel.data[typeId]++;
      const born = this.liveMap.delete(hi, lo);
      if (born >= 0) {
        this.pairNew.push(born);
        this.pairDel.push(e);
      } else {
        this.untracked.push(e);
        this.typeUntracked.data[typeId]++;
      }
    } else {
      this.newCount++;
      this.typeNew.data[typeId]++;
      const replaced = this.liveMap.set(hi, lo, e);
      if (replaced >= 0) {
        this.dupOld.push(replaced);
        this.dupNew.push(e);
      }
    }
    this.version++;
    return e;
  }

  // The chunks being filled (the last chunk of each column).
  private cClock = new Float64Array(0);
  private cHi = new Uint32Array(0);
  private cLo = new Uint32Array(0);
  private cLive = new Int32Array(0);
  private cTypeKind = new Uint32Array(0);
  private cSite = new Uint32Array(0);

  private addChunks(): void {
    this.clock.chunks.push((this.cClock = new Float64Array(COLUMN_CHUNK)));
    this.addrHi.chunks.push((this.cHi = new Uint32Array(COLUMN_CHUNK)));
    this.addrLo.chunks.push((this.cLo = new Uint32Array(COLUMN_CHUNK)));
    this.liveCnt.chunks.push((this.cLive = new Int32Array(COLUMN_CHUNK)));
    this.typeKind.chunks.push((this.cTypeKind = new Uint32Array(COLUMN_CHUNK)));
    this.site.chunks.push((this.cSite = new Uint32Array(COLUMN_CHUNK)));
  }

  /** Re-types an event (a record split over two lines gets its full type name late). */
  retype(e: number, typeId: number): void {
    const tk = this.typeKind.get(e);
    const old = typeIdOf(tk);
    const isDel = isDelOf(tk);
    this.typeNew.ensure(typeId);
    this.typeDel.ensure(typeId);
    this.typeUntracked.ensure(typeId);
    if (isDel) {
      this.typeDel.data[old]--;
      this.typeDel.data[typeId]++;
      const n = this.untracked.length;
      if (n > 0 && this.untracked.get(n - 1) === e) {
        this.typeUntracked.data[old]--;
        this.typeUntracked.data[typeId]++;
      }
    } else {
      this.typeNew.data[old]--;
      this.typeNew.data[typeId]++;
    }
    this.typeKind.set(e, typeKindOf(typeId, isDel));
    this.version++;
  }

  setSite(e: number, siteId: number, rss: number): void {
    this.site.set(e, siteId);
    const n = this.rssValue.length;
    if (rss === rss && (n === 0 || this.rssValue[n - 1] !== rss)) {
      this.rssEvent.push(e);
      this.rssValue.push(rss);
      if (this.rssMax === null || rss > this.rssMax) this.rssMax = rss;
    }
    this.version++;
  }

  // Per-event accessors used by queries.
  isDel(e: number): boolean {
    return isDelOf(this.typeKind.get(e));
  }
  typeOf(e: number): number {
    return typeIdOf(this.typeKind.get(e));
  }
  /**
   * The typeKind and clock arrays holding event e, and e's index in them: a block of events inside
   * one chunk (blocks of 2^k events, k <= COLUMN_CHUNK_BITS) is walked with no lookup per event.
   */
  chunkAt(e: number): { typeKind: Uint32Array; clock: Float64Array; offset: number } {
    const c = chunkOf(e);
    return { typeKind: this.typeKind.chunks[c], clock: this.clock.chunks[c], offset: slotOf(e) };
  }

  /** Address as a number (exact below 2^53, which covers every real user-space address). */
  address(e: number): number {
    return this.addrHi.get(e) * 4294967296 + this.addrLo.get(e);
  }
  addressHex(e: number): string {
    const hi = this.addrHi.get(e);
    const lo = this.addrLo.get(e).toString(16);
    return '0x' + (hi ? hi.toString(16) + lo.padStart(8, '0') : lo);
  }

  private anchorIndex(e: number): number {
    const ev = this.anchorEvent.data;
    let lo = 0;
    let hi = this.anchorEvent.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ev[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  lineOf(e: number): number {
    const a = this.anchorIndex(e);
    return this.anchorLine.data[a] + (e - this.anchorEvent.data[a]);
  }
  fileOf(e: number): number {
    return this.anchorFile.data[this.anchorIndex(e)];
  }

  /** RSS at event e (the last change at or before it). */
  rssAt(e: number): number | null {
    const ev = this.rssEvent.data;
    let lo = 0;
    let hi = this.rssEvent.length - 1;
    if (hi < 0 || ev[0] > e) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ev[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return this.rssValue[lo];
  }

  /** Bytes held by per-event structures (what grows with the log). */
  get byteSize(): number {
    return (
      this.clock.byteSize +
      this.addrHi.byteSize +
      this.addrLo.byteSize +
      this.liveCnt.byteSize +
      this.typeKind.byteSize +
      this.site.byteSize +
      (this.sizeof ? this.sizeof.byteSize : 0) +
      this.anchorEvent.data.byteLength * 3 +
      this.rssEvent.data.byteLength +
      this.rssValue.length * 8 +
      this.liveMap.byteSize +
      this.pairNew.byteSize +
      this.pairDel.byteSize +
      this.untracked.byteSize +
      this.types.byteSize +
      this.files.byteSize +
      this.funcs.byteSize
    );
  }
}
