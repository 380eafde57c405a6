// Values derived from the store on demand and cached until the store changes: the live list,
// per-site aggregates, string sort ranks and text-match masks over interned names.

import { withRoom } from '../base/growable.ts';
import type { ByteInterner } from '../store/interner.ts';
import { AddressMap } from '../store/address-map.ts';
import { COLUMN_CHUNK, COLUMN_CHUNK_BITS } from '../store/chunked-columns.ts';
import type { LogStore } from '../store/log-store.ts';
import { isDelOf, typeIdOf } from '../store/type-kind.ts';
import { basename } from '../../shared/names.ts';
import type { NameMatches } from './event-filter.ts';
import { stringRanks } from './radix-sort.ts';

export interface SiteStats {
  /** NEWs at the site. */
  created: Int32Array;
  live: Int32Array;
  /** NEWs at the site later destroyed (pairs by creation site). */
  freed: Int32Array;
  /** Distinct types created at the site. */
  typeCount: Int32Array;
  /** The type created most often at the site. */
  topType: Int32Array;
  /** Sites with at least one NEW, in id order. */
  ids: Uint32Array;
}

/** Per-site counts kept between calls of sites(), with room to grow. */
function emptySiteCounts() {
  return {
    created: new Int32Array(0),
    typeCount: new Int32Array(0),
    topType: new Int32Array(0),
    topN: new Int32Array(0),
  };
}

export class Derived {
  private liveVersion = -1;
  private liveRows = new Uint32Array(0);
  private sitesVersion = -1;
  private siteStats: SiteStats | null = null;
  // The counts behind siteStats, kept to count on from as the store grows (arrays with room to grow).
  private sitesEvents = 0;
  private sitesPairs = 0;
  private siteCounts = emptySiteCounts();
  private siteFreed = new Int32Array(0);
  /** NEWs per (site, type id). */
  private sitePerType = new AddressMap();
  private liveTypeVersion = -1;
  private liveType = new Int32Array(0);
  private rankSlots: ({ size: number; ranks: Float64Array } | undefined)[] = [];
  private textRankCache = new Map<string, { size: number; ranks: Float64Array }>();
  private microsChecked = 0;
  private microsExact = true;
  private lowerCache = new Map<string, string[]>();

  constructor(private readonly store: LogStore) {}

  /**
   * True while every clock read is a whole number of microseconds (the log prints %12.6f), up to
   * float rounding. Clock and lifetime columns then sort on microseconds: whole numbers sort in
   * fewer passes, and lifetimes equal to the microsecond stay in table order instead of being
   * ordered by the rounding noise of a subtraction. Checked once per event as the store grows; a
   * chunk the clock column holds in microseconds is whole by construction and is not read.
   */
  clocksInMicros(): boolean {
    const c = this.store.clock;
    for (let e = this.microsChecked; e < c.length && this.microsExact;) {
      const chunkEnd = Math.min(c.length, ((e >>> COLUMN_CHUNK_BITS) + 1) * COLUMN_CHUNK);
      if (c.inWholeMicros(e)) e = chunkEnd;
      for (; e < chunkEnd && this.microsExact; e++) {
        const m = c.get(e) * 1e6;
        if (!(Math.abs(m - Math.round(m)) <= 1e-3 && Math.abs(m) < 2 ** 52)) this.microsExact = false;
      }
    }
    this.microsChecked = c.length;
    return this.microsExact;
  }

  /** Event ids of the NEWs still live, in event order. */
  live(): Uint32Array {
    const s = this.store;
    if (this.liveVersion !== s.version) {
      const rows = new Uint32Array(s.seed.liveMap.size);
      let i = 0;
      s.seed.liveMap.forEachValue((e) => (rows[i++] = e));
      rows.sort();
      this.liveRows = rows;
      this.liveVersion = s.version;
    }
    return this.liveRows;
  }

