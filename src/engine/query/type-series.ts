// Live objects of the top N types over clock (which types grow, and when), downsampled to buckets.
// The value of a bucket is the live count at the bucket's last event.
//
// The chart asks again on every zoom, and a replay of every event per query is too slow for
// millions of events. So an index, extended as the store grows, keeps each type's peak over the events it
// has seen (so choosing the top N replays only the last, partial block) and, per block of events,
// its clock range and each type's net change. A query adds up the changes of the blocks that sample
// nothing (outside the clock window) or whose events all fall in one bucket, and walks only the
// others: about one block per bucket edge. The answer equals the plain replays' exactly
// (test/support/type-series-reference.ts).

import { capacityFor, grown } from '../base/growable.ts';
import { COLUMN_CHUNK, COLUMN_CHUNK_BITS } from '../store/chunked-columns.ts';
import { isDelOf, liveDeltaOf, typeIdOf } from '../store/type-kind.ts';
import type { LogStore } from '../store/log-store.ts';
import type { TypeSeries } from '../types.ts';
import { Cursor, Sampler } from './type-series-replay.ts';

export interface TypeSeriesQuery {
  buckets: number;
  /** How many types: those with the most live objects at their peak. */
  top: number;
  clockMin?: number;
  clockMax?: number;
  /** Types left out (the ignore list). */
  exclude?: string[];
  /** Only these types (a row's detail), whatever their peak. */
  only?: string[];
}

/**
 * 1024 events a block (a few dozen changes each: ~0.3 byte an event). A query with 800 buckets
 * walks at most ~800 blocks and adds up the changes of the others; 512 was faster on the full range
 * of 4M events and slower on zooms, whose cost grows with the number of blocks.
 */
const BLOCK_BITS = 10;

// Block flags.
/** The block holds a NaN clock: such an event samples nothing but changes counts, so the block is never one bucket. */
const NAN_CLOCK = 1;
/** The block holds an event other than an untracked DEL (those change no count and sample nothing). */
const SAMPLES = 2;

const indexes = new WeakMap<LogStore, TypeSeriesIndex>();

export function typeLiveSeries(s: LogStore, q: TypeSeriesQuery): TypeSeries[] {
  let index = indexes.get(s);
  if (!index) indexes.set(s, (index = new TypeSeriesIndex(s)));
  return index.query(q);
}

export class TypeSeriesIndex {
  /** Complete blocks indexed. */
  private blocks = 0;
  /** Each type's live count and peak after the indexed blocks. */
  private live = new Int32Array(16);
  private peak = new Int32Array(16);
  // Per block: the clock range (NaN clocks left out), flags.
  private clockMin = new Float64Array(64);
  private clockMax = new Float64Array(64);
  private flags = new Uint8Array(64);
  // Per block start (one more row than blocks): the cursor there, and where its changes start.
  private dupStart = new Int32Array(65);
  private untrStart = new Int32Array(65);
  private changeStart = new Int32Array(65);
  /** Each block's net change of the types whose count it changes (type, change), back to back. */
  private changeType = new Int32Array(1024);
  private changeBy = new Int32Array(1024);
  // Scratch for summarising a block: each type's change so far, and the types changed.
  private blockChange = new Int32Array(16);
  private inBlock = new Uint8Array(16);
  private touched: number[] = [];
  // The store as last indexed: every other change than an added event bumps version too.
  private seenEvents = 0;
  private seenVersion = 0;
  /** The clocks of the block being walked, at their places in its chunk. */
  private readonly clocks = new Float64Array(COLUMN_CHUNK);

  /** blockBits: log2 of the events per block (tests use tiny blocks); a block lies inside one column chunk. */
  constructor(
    readonly store: LogStore,
    private readonly blockBits = BLOCK_BITS,
  ) {
    if (!(blockBits >= 0 && blockBits <= COLUMN_CHUNK_BITS))
      throw new Error(`bad type series block size: 2^${blockBits}`);
  }

  query(q: TypeSeriesQuery): TypeSeries[] {
    this.extend();
    const s = this.store;
    const n = s.eventCount;
    if (n === 0) return [];
    const { live, peak } = this.countsToEnd();
    const excluded = new Set(q.exclude ?? []);
    const only = q.only ? new Set(q.only) : null;
    const top = Array.from(peak.keys())
      .filter((t) => (only ? only.has(s.types.strings[t]) : peak[t] > 0 && !excluded.has(s.types.strings[t])))
      .sort((a, b) => peak[b] - peak[a] || live[b] - live[a])
      .slice(0, Math.max(1, q.top));
    const slot = new Int32Array(peak.length).fill(top.length);
    top.forEach((t, i) => (slot[t] = i));
    const buckets = Math.max(1, Math.min(5000, Math.floor(q.buckets)));
    const lo = q.clockMin ?? s.clock.get(0);
    const hi = q.clockMax ?? s.clock.get(n - 1);
    const scale = hi > lo ? buckets / (hi - lo) : 0;
    const sampler = new Sampler(slot, top.length, buckets, lo, hi, scale);
    this.sample(sampler);
    return top.map((t, k) => {
      const points: { clock: number; live: number }[] = [];
      for (let b = 0; b < buckets; b++)
        if (sampler.used[b]) points.push({ clock: scale ? lo + b / scale : lo, live: sampler.values[k][b] });
      return { type: s.types.strings[t], points };
    });
  }

