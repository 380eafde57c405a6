// RSS and the live count over clock of the log a comparison is made with (the "before"), drawn on
// the open log's chart as a second line: the same series as the open log's (series-index.ts), its
// index kept per store.

import type { LogStore } from '../store/log-store.ts';
import type { SeriesPoint, SeriesQuery } from '../types.ts';
import { SeriesIndex } from './series-index.ts';

const indexes = new WeakMap<LogStore, SeriesIndex>();

/** The series of a log other than the open one (null: none, an empty series). */
export function otherLogSeries(s: LogStore | null, q: SeriesQuery): SeriesPoint[] {
  if (!s) return [];
  let index = indexes.get(s);
  if (!index) indexes.set(s, (index = new SeriesIndex(s)));
  return index.query(q);
}
