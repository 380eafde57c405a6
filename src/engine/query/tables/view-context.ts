// What a table needs to know of the moment it shows (the end, an instant, a growth window) and of
// the ignore list, with the counts those need computed once and shared by every table of a query.

import type { LogStore } from '../../store/log-store.ts';
import { growthCounts, heapCounts, type GrowthCounts, type HeapCounts } from '../heap.ts';
import { bornWindow, type BornWindow, type TimeView } from './moment.ts';
import type { IgnoreMasks } from '../ignore.ts';
import type { Instants } from '../instants.ts';
import type { ObjectEnds } from '../object-ends.ts';

export interface ViewContext {
  kind: 'end' | 'at' | 'growth';
  /** Events in view: all of them at the end, else those up to the instant (the growth's end). */
  prefix: number;
  /** The growth's start (its alive-and-created rows are those with a later NEW clock). */
  from: number;
  /** The objects counted as alive were made in this window (the growth's: after its start). */
  born: BornWindow;
  ignore: IgnoreMasks | null;
  ends(): Uint32Array;
  heap(): HeapCounts;
  growth(): GrowthCounts;
  /** Changes whenever what the tables show changes. */
  key: string;
}

/** The log's indexes a view is computed from (kept by LeakQueries), and the ignore list's masks and key. */
export interface ViewParts {
  ends: ObjectEnds;
  instants: Instants;
  masks: IgnoreMasks | null;
  ignoreKey: string;
}

export function viewContext(s: LogStore, view: TimeView | undefined, lq: ViewParts): ViewContext {
  const masks = lq.masks;
  const kind = !view ? 'end' : 'at' in view ? 'at' : 'growth';
  const to = !view ? Infinity : 'at' in view ? view.at : view.to;
  const from = view && 'from' in view ? view.from : -Infinity;
  const prefix = kind === 'end' ? s.eventCount : lq.instants.prefixAt(to);
  const born = bornWindow(view);
  let heap: HeapCounts | null = null;
  let growth: GrowthCounts | null = null;
  return {
    kind,
    prefix,
    from,
    born,
    ignore: masks,
    ends: () => lq.ends.current(),
    heap: () => (heap ??= heapCounts(s, lq.ends.current(), prefix, masks, born)),
    growth: () => (growth ??= growthCounts(s, lq.ends.current(), from, lq.instants.prefixAt(from), prefix, masks)),
    key: JSON.stringify([kind, prefix, kind === 'growth' ? from : null, born.after, born.by, lq.ignoreKey]),
  };
}
