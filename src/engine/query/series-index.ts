// RSS and live-object count over clock for the chart, from per-block summaries kept as the store
// grows, because the chart asks while a big log is still parsing: a query reads a few numbers per block of events, and walks only the blocks that straddle a
// bucket edge or the clock window (from the running state stored at the block's start) and the
// last, partial block. The answer equals the full walk's exactly: buckets keep each bucket's min
// and max (so a spike between two drawn points is never lost).

import { withRoom } from '../base/growable.ts';
import { COLUMN_CHUNK, COLUMN_CHUNK_BITS } from '../store/chunked-columns.ts';
import { isDelOf } from '../store/type-kind.ts';
import type { LogStore } from '../store/log-store.ts';
import type { SeriesPoint, SeriesQuery } from '../types.ts';

/**
 * 128 events a block (80 bytes: 0.6 byte an event). A query merges every block and, with clocks
 * in order, walks at most one block per bucket edge: for 1000 buckets ~128K events at any size.
 */
const BLOCK_BITS = 7;

// One row of numbers per block: the summary of its events, then the walk's state at its start
// (the row after the last complete block holds the state where the partial block starts).
const C_MIN = 0; // clock min (NaN if the block holds a NaN clock: such a block is always walked)
const C_MAX = 1;
const LIVE_MIN = 2;
const LIVE_MAX = 3;
const RSS_MIN = 4; // NaN while RSS is unknown for every event of the block
const RSS_MAX = 5;
const LIVE0 = 6; // live count before the block's first event
const DUP0 = 7; // index into dupNew of the first entry at or after the block
const UNTR0 = 8; // index into untracked of the first entry at or after the block
const RSS0 = 9; // index into rssEvent/rssValue of the RSS in force before the block (-1: none)
const ROW = 10;

interface Buckets {
  lo: number;
  hi: number;
  scale: number;
  n: number;
  rssMin: Float64Array;
  rssMax: Float64Array;
  liveMin: Float64Array;
  liveMax: Float64Array;
  used: Uint8Array;
}

export class SeriesIndex {
  /** Complete blocks summarised. */
  private blocks = 0;
  private rows = new Float64Array(64 * ROW);
  /** rssEvent entries already seen (a later one may name an event of an indexed block). */
  private rssSeen = 0;
  /** The clocks of the block being walked, at their places in its chunk. */
  private readonly clocks = new Float64Array(COLUMN_CHUNK);

  /** blockBits: log2 of the events per block (tests use tiny blocks); a block lies inside one column chunk. */
  constructor(
    readonly store: LogStore,
    private readonly blockBits = BLOCK_BITS,
  ) {
    if (!(blockBits >= 0 && blockBits <= COLUMN_CHUNK_BITS)) throw new Error(`bad series block size: 2^${blockBits}`);
    this.rows[LIVE0] = 0;
    this.rows[DUP0] = 0;
    this.rows[UNTR0] = 0;
    this.rows[RSS0] = -1;
  }

  query(q: SeriesQuery): SeriesPoint[] {
    this.extend();
    const s = this.store;
    const n = s.eventCount;
    if (n === 0) return [];
    const nb = Math.max(1, Math.min(10_000, Math.floor(q.buckets)));
    const lo = q.clockMin ?? s.clock.get(0);
    const hi = q.clockMax ?? s.clock.get(n - 1);
    const span = hi - lo;
    const scale = span > 0 ? nb / span : 0;
    const k: Buckets = {
      lo,
      hi,
      scale,
      n: nb,
      rssMin: new Float64Array(nb).fill(Infinity),
      rssMax: new Float64Array(nb).fill(-Infinity),
      liveMin: new Float64Array(nb).fill(Infinity),
      liveMax: new Float64Array(nb).fill(-Infinity),
      used: new Uint8Array(nb),
    };
    const rows = this.rows;
    const bits = this.blockBits;
    for (let b = 0; b < this.blocks; b++) {
      const r = b * ROW;
      const cMin = rows[r + C_MIN];
      const cMax = rows[r + C_MAX];
      if (cMin >= lo && cMax <= hi) {
        // Bucketing is monotonic in the clock: if the block's extremes share a bucket, all do.
        let b0 = Math.floor((cMin - lo) * scale);
        if (b0 >= nb) b0 = nb - 1;
        let b1 = Math.floor((cMax - lo) * scale);
        if (b1 >= nb) b1 = nb - 1;
        if (b0 === b1) {
          k.used[b0] = 1;
          if (rows[r + LIVE_MIN] < k.liveMin[b0]) k.liveMin[b0] = rows[r + LIVE_MIN];
          if (rows[r + LIVE_MAX] > k.liveMax[b0]) k.liveMax[b0] = rows[r + LIVE_MAX];
          const rMin = rows[r + RSS_MIN];
          if (rMin === rMin) {
            if (rMin < k.rssMin[b0]) k.rssMin[b0] = rMin;
            if (rows[r + RSS_MAX] > k.rssMax[b0]) k.rssMax[b0] = rows[r + RSS_MAX];
          }
          continue;
        }
      } else if (cMax < lo || cMin > hi) continue; // every event outside the window
      this.walk(b << bits, (b + 1) << bits, r, k);
    }
    const done = this.blocks << bits;
    if (done < n) this.walk(done, n, this.blocks * ROW, k);

    const out: SeriesPoint[] = [];
    for (let b = 0; b < nb; b++) {
      if (!k.used[b]) continue;
      out.push({
        clock: span > 0 ? lo + b / scale : lo,
        rssMin: k.rssMin[b] === Infinity ? NaN : k.rssMin[b],
        rssMax: k.rssMax[b] === -Infinity ? NaN : k.rssMax[b],
        liveMin: k.liveMin[b],
        liveMax: k.liveMax[b],
      });
    }
    return out;
  }

