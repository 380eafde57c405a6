// The RSS and live-objects chart in words, for whoever cannot see it: the clock it spans, when RSS
// and the live count peaked, and the instant T and window A..B when set; and one point of it, as
// the chart's keyboard cursor reads it out. Pure: the chart panel renders the text.

import { fmtBytes, fmtClock, fmtInt } from '../format.ts';
import type { ClockWindow } from '../url-state.ts';
import type { ChartPoint } from './chart-data.ts';

/** The index of the first point with the largest value (-1 when none has one). */
function peakAt(points: ChartPoint[], value: (p: ChartPoint) => number | null): number {
  let at = -1;
  let max = -Infinity;
  points.forEach((p, i) => {
    const v = value(p);
    if (v !== null && v > max) [at, max] = [i, v];
  });
  return at;
}

/** "The chart shows clock 0.045787 to 0.050841 s (so far). RSS peaks at 15.0 MiB at about … s. …" */
export function chartSummary(
  points: ChartPoint[],
  t: number | null,
  win: ClockWindow | null,
  partial: boolean,
): string {
  if (points.length === 0) return 'The chart has nothing to show yet: no NEW or DEL lines have been read.';
  const first = points[0].clock;
  const last = points[points.length - 1].clock;
  // A peak is in the bucket that starts at its point's clock: "about" that clock.
  const rssPeak = peakAt(points, (p) => p.rssRange?.[1] ?? null);
  const livePeak = peakAt(points, (p) => p.liveRange[1]);
  const parts = [
    `RSS and live objects over clock ${fmtClock(first)} to ${fmtClock(last)} s${partial ? ', so far (the file is still being read)' : ''}.`,
    rssPeak < 0
      ? 'The log has no RSS.'
      : `RSS peaks at ${fmtBytes(points[rssPeak].rssRange![1])} at about ${fmtClock(points[rssPeak].clock)} s.`,
    `Live objects peak at ${fmtInt(points[livePeak].liveRange[1])} at about ${fmtClock(points[livePeak].clock)} s.`,
  ];
  if (t !== null) parts.push(`The instant T is ${fmtClock(t)} s.`);
  if (win) parts.push(`The window A..B is ${fmtClock(win.min)} to ${fmtClock(win.max)} s.`);
  return parts.join(' ');
}

/** One point as the keyboard cursor says it: "0.047123 s: RSS 15.0 MiB, 61 live objects" (ranges when the bucket spans several values). */
export function pointSummary(p: ChartPoint): string {
  const range = (r: [number, number], f: (v: number) => string) =>
    r[0] === r[1] ? f(r[0]) : `${f(r[0])} to ${f(r[1])}`;
  const rss = p.rssRange ? `RSS ${range(p.rssRange, fmtBytes)}, ` : '';
  return `${fmtClock(p.clock)} s: ${rss}${range(p.liveRange, fmtInt)} live objects`;
}
