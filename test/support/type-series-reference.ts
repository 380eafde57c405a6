// The reference for the per-type live-objects series: two plain replays of every event, as
// src/engine/query/type-series.ts did before its block index. The index must give exactly this
// answer; the equivalence tests and the benchmark compare against it.

import type { LogStore } from '../../src/engine/store/log-store.ts';
import type { TypeSeriesQuery } from '../../src/engine/query/type-series.ts';
import type { TypeSeries } from '../../src/engine/types.ts';

/** Replays the events once, calling fn(event, typeId, delta) for each change of a type's live count. */
function replay(s: LogStore, fn: (e: number, type: number, delta: number) => void): void {
  const dupNew = s.seed.dupNew.data;
  const dupOld = s.seed.dupOld.data;
  let dup = 0;
  let untr = 0;
  const nUntr = s.seed.untracked.length;
  let nextUntr = nUntr > 0 ? s.seed.untracked.get(0) : -1;
  for (let e = 0; e < s.eventCount; e++) {
    const tk = s.typeKind.get(e);
    const type = tk >>> 1;
    if (tk & 1) {
      if (e === nextUntr) nextUntr = ++untr < nUntr ? s.seed.untracked.get(untr) : -1;
      else fn(e, type, -1);
    } else {
      if (dup < s.seed.dupNew.length && dupNew[dup] === e) {
        // The newer NEW replaced a live one, possibly of another type.
        fn(e, s.typeOf(dupOld[dup]), -1);
        dup++;
      }
      fn(e, type, 1);
    }
  }
}

/** Live objects of the top N types over clock; a bucket's value is the live count at its last event. */
export function typeLiveSeriesReference(s: LogStore, q: TypeSeriesQuery): TypeSeries[] {
  const n = s.eventCount;
  if (n === 0) return [];
  const nTypes = s.types.size;
  // Pass 1: each type's peak live count, to choose the top N.
  const live = new Int32Array(nTypes);
  const peak = new Int32Array(nTypes);
  replay(s, (_e, t, d) => {
    live[t] += d;
    if (live[t] > peak[t]) peak[t] = live[t];
  });
  const top = Array.from(peak.keys())
    .filter((t) => peak[t] > 0)
    .sort((a, b) => peak[b] - peak[a] || live[b] - live[a])
    .slice(0, Math.max(1, q.top));
  const slot = new Int32Array(nTypes).fill(-1);
  top.forEach((t, i) => (slot[t] = i));
  // Pass 2: sample the chosen types' counts at each bucket's last event.
  const buckets = Math.max(1, Math.min(5000, Math.floor(q.buckets)));
  const lo = q.clockMin ?? s.clock.get(0);
  const hi = q.clockMax ?? s.clock.get(n - 1);
  const scale = hi > lo ? buckets / (hi - lo) : 0;
  const values = top.map(() => new Float64Array(buckets).fill(NaN));
  const current = new Int32Array(top.length);
  const used = new Uint8Array(buckets);
  replay(s, (e, t, d) => {
    const i = slot[t];
    if (i >= 0) current[i] += d;
    const c = s.clock.get(e);
    if (c < lo || c > hi) return;
    const b = Math.min(buckets - 1, Math.floor((c - lo) * scale));
    used[b] = 1;
    for (let k = 0; k < top.length; k++) values[k][b] = current[k];
  });
  return top.map((t, k) => {
    const points: { clock: number; live: number }[] = [];
    for (let b = 0; b < buckets; b++)
      if (used[b]) points.push({ clock: scale ? lo + b / scale : lo, live: values[k][b] });
    return { type: s.types.strings[t], points };
  });
}