  /**
   * Summarises the blocks completed since the last call. The store only appends, and what the walk
   * reads of an event (DEL bit, clock, duplicate/untracked entries) is fixed once it is added (a
   * retype keeps the DEL bit), except its RSS: a record split over two lines gets its RSS from the second line. So an RSS
   * change naming an indexed event re-indexes from that event's block.
   */
  private extend(): void {
    const s = this.store;
    const rssEv = s.rss.event.data;
    const nRss = s.rss.event.length;
    const bits = this.blockBits;
    for (let i = this.rssSeen; i < nRss; i++) if (rssEv[i] < this.blocks << bits) this.blocks = rssEv[i] >>> bits;
    this.rssSeen = nRss;
    const full = s.eventCount >>> bits;
    this.rows = withRoom(this.rows, (full + 1) * ROW);
    for (let b = this.blocks; b < full; b++) this.summarise(b);
    this.blocks = full;
  }

  /** Walks block b from its start state: writes its summary and the state where block b+1 starts. */
  private summarise(b: number): void {
    const rows = this.rows;
    const r = b * ROW;
    const from = b << this.blockBits;
    const {
      typeKind: tk,
      clock: clk,
      offset: off,
    } = this.store.chunkAt(from, from + (1 << this.blockBits), this.clocks);
    const w = new WalkState(this.store, rows, r);
    let cMin = Infinity;
    let cMax = -Infinity;
    let nanClock = false;
    let liveMin = Infinity;
    let liveMax = -Infinity;
    let rssMin = Infinity;
    let rssMax = -Infinity;
    for (let i = off, end = off + (1 << this.blockBits); i < end; i++) {
      w.step(from + i - off, isDelOf(tk[i]));
      const c = clk[i];
      if (c < cMin) cMin = c;
      if (c > cMax) cMax = c;
      if (c !== c) nanClock = true;
      if (w.live < liveMin) liveMin = w.live;
      if (w.live > liveMax) liveMax = w.live;
      const rss = w.rss;
      if (rss === rss) {
        if (rss < rssMin) rssMin = rss;
        if (rss > rssMax) rssMax = rss;
      }
    }
    rows[r + C_MIN] = nanClock ? NaN : cMin;
    rows[r + C_MAX] = nanClock ? NaN : cMax;
    rows[r + LIVE_MIN] = liveMin;
    rows[r + LIVE_MAX] = liveMax;
    rows[r + RSS_MIN] = rssMin === Infinity ? NaN : rssMin;
    rows[r + RSS_MAX] = rssMax === -Infinity ? NaN : rssMax;
    w.save(rows, r + ROW);
  }

  /** Walks events [from, to) of one block from the state in row r, into the buckets (the full walk's rules). */
  private walk(from: number, to: number, r: number, k: Buckets): void {
    const { typeKind: tk, clock: clk, offset: off } = this.store.chunkAt(from, to, this.clocks);
    const { lo, hi, scale, n, rssMin, rssMax, liveMin, liveMax, used } = k;
    const w = new WalkState(this.store, this.rows, r);
    for (let e = from, i = off; e < to; e++, i++) {
      w.step(e, isDelOf(tk[i]));
      const c = clk[i];
      if (c < lo || c > hi) continue;
      let b = Math.floor((c - lo) * scale);
      if (b >= n) b = n - 1;
      used[b] = 1;
      const live = w.live;
      if (live < liveMin[b]) liveMin[b] = live;
      if (live > liveMax[b]) liveMax[b] = live;
      const rss = w.rss;
      if (rss === rss) {
        if (rss < rssMin[b]) rssMin[b] = rss;
        if (rss > rssMax[b]) rssMax[b] = rss;
      }
    }
  }
}

/**
 * The walk's running state from a block row on: the live count (a NEW adds one unless it replaced
 * a live address; a DEL removes one unless it was untracked; both exception lists are in event
 * order) and the RSS in force.
 */
class WalkState {
  live: number;
  rss: number;
  private dup: number;
  private untr: number;
  private nextUntr: number;
  private rssI: number;

  constructor(
    private readonly s: LogStore,
    rows: Float64Array,
    r: number,
  ) {
    this.live = rows[r + LIVE0];
    this.dup = rows[r + DUP0];
    this.untr = rows[r + UNTR0];
    this.rssI = rows[r + RSS0];
    this.rss = this.rssI >= 0 ? s.rss.value[this.rssI] : NaN;
    this.nextUntr = this.untr < s.seed.untracked.length ? s.seed.untracked.get(this.untr) : -1;
  }

  step(e: number, isDel: boolean): void {
    const s = this.s;
    if (isDel) {
      if (e === this.nextUntr)
        this.nextUntr = ++this.untr < s.seed.untracked.length ? s.seed.untracked.get(this.untr) : -1;
      else this.live--;
    } else if (this.dup < s.seed.dupNew.length && s.seed.dupNew.data[this.dup] === e) this.dup++;
    else this.live++;
    const rssEv = s.rss.event.data;
    while (this.rssI + 1 < s.rss.event.length && rssEv[this.rssI + 1] <= e) this.rss = s.rss.value[++this.rssI];
  }

  /** Writes the state into the block row at r (where the next block starts). */
  save(rows: Float64Array, r: number): void {
    rows[r + LIVE0] = this.live;
    rows[r + DUP0] = this.dup;
    rows[r + UNTR0] = this.untr;
    rows[r + RSS0] = this.rssI;
  }
}
