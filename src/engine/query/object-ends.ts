// When each object ends, as the seed's bookkeeping decides it: the event index of the DEL that paired
// its NEW, or of the NEW that replaced it at the same address (a duplicate), or NEVER while it is
// live. With it, "alive after the first p events" is `e < p && endOf[e] >= p` for a NEW e, which is
// what the log would report had it ended there: heap at any instant without replaying the log.
// 4 bytes per event, built on first use and extended as the store grows.

import { grown, withRoom } from '../base/growable.ts';
import type { LogStore } from '../store/log-store.ts';

/** The end of an object still live at the last event read. */
export const NEVER = 0xffffffff;

export class ObjectEnds {
  /** Per event: the index of the event that ended the object its NEW made (NEVER: live); unused for DELs. */
  private ends = new Uint32Array(0);
  private events = 0;
  private pairs = 0;
  private dups = 0;

  constructor(private readonly store: LogStore) {}

  /** The ends array, covering every event of the store now. */
  current(): Uint32Array {
    const s = this.store;
    const n = s.eventCount;
    if (n > this.ends.length) {
      // Exact on the first build (usually after the parse), doubling while the store still grows.
      const old = this.ends.length;
      this.ends = old === 0 ? grown(this.ends, n) : withRoom(this.ends, n);
      this.ends.fill(NEVER, old);
    }
    this.events = n;
    const { pairNew, pairDel, dupOld, dupNew } = s.seed;
    for (; this.pairs < pairNew.length; this.pairs++) this.ends[pairNew.get(this.pairs)] = pairDel.get(this.pairs);
    for (; this.dups < dupNew.length; this.dups++) this.ends[dupOld.data[this.dups]] = dupNew.data[this.dups];
    return this.ends;
  }

  get size(): number {
    return this.events;
  }

  get byteSize(): number {
    return this.ends.byteLength;
  }
}