  /** Each type's live count and peak after every event: the index's, then the partial block replayed. */
  private countsToEnd(): { live: Int32Array; peak: Int32Array } {
    const s = this.store;
    const nTypes = s.types.size;
    const live = this.live.slice(0, nTypes);
    const peak = this.peak.slice(0, nTypes);
    const from = this.blocks << this.blockBits;
    const cursor = new Cursor(s, this.dupStart[this.blocks], this.untrStart[this.blocks]);
    for (let e = from; e < s.eventCount; e++) {
      const tk = s.typeKind.get(e);
      if (!cursor.step(e, isDelOf(tk))) continue;
      if (cursor.replaced >= 0) live[cursor.replaced]--;
      const t = typeIdOf(tk);
      if (isDelOf(tk)) live[t]--;
      else if (++live[t] > peak[t]) peak[t] = live[t];
    }
    return { live, peak };
  }

  /** Replays the chosen types' counts into the buckets, block by block. */
  private sample(k: Sampler): void {
    const { lo, hi } = k;
    const bits = this.blockBits;
    for (let b = 0; b < this.blocks; b++) {
      const cMin = this.clockMin[b];
      const cMax = this.clockMax[b];
      if (cMax < lo || cMin > hi) {
        // No event samples: only the counts move on.
        k.flush();
        this.addChanges(b, k);
        continue;
      }
      if (cMin >= lo && cMax <= hi && !(this.flags[b] & NAN_CLOCK)) {
        // The bucket is monotonic in the clock (NaN aside): if the block's extremes share one, every event samples it.
        const bucket = k.bucketOf(cMin);
        if (bucket === k.bucketOf(cMax)) {
          if (this.flags[b] & SAMPLES) {
            k.sampleAt(bucket);
            this.addChanges(b, k);
          }
          continue;
        }
      }
      this.walk(b << bits, (b + 1) << bits, b, k);
    }
    this.walk(this.blocks << bits, this.store.eventCount, this.blocks, k);
    k.flush();
  }

  /** Adds block b's net changes to the chosen types' counts. */
  private addChanges(b: number, k: Sampler): void {
    const { changeType, changeBy } = this;
    const { slot, current } = k;
    for (let j = this.changeStart[b], end = this.changeStart[b + 1]; j < end; j++)
      current[slot[changeType[j]]] += changeBy[j];
  }

  /**
   * Replays events [from, to) of block b (or the partial block) into the buckets: the plain replay's
   * rules. The hot loop of a query, so the cursor and the sampler are inlined in locals.
   */
  private walk(from: number, to: number, b: number, k: Sampler): void {
    const s = this.store;
    const { typeKind: tks, clock: clocks, offset } = s.chunkAt(from, to, this.clocks);
    const { slot, current, used, lo, hi, scale, last } = k;
    const dupNew = s.seed.dupNew.data;
    const nDup = s.seed.dupNew.length;
    const nUntr = s.seed.untracked.length;
    let dup = this.dupStart[b];
    let untr = this.untrStart[b];
    let nextDup = dup < nDup ? dupNew[dup] : -1;
    let nextUntr = untr < nUntr ? s.seed.untracked.get(untr) : -1;
    let pending = k.pending;
    for (let e = from, i = offset; e < to; e++, i++) {
      const tk = tks[i];
      if (e === nextUntr) {
        // An untracked DEL: changes nothing, samples nothing.
        nextUntr = ++untr < nUntr ? s.seed.untracked.get(untr) : -1;
        continue;
      }
      const c = clocks[i];
      const bucket = c < lo || c > hi ? NaN : Math.min(last, Math.floor((c - lo) * scale));
      if (bucket !== pending) {
        // Another bucket samples, or none while the counts change: write the pending one first.
        if (pending >= 0) k.write(pending);
        if (bucket === bucket) {
          pending = bucket;
          used[bucket] = 1;
        } else pending = -1;
      }
      if (e === nextDup) {
        current[slot[s.typeOf(s.seed.dupOld.data[dup])]]--;
        nextDup = ++dup < nDup ? dupNew[dup] : -1;
      }
      current[slot[typeIdOf(tk)]] += liveDeltaOf(tk);
    }
    k.pending = pending;
  }

