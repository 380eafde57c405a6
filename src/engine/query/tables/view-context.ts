// What a table needs to know of the moment it shows (the end, an instant, a growth window) and of
// the ignore list, with the counts those need computed once and shared by every table of a query.

import type { LogStore } from '../../store/log-store.ts';
import type { IgnoreList, TimeView } from '../../types.ts';
import { growthCounts, heapCounts, type GrowthCounts, type HeapCounts } from '../heap.ts';
import { ignoreKey, type IgnoreMasks } from '../ignore.ts';
import { leakQueriesOf } from '../leak-queries.ts';

export interface ViewContext {
  kind: 'end' | 'at' | 'growth';
  /** Events in view: all of them at the end, else those up to the instant (the growth's end). */
  prefix: number;
  /** The growth's start (its alive-and-created rows are those with a later NEW clock). */
  from: number;
  ignore: IgnoreMasks | null;
  ends(): Uint32Array;
  heap(): HeapCounts;
  growth(): GrowthCounts;
  /** Changes whenever what the tables show changes. */
  key: string;
}

export function viewContext(s: LogStore, view: TimeView | undefined, ignore: IgnoreList | undefined): ViewContext {
  const lq = leakQueriesOf(s);
  const masks = lq.ignoreMasks(ignore);
  const kind = !view ? 'end' : 'at' in view ? 'at' : 'growth';
  const to = !view ? Infinity : 'at' in view ? view.at : view.to;
  const from = view && 'from' in view ? view.from : -Infinity;
  const prefix = kind === 'end' ? s.eventCount : lq.instants.prefixAt(to);
  let heap: HeapCounts | null = null;
  let growth: GrowthCounts | null = null;
  return {
    kind,
    prefix,
    from,
    ignore: masks,
    ends: () => lq.ends.current(),
    heap: () => (heap ??= heapCounts(s, lq.ends.current(), prefix, masks)),
    growth: () => (growth ??= growthCounts(s, lq.ends.current(), from, lq.instants.prefixAt(from), prefix, masks)),
    key: JSON.stringify([kind, prefix, kind === 'growth' ? from : null, ignoreKey(ignore)]),
  };
}
