// The RSS/live series as the charts draw it, and the pure helpers both drawings share (axes,
// brush indices ↔ clock window). No DOM, no recharts: the page loads this with its first code.

import type { SeriesPoint } from '../../engine/types.ts';
import type { ClockWindow } from '../url-state.ts';

export interface ChartPoint {
  clock: number;
  rss: number | null;
  rssRange: [number, number] | null;
  live: number;
  liveRange: [number, number];
}

export function toChart(p: SeriesPoint): ChartPoint {
  const hasRss = !Number.isNaN(p.rssMax);
  return {
    clock: p.clock,
    rss: hasRss ? p.rssMax : null,
    rssRange: hasRss ? [p.rssMin, p.rssMax] : null,
    live: p.liveMax,
    liveRange: [p.liveMin, p.liveMax],
  };
}

/** The index of the bucket a clock falls in: the last point at or before it (0 before the first). */
export function bucketAt(points: ChartPoint[], clock: number, from = 0): number {
  let i = from;
  while (i + 1 < points.length && points[i + 1].clock <= clock) i++;
  return i;
}

/** A clock at the log's own resolution: whole microseconds. */
export function wholeMicroseconds(clock: number): number {
  return Math.round(clock * 1e6) / 1e6;
}

/** Brush indices for a clock window: the buckets holding its ends. */
export function indicesFor(points: ChartPoint[], win: ClockWindow | null): [number, number] {
  const n = points.length;
  if (!win || n === 0) return [0, Math.max(0, n - 1)];
  const start = bucketAt(points, win.min);
  let end = start;
  while (end + 1 < n && points[end + 1].clock < win.max) end++;
  return [start, end];
}

/** The clock window covered by brush indices; the whole range means no window. */
export function windowFor(points: ChartPoint[], start: number, end: number): ClockWindow | null {
  const n = points.length;
  if (n === 0 || (start <= 0 && end >= n - 1)) return null;
  let max: number;
  if (end + 1 < n) max = points[end + 1].clock;
  else {
    // The last bucket runs one bucket width past its start: the smallest gap between points.
    let width = Infinity;
    for (let i = 1; i < n; i++) width = Math.min(width, points[i].clock - points[i - 1].clock);
    max = points[n - 1].clock + (Number.isFinite(width) ? width : 0);
  }
  return { min: points[start].clock, max };
}

/** Round-number ticks over [lo, hi] (1, 2 or 5 × 10^k apart) and the decimals they need. */
export function niceTicks(lo: number, hi: number, count = 6): { ticks: number[]; decimals: number } {
  const span = hi - lo;
  if (!(span > 0)) return { ticks: [lo], decimals: 6 };
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? 10 * mag;
  const decimals = Math.min(9, Math.max(0, -Math.floor(Math.log10(step))));
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toFixed(decimals)));
  return { ticks, decimals };
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;

export interface RssAxis {
  domain: [number, number];
  ticks: number[];
  format: (v: number) => string;
}

/** RSS axis: a padded domain, round ticks in MiB (GiB when large) and labels precise enough to differ. */
export function rssAxis(points: ChartPoint[], start: number, end: number): RssAxis | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i <= end && i < points.length; i++) {
    const r = points[i].rssRange;
    if (!r) continue;
    lo = Math.min(lo, r[0]);
    hi = Math.max(hi, r[1]);
  }
  if (lo === Infinity) return null;
  const unit = hi >= 4 * GiB ? GiB : MiB;
  const name = unit === GiB ? 'GiB' : 'MiB';
  let a = lo / unit;
  let b = hi / unit;
  const pad = Math.max((b - a) * 0.05, unit === GiB ? 0.01 : 0.25);
  a = Math.max(0, a - pad);
  b += pad;
  const { ticks, decimals } = niceTicks(a, b, 4);
  return {
    domain: [a * unit, b * unit],
    ticks: ticks.map((t) => t * unit),
    format: (v: number) => `${(v / unit).toFixed(decimals)} ${name}`,
  };
}

/** Live-count axis: from 0 to a round number at or above the peak. */
export function liveAxis(points: ChartPoint[]): { domain: [number, number]; ticks: number[] } {
  let hi = 0;
  for (const p of points) hi = Math.max(hi, p.liveRange[1]);
  const { ticks } = niceTicks(0, Math.max(1, hi), 4);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  while ((ticks[ticks.length - 1] ?? 0) < hi) ticks.push((ticks[ticks.length - 1] ?? 0) + step);
  return { domain: [0, ticks[ticks.length - 1] ?? 1], ticks };
}
