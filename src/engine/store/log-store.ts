// The columnar store of one analysis: one slot per NEW/DEL event in typed-array columns (about
// 17 bytes an event) and interned names, plus what is kept as the events arrive: line anchors, RSS
// runs and the seed's bookkeeping, so partial results are always consistent.

import { AddressHighColumn } from './address-high-column.ts';
import { chunkOf, COLUMN_CHUNK, Int32Column, slotOf, Uint32Column } from './chunked-columns.ts';
import { ClockColumn } from './clock-column.ts';
import { NarrowColumn } from './narrow-column.ts';
import { ByteInterner } from './interner.ts';
import { LineAnchors } from './line-anchors.ts';
import { Notes } from './notes.ts';
import { RssRuns } from './rss-runs.ts';
import { SeedBookkeeping } from './seed-bookkeeping.ts';
import { SiteTable } from './site-table.ts';
import { isDelOf, typeIdOf, typeKindOf } from './type-kind.ts';

export class LogStore {
  // Names.
  readonly types = new ByteInterner();
  readonly files = new ByteInterner();
  readonly funcs = new ByteInterner();
  readonly sites = new SiteTable();
  /** Log files that make up this analysis (nested logs merge children in). */
  readonly sourceFiles: string[] = [];

  // Event columns.
  /** Clock of each event (4 bytes: see clock-column.ts). */
  readonly clock = new ClockColumn();
  /** High word of each address (a byte: see address-high-column.ts). */
  readonly addrHi = new AddressHighColumn();
  readonly addrLo = new Uint32Column();
  readonly liveCnt = new Int32Column();
  /** Type and NEW/DEL of each event (see type-kind.ts). */
  readonly typeKind = new NarrowColumn();
  readonly site = new NarrowColumn();
  sizeof: Int32Column | null = null;
  /** The third column's title: LiveCnt (a per-type live count), or RefCnt in logs before pymemtrace 0.6 (the object's reference count). */
  countTitle: 'LiveCnt' | 'RefCnt' = 'LiveCnt';
  get eventCount(): number {
    return this.clock.length;
  }

  readonly lines = new LineAnchors();
  readonly rss = new RssRuns();
  readonly seed = new SeedBookkeeping();
  readonly notes = new Notes();
  /** Clock of the first and last NEW/DEL/MSG/ERR. */
  clockFirst: number | null = null;
  clockLast: number | null = null;

  /** Bumped on every event written or changed (the events' own caches key on it). */
  version = 0;

  /** Changes whenever anything in the store changes, messages and problems included: when answers go stale. */
  get stamp(): number {
    return this.version + this.notes.changes;
  }

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

