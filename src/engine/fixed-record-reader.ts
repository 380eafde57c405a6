// The fast path: a NEW/DEL line whose values all fit their printf widths has exactly the layout's
// fixed length, and every field sits at a known offset. Numbers are read right to left; the 159
// raw bytes from Type to Function are looked up as one key, so names are trimmed and interned only
// once per distinct (type, site). Anything odd returns false and the general reader decides.

import { decimalFromRight, hexFromRight, hexWords, intFromRight, useView } from './fixed-numbers.ts';
import type { FixedOffsets } from './layout.ts';
import type { LogStore } from './log-store.ts';
import { RawFieldCache } from './raw-field-cache.ts';
import type { RecordFields } from './record-fields.ts';

const SPACE = 32;

/**
 * Byte offsets, within the Type..Function key, of the words hashed: the type's start, the file every
 * 16 bytes, the line and the function's start. Every word is still compared on a hit.
 */
const NAMES_HASH_SAMPLE = Int32Array.from([0, 4, 8, 12, 16, 36, 52, 68, 84, 100, 112, 116, 120, 124]);

export class FixedRecordReader {
  /** Raw Type..Function bytes to a (type, site) combination. */
  private readonly rawNames = new RawFieldCache(NAMES_HASH_SAMPLE);
  private readonly comboType: number[] = [];
  private readonly comboSite: number[] = [];
  private viewOf: Uint8Array | null = null;
  private viewCache: DataView = new DataView(new ArrayBuffer(0));

  constructor(private readonly store: LogStore) {}

  /** Reads the record starting at s (its length is fx.length) into out; false if it is not one. */
  read(buf: Uint8Array, s: number, fx: FixedOffsets, out: RecordFields): boolean {
    const dv = this.view(buf);
    useView(dv);
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
    const ts = s + fx.type;
    let combo = this.rawNames.lookup(buf, dv, ts, fx.namesWidth);
    if (combo < 0) {
      combo = this.internNames(buf, s, fx);
      if (combo < 0) return false;
      this.rawNames.add(buf, ts, fx.namesWidth, combo);
    }
    out.clock = clock;
    out.hi = hexWords.hi;
    out.lo = hexWords.lo;
    out.live = live;
    out.sizeof = sizeof;
    out.rss = rss;
    out.typeId = this.comboType[combo];
    out.siteId = this.comboSite[combo];
    return true;
  }

  /** Once per distinct (type, site): trim, intern, remember; -1 when the general reader must decide. */
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
    // A space inside Function: the general reader takes the last word as Function; let it decide.
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
}