  sites(): SiteStats {
    const s = this.store;
    if (this.siteStats && this.sitesVersion === s.version) return this.siteStats;
    const count = s.eventCount;
    // Events only added since the last count (each bumps the version once): count on from there, so a
    // refresh during a long parse costs what was added; a retyped or re-sited event counts all again.
    if (!this.siteStats || s.version - this.sitesVersion !== count - this.sitesEvents) {
      this.sitesEvents = 0;
      this.sitesPairs = 0;
      this.sitePerType = new AddressMap();
      this.siteCounts = emptySiteCounts();
    }
    const n = s.sites.size;
    const c = this.siteCounts;
    c.created = withRoom(c.created, n);
    c.typeCount = withRoom(c.typeCount, n);
    c.topN = withRoom(c.topN, n);
    const hadTop = c.topType.length;
    c.topType = withRoom(c.topType, n);
    c.topType.fill(-1, hadTop);
    const { created, typeCount, topType, topN } = c;
    // Per (site, type) counts, to find each site's distinct and top types.
    const perType = this.sitePerType;
    // A column chunk at a time: the chunks' arrays, not a lookup per event.
    for (let e = this.sitesEvents; e < count;) {
      const c = e >>> COLUMN_CHUNK_BITS;
      const tks = s.typeKind.chunks[c];
      const sites = s.site.chunks[c];
      const end = Math.min(count, (c + 1) * COLUMN_CHUNK);
      for (let k = e - c * COLUMN_CHUNK; e < end; e++, k++) {
        const tk = tks[k];
        if (isDelOf(tk)) continue;
        const site = sites[k];
        created[site]++;
        const m = perType.increment(site, typeIdOf(tk));
        if (m === 1) typeCount[site]++;
        if (m > topN[site]) {
          topN[site] = m;
          topType[site] = typeIdOf(tk);
        }
      }
    }
    this.sitesEvents = count;
    if (this.sitesPairs === 0) this.siteFreed = new Int32Array(n);
    const freed = (this.siteFreed = withRoom(this.siteFreed, n));
    const { pairNew } = s.seed;
    for (let i = this.sitesPairs; i < pairNew.length; i++) freed[s.site.get(pairNew.get(i))]++;
    this.sitesPairs = pairNew.length;
    const live = new Int32Array(n);
    for (const e of this.live()) live[s.site.get(e)]++;
    let m = 0;
    for (let i = 0; i < n; i++) if (created[i] > 0) m++;
    const ids = new Uint32Array(m);
    for (let i = 0, j = 0; i < n; i++) if (created[i] > 0) ids[j++] = i;
    this.siteStats = {
      created: created.subarray(0, n),
      live,
      freed: freed.subarray(0, n),
      typeCount: typeCount.subarray(0, n),
      topType: topType.subarray(0, n),
      ids,
    };
    this.sitesVersion = s.version;
    return this.siteStats;
  }

  /** Sort rank of each interned name; `base` ranks files by basename. */
  ranks(which: 'types' | 'files' | 'funcs', base = false): Float64Array {
    // Sort keys call this once per row: a slot per (which, base), no string key.
    const slot = (which === 'types' ? 0 : which === 'files' ? 2 : 4) + (base ? 1 : 0);
    const interner: ByteInterner =
      which === 'types' ? this.store.types : which === 'files' ? this.store.files : this.store.funcs;
    const hit = this.rankSlots[slot];
    if (hit && hit.size === interner.size) return hit.ranks;
    const strings = base ? interner.strings.map(basename) : interner.strings;
    const ranks = stringRanks(strings);
    this.rankSlots[slot] = { size: interner.size, ranks };
    return ranks;
  }

  /** Live objects per type id. */
  liveByType(): Int32Array {
    const s = this.store;
    if (this.liveTypeVersion !== s.version) {
      const out = new Int32Array(s.types.size);
      for (const e of this.live()) out[s.typeOf(e)]++;
      this.liveType = out;
      this.liveTypeVersion = s.version;
    }
    return this.liveType;
  }

  /** Sort ranks of a plain string list (messages, problem details), cached by its length. */
  textRanks(key: string, strings: readonly string[]): Float64Array {
    const hit = this.textRankCache.get(key);
    if (hit && hit.size === strings.length) return hit.ranks;
    const ranks = stringRanks(strings);
    this.textRankCache.set(key, { size: strings.length, ranks });
    return ranks;
  }

  /** Interned names in lower case, cached by the interner's size (names are only ever added). */
  lowerNames(which: 'types' | 'files' | 'funcs'): readonly string[] {
    const strings = this.store[which].strings;
    const hit = this.lowerCache.get(which);
    if (hit && hit.length === strings.length) return hit;
    const lower = strings.map((x) => x.toLowerCase());
    this.lowerCache.set(which, lower);
    return lower;
  }

  /** For each interned name: does it contain the (lower-case) needle? */
  matches(which: 'types' | 'files' | 'funcs', needle: string): Uint8Array {
    const strings = this.lowerNames(which);
    const out = new Uint8Array(strings.length);
    for (let i = 0; i < strings.length; i++) if (strings[i].includes(needle)) out[i] = 1;
    return out;
  }

  /** Type and site masks of a (lower-case) text: a site matches by its file or function. */
  nameMatches(text: string): NameMatches {
    const s = this.store;
    const fi = this.matches('files', text);
    const fu = this.matches('funcs', text);
    const sites = new Uint8Array(s.sites.size);
    for (let i = 0; i < sites.length; i++) sites[i] = fi[s.sites.file[i]] | fu[s.sites.func[i]];
    return { types: this.matches('types', text), sites };
  }
}

const derivedByStore = new WeakMap<LogStore, Derived>();

/** The Derived of a store (one per store, so its caches are shared by every query). */
export function derivedOf(s: LogStore): Derived {
  let d = derivedByStore.get(s);
  if (!d) derivedByStore.set(s, (d = new Derived(s)));
  return d;
}
