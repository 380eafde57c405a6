// Instants on the log's clock as event counts: "the log as if it had ended after its last NEW/DEL
// line with clock <= T" is its first prefixAt(T) events. Clocks (process CPU time) only grow in a
// real log, so a binary search finds it; a log whose clocks go back is scanned from its end.

import type { LogStore } from '../store/log-store.ts';

export class Instants {
  private checked = 0;
  private monotone = true;
  private last = -Infinity;

  constructor(private readonly store: LogStore) {}

  /** The number of events up to and including the last one with clock <= t (0: none; NaN t: none). */
  prefixAt(t: number): number {
    const c = this.store.clock;
    const n = c.length;
    if (!(t === t) || n === 0) return 0;
    // At or after the last event's clock (T = Infinity: the end) every event counts, in order or not.
    if (c.get(n - 1) <= t) return n;
    if (this.isMonotone()) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (c.get(mid) <= t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    for (let e = n - 1; e >= 0; e--) if (c.get(e) <= t) return e + 1;
    return 0;
  }

  /** True while every event's clock is at least the one before it (checked once per event). */
  isMonotone(): boolean {
    const c = this.store.clock;
    for (let e = this.checked; e < c.length && this.monotone; e++) {
      const v = c.get(e);
      if (!(v >= this.last)) this.monotone = false;
      this.last = v;
    }
    this.checked = c.length;
    return this.monotone;
  }
}
