// The replay behind the per-type chart (type-series.ts): a cursor over the events that change no
// count or take one from another type, and the buckets a query fills as events are replayed.

import type { LogStore } from '../store/log-store.ts';

/**
 * Where the replay stands in the two exception lists (both in event order): untracked DELs, which
 * change nothing, and NEWs that replaced a live object, which also take one from the replaced type.
 */
export class Cursor {
  /** For the event just stepped: the type a duplicate NEW took a live object from, else -1. */
  replaced = -1;
  private nextDup: number;
  private nextUntr: number;

  constructor(
    private readonly s: LogStore,
    public dup: number,
    public untr: number,
  ) {
    this.nextDup = dup < s.seed.dupNew.length ? s.seed.dupNew.data[dup] : -1;
    this.nextUntr = untr < s.seed.untracked.length ? s.seed.untracked.get(untr) : -1;
  }

  /** Steps over event e; false for an untracked DEL. */
  step(e: number, isDel: boolean): boolean {
    const s = this.s;
    this.replaced = -1;
    if (isDel) {
      if (e !== this.nextUntr) return true;
      this.nextUntr = ++this.untr < s.seed.untracked.length ? s.seed.untracked.get(this.untr) : -1;
      return false;
    }
    if (e === this.nextDup) {
      this.replaced = s.typeOf(s.seed.dupOld.data[this.dup]);
      this.nextDup = ++this.dup < s.seed.dupNew.length ? s.seed.dupNew.data[this.dup] : -1;
    }
    return true;
  }
}

/** A query's buckets, filled as the events are replayed in order. */
export class Sampler {
  readonly values: Float64Array[];
  readonly used: Uint8Array;
  /** Live count of each chosen type, by slot (then the spare one). */
  readonly current: Int32Array;
  /** The bucket of the last sampling event, while the counts are still those it saw (else -1). */
  pending = -1;
  readonly last: number;

  constructor(
    /** Slot of each type id among the chosen types; the others share a spare slot after them (no branch). */
    readonly slot: Int32Array,
    chosen: number,
    buckets: number,
    readonly lo: number,
    readonly hi: number,
    readonly scale: number,
  ) {
    this.values = Array.from({ length: chosen }, () => new Float64Array(buckets).fill(NaN));
    this.used = new Uint8Array(buckets);
    this.current = new Int32Array(chosen + 1);
    this.last = buckets - 1;
  }

  /** The bucket of clock c, NaN if an event at c samples nothing (the plain replay's arithmetic). */
  bucketOf(c: number): number {
    if (c < this.lo || c > this.hi) return NaN;
    return Math.min(this.last, Math.floor((c - this.lo) * this.scale));
  }

  /** Writes the pending bucket (the counts are about to change for an event that samples none). */
  flush(): void {
    if (this.pending >= 0) this.write(this.pending);
    this.pending = -1;
  }

  /** Bucket b samples the counts once the changes of the event(s) that follow are applied. */
  sampleAt(b: number): void {
    if (this.pending !== b) this.flush();
    this.pending = b;
    this.used[b] = 1;
  }

  /** Bucket b takes the current counts. */
  write(b: number): void {
    for (let k = 0; k < this.values.length; k++) this.values[k][b] = this.current[k];
  }
}
