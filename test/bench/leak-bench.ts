// Timings of the leak-finding queries on a parsed store (printed by engine-bench.ts): the first
// query builds the index (ObjectEnds), later ones reuse it.

import type { LogStore } from '../../src/engine/store/log-store.ts';
import { heapCounts } from '../../src/engine/query/heap.ts';
import { LeakQueries } from '../../src/engine/query/leak-queries.ts';
import { lifetimeProfile } from '../../src/engine/query/lifetimes.ts';
import { bestOf } from './best-of.ts';

export function benchLeakQueries(s: LogStore): string[] {
  const q = new LeakQueries(s);
  const [first, last] = [s.clockFirst ?? 0, s.clockLast ?? 0];
  const mid = (first + last) / 2;
  const build = bestOf(1, () => q.ends.current());
  const heap = bestOf(5, () => heapCounts(s, q.ends.current(), q.instants.prefixAt(mid), null));
  const snapshot = bestOf(5, () => q.snapshot({ at: mid }));
  const growth = bestOf(5, () => q.growth(first + (last - first) * 0.25, mid));
  const suspectsBySite = bestOf(3, () => q.suspects('site', 20));
  const suspectsByType = bestOf(3, () => q.suspects('type', 20));
  const lifetimes = bestOf(3, () => lifetimeProfile(s, { site: 0 }));
  const moments = bestOf(3, () => q.groupMoments({ site: 0 }, mid, { from: first + (last - first) * 0.25, to: mid }));
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return [
    `leak index (ObjectEnds): built in ${f(build.ms)}, ${(q.ends.byteSize / s.eventCount).toFixed(2)} bytes/event`,
    `heap at T (types and sites, one pass): ${f(heap.ms)}; as the CLI's snapshot (names, sorted): ${f(snapshot.ms)} (${snapshot.result.alive.toLocaleString()} alive)`,
    `growth A->B (types and sites): ${f(growth.ms)}`,
    `leak suspects: by site ${f(suspectsBySite.ms)}, by type ${f(suspectsByType.ms)}; lifetimes of one site ${f(lifetimes.ms)}`,
    `a row's detail at T and over A..B (groupMoments, one site): ${f(moments.ms)}`,
  ];
}