  /** Appends an event; returns its index. rss NaN: unknown (a cut-short record). */
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
    this.lines.note(e, file, line);
    // Append to every column at once: one chunk check, then plain typed-array stores.
    const k = e & (COLUMN_CHUNK - 1);
    if (k === 0) this.addChunks();
    this.clock.push(clock);
    this.addrHi.push(hi);
    this.cLo[k] = lo;
    this.cLive[k] = liveCnt;
    const tk = typeKindOf(typeId, isDel);
    if (tk > 0xffff || siteId > 0xffff) this.fitIds(tk, siteId);
    this.cTypeKind[k] = tk;
    this.cSite[k] = siteId;
    const n1 = e + 1;
    this.addrLo.length = n1;
    this.liveCnt.length = n1;
    this.typeKind.length = n1;
    this.site.length = n1;
    if (this.sizeof) this.sizeof.push(sizeof);
    this.rss.note(e, rss);
    if (this.clockFirst === null) this.clockFirst = clock;
    this.clockLast = clock;
    this.seed.add(e, isDel, hi, lo, typeId);
    this.version++;
    return e;
  }

  /**
   * Appends n events of consecutive lines of one file, the first at `line`, given as columns (a
   * typeKind each, see type-kind.ts; sizeof ignored without the Sizeof column): the
   * same as addEvent for each, in order. Returns the last one's index.
   */
  addEvents(
    file: number,
    line: number,
    n: number,
    clock: Float64Array,
    hi: Uint32Array,
    lo: Uint32Array,
    liveCnt: Int32Array,
    sizeof: Int32Array,
    typeKind: Uint32Array,
    site: Uint32Array,
    rss: Float64Array,
  ): number {
    const first = this.clock.length;
    if (n <= 0) return first - 1;
    // Consecutive lines: one anchor at most (line - event stays the same).
    this.lines.note(first, file, line);
    let maxTk = 0;
    let maxSite = 0;
    for (let i = 0; i < n; i++) {
      if (typeKind[i] > maxTk) maxTk = typeKind[i];
      if (site[i] > maxSite) maxSite = site[i];
    }
    if (maxTk > 0xffff || maxSite > 0xffff) this.fitIds(maxTk, maxSite);
    for (let i = 0, e = first; i < n;) {
      const k = e & (COLUMN_CHUNK - 1);
      if (k === 0) this.addChunks();
      const m = Math.min(n - i, COLUMN_CHUNK - k);
      const j = i + m;
      this.cLo.set(lo.subarray(i, j), k);
      this.cLive.set(liveCnt.subarray(i, j), k);
      this.cTypeKind.set(typeKind.subarray(i, j), k);
      this.cSite.set(site.subarray(i, j), k);
      i = j;
      e += m;
    }
    this.clock.append(clock, n);
    this.addrHi.append(hi, n);
    const end = first + n;
    this.addrLo.length = end;
    this.liveCnt.length = end;
    this.typeKind.length = end;
    this.site.length = end;
    if (this.sizeof) for (let i = 0; i < n; i++) this.sizeof.push(sizeof[i]);
    this.rss.noteRun(first, rss, n);
    if (this.clockFirst === null) this.clockFirst = clock[0];
    this.clockLast = clock[n - 1];
    this.seed.addRun(first, typeKind, hi, lo, n);
    this.version += n;
    return end - 1;
  }

  // The chunks being filled (the last chunk of each column).
  private cLo = new Uint32Array(0);
  private cLive = new Int32Array(0);
  private cTypeKind: Uint16Array | Uint32Array = new Uint16Array(0);
  private cSite: Uint16Array | Uint32Array = new Uint16Array(0);

  private addChunks(): void {
    this.addrLo.chunks.push((this.cLo = new Uint32Array(COLUMN_CHUNK)));
    this.liveCnt.chunks.push((this.cLive = new Int32Array(COLUMN_CHUNK)));
    this.cTypeKind = this.typeKind.addChunk();
    this.cSite = this.site.addChunk();
  }

  /** Widens the id columns for ids up to these (then the chunks being filled are new arrays). */
  private fitIds(typeKind: number, site: number): void {
    const typesWidened = this.typeKind.fit(typeKind);
    const sitesWidened = this.site.fit(site);
    if (!(typesWidened || sitesWidened) || this.typeKind.chunks.length === 0) return;
    const last = this.typeKind.chunks.length - 1;
    this.cTypeKind = this.typeKind.chunks[last];
    this.cSite = this.site.chunks[last];
  }

  /** Re-types an event (a record split over two lines gets its full type name late). */
  retype(e: number, typeId: number): void {
    const tk = this.typeKind.get(e);
    const isDel = isDelOf(tk);
    this.seed.retype(e, isDel, typeIdOf(tk), typeId);
    this.fitIds(typeKindOf(typeId, isDel), 0);
    this.typeKind.set(e, typeKindOf(typeId, isDel));
    this.version++;
  }

  /** Sets an event's site and RSS (the second line of a split record). */
  setSite(e: number, siteId: number, rss: number): void {
    this.fitIds(0, siteId);
    this.site.set(e, siteId);
    this.rss.note(e, rss);
    this.version++;
  }

  // Per-event accessors used by queries.
  isDel(e: number): boolean {
    return isDelOf(this.typeKind.get(e));
  }
  typeOf(e: number): number {
    return typeIdOf(this.typeKind.get(e));
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
  lineOf(e: number): number {
    return this.lines.lineOf(e);
  }
  fileOf(e: number): number {
    return this.lines.fileOf(e);
  }
  /** RSS at event e (the last change at or before it). */
  rssAt(e: number): number | null {
    return this.rss.at(e);
  }

  /**
   * The typeKind array holding events [from, to) (all in one chunk), their clocks written into
   * `clocks` (COLUMN_CHUNK long) at the same places, and from's index in them: a block of events
   * inside one chunk (blocks of 2^k events, k <= COLUMN_CHUNK_BITS) is walked with no lookup per event.
   */
  chunkAt(
    from: number,
    to: number,
    clocks: Float64Array,
  ): { typeKind: Uint16Array | Uint32Array; clock: Float64Array; offset: number } {
    this.clock.readChunk(from, to, clocks);
    return { typeKind: this.typeKind.chunks[chunkOf(from)], clock: clocks, offset: slotOf(from) };
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
      this.lines.byteSize +
      this.rss.byteSize +
      this.seed.byteSize +
      this.types.byteSize +
      this.files.byteSize +
      this.funcs.byteSize
    );
  }
}
