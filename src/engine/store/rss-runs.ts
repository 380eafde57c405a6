// RSS over events, stored only where it changes (dRSS is mostly 0): the event where each run starts
// and its value.

import { emptyNumberArray } from '../base/array-kinds.ts';
import { GrowableInt32 } from '../base/growable.ts';

export class RssRuns {
  readonly event = new GrowableInt32();
  readonly value: number[] = emptyNumberArray();
  max: number | null = null;

  /** RSS at event e; NaN (a cut-short record: RSS unknown) keeps the previous value. */
  note(e: number, rss: number): void {
    if (rss !== rss) return;
    const n = this.value.length;
    if (n === 0 || this.value[n - 1] !== rss) {
      this.event.push(e);
      this.value.push(rss);
      if (this.max === null || rss > this.max) this.max = rss;
    }
  }

  /** note(e + i, rss[i]) for i < n. */
  noteRun(e: number, rss: Float64Array, n: number): void {
    const value = this.value;
    let last = value.length === 0 ? NaN : value[value.length - 1];
    for (let i = 0; i < n; i++) {
      const v = rss[i];
      if (v !== last && v === v) {
        this.event.push(e + i);
        value.push(v);
        if (this.max === null || v > this.max) this.max = v;
        last = v;
      }
    }
  }

  get first(): number | null {
    return this.value.length ? this.value[0] : null;
  }

  get last(): number | null {
    return this.value.length ? this.value[this.value.length - 1] : null;
  }

  /** RSS at event e (the last change at or before it), or null before the first. */
  at(e: number): number | null {
    const ev = this.event.data;
    let lo = 0;
    let hi = this.event.length - 1;
    if (hi < 0 || ev[0] > e) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ev[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return this.value[lo];
  }

  get byteSize(): number {
    return this.event.data.byteLength + this.value.length * 8;
  }
}
