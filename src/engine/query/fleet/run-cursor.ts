// Finds the run (line anchor, RSS run) that holds an event, stepping forward for event ids that
// mostly ascend (an export walks them in order) and falling back to a binary search otherwise.

/** Forward steps tried before a binary search: most lookups move zero or one run. */
const STEPS = 8;

export class RunCursor {
  private pos = 0;

  /** `starts[0..count)`: the ascending first event of each run. */
  constructor(
    private readonly starts: Int32Array,
    private readonly count: number,
  ) {}

  /** The index of the last run starting at or before event e, or -1 when e comes before every run. */
  at(e: number): number {
    const starts = this.starts;
    const n = this.count;
    if (n === 0 || starts[0] > e) return -1;
    let p = this.pos;
    if (starts[p] > e) {
      // One run back is common (an event's RSS change is read from the event before it).
      p = p > 0 && starts[p - 1] <= e ? p - 1 : this.search(0, p, e);
    } else {
      let k = 0;
      while (p + 1 < n && starts[p + 1] <= e && k++ < STEPS) p++;
      if (p + 1 < n && starts[p + 1] <= e) p = this.search(p, n - 1, e);
    }
    this.pos = p;
    return p;
  }

  /** The last index in [lo, hi] whose start is <= e (starts[lo] <= e holds). */
  private search(lo: number, hi: number, e: number): number {
    const starts = this.starts;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