  /**
   * Summarises the blocks completed since the last call. The store only appends, except a retype (a
   * record split over two lines gets its full type name from the second line), which may change any
   * block. An added event bumps the store's version once, a retype (or setSite) bumps it too: when
   * the version moved further than the event count, the index starts over (rare: split records).
   */
  private extend(): void {
    const s = this.store;
    if (s.version - this.seenVersion !== s.eventCount - this.seenEvents) this.blocks = 0;
    this.seenVersion = s.version;
    this.seenEvents = s.eventCount;
    if (this.blocks === 0) {
      this.live.fill(0);
      this.peak.fill(0);
    }
    this.fitTypes(s.types.size);
    const full = s.eventCount >>> this.blockBits;
    this.fitBlocks(full);
    for (let b = this.blocks; b < full; b++) this.summarise(b);
    this.blocks = full;
  }

  /**
   * Replays block b from its start: the counts and peaks, and the block's clock range, flags and net
   * changes. The hot loop of indexing, so the cursor is inlined in locals.
   */
  private summarise(b: number): void {
    const s = this.store;
    const from = b << this.blockBits;
    const { typeKind: tks, clock: clocks, offset } = s.chunkAt(from, from + (1 << this.blockBits), this.clocks);
    const { live, peak, blockChange, inBlock, touched } = this;
    const dupNew = s.seed.dupNew.data;
    const nDup = s.seed.dupNew.length;
    const nUntr = s.seed.untracked.length;
    let dup = this.dupStart[b];
    let untr = this.untrStart[b];
    let nextDup = dup < nDup ? dupNew[dup] : -1;
    let nextUntr = untr < nUntr ? s.seed.untracked.get(untr) : -1;
    let cMin = Infinity;
    let cMax = -Infinity;
    let flags = 0;
    for (let e = from, i = offset, end = i + (1 << this.blockBits); i < end; e++, i++) {
      const c = clocks[i];
      if (c < cMin) cMin = c;
      if (c > cMax) cMax = c;
      if (c !== c) flags |= NAN_CLOCK;
      if (e === nextUntr) {
        nextUntr = ++untr < nUntr ? s.seed.untracked.get(untr) : -1;
        continue;
      }
      flags |= SAMPLES;
      if (e === nextDup) {
        const replaced = s.typeOf(s.seed.dupOld.data[dup]);
        live[replaced]--;
        if (!inBlock[replaced]) {
          inBlock[replaced] = 1;
          touched.push(replaced);
        }
        blockChange[replaced]--;
        nextDup = ++dup < nDup ? dupNew[dup] : -1;
      }
      const tk = tks[i];
      const t = typeIdOf(tk);
      const d = liveDeltaOf(tk);
      if ((live[t] += d) > peak[t]) peak[t] = live[t];
      if (!inBlock[t]) {
        inBlock[t] = 1;
        touched.push(t);
      }
      blockChange[t] += d;
    }
    this.clockMin[b] = cMin;
    this.clockMax[b] = cMax;
    this.flags[b] = flags;
    this.dupStart[b + 1] = dup;
    this.untrStart[b + 1] = untr;
    this.saveChanges(b);
  }

  /** Appends block b's net changes (types back to zero left out) and clears the scratch. */
  private saveChanges(b: number): void {
    let j = this.changeStart[b];
    if (j + this.touched.length > this.changeType.length) {
      const size = capacityFor(this.changeType.length, j + this.touched.length);
      this.changeType = grown(this.changeType, size);
      this.changeBy = grown(this.changeBy, size);
    }
    for (const t of this.touched) {
      if (this.blockChange[t] !== 0) {
        this.changeType[j] = t;
        this.changeBy[j++] = this.blockChange[t];
      }
      this.blockChange[t] = 0;
      this.inBlock[t] = 0;
    }
    this.touched.length = 0;
    this.changeStart[b + 1] = j;
  }

  private fitTypes(nTypes: number): void {
    if (nTypes <= this.live.length) return;
    const size = capacityFor(this.live.length, nTypes);
    this.live = grown(this.live, size);
    this.peak = grown(this.peak, size);
    this.blockChange = grown(this.blockChange, size);
    this.inBlock = grown(this.inBlock, size);
  }

  private fitBlocks(blocks: number): void {
    if (blocks < this.flags.length) return;
    const size = capacityFor(this.flags.length, blocks + 1);
    this.clockMin = grown(this.clockMin, size);
    this.clockMax = grown(this.clockMax, size);
    this.flags = grown(this.flags, size);
    this.dupStart = grown(this.dupStart, size + 1);
    this.untrStart = grown(this.untrStart, size + 1);
    this.changeStart = grown(this.changeStart, size + 1);
  }
}
