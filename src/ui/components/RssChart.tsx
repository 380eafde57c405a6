// RSS and live objects over clock, from the worker's downsampled series (min and max per bucket,
// so a spike between two drawn points still shows). The Brush under the chart picks a clock
// window; the tables then show only objects created inside it.

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Area, Brush, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesPoint } from '../../engine/types.ts';
import { fmtBytes, fmtClock, fmtInt } from '../format.ts';
import type { ClockWindow } from '../url-state.ts';
import { getApi } from '../worker-client.ts';

const BUCKETS = 1000;
/** Dragging the brush fires onChange continuously; the tables re-query once it settles. */
const COMMIT_DELAY_MS = 250;

interface ChartPoint {
  clock: number;
  rss: number | null;
  rssRange: [number, number] | null;
  live: number;
  liveRange: [number, number];
}

function toChart(p: SeriesPoint): ChartPoint {
  const hasRss = !Number.isNaN(p.rssMax);
  return {
    clock: p.clock,
    rss: hasRss ? p.rssMax : null,
    rssRange: hasRss ? [p.rssMin, p.rssMax] : null,
    live: p.liveMax,
    liveRange: [p.liveMin, p.liveMax],
  };
}

/** Brush indices for a clock window: the buckets holding its ends. */
function indicesFor(points: ChartPoint[], win: ClockWindow | null): [number, number] {
  const n = points.length;
  if (!win || n === 0) return [0, Math.max(0, n - 1)];
  let start = 0;
  while (start + 1 < n && points[start + 1].clock <= win.min) start++;
  let end = start;
  while (end + 1 < n && points[end + 1].clock < win.max) end++;
  return [start, end];
}

/** The clock window covered by brush indices; the whole range means no window. */
function windowFor(points: ChartPoint[], start: number, end: number): ClockWindow | null {
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
function niceTicks(lo: number, hi: number, count = 6): { ticks: number[]; decimals: number } {
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

/** RSS axis: a padded domain, round ticks in MiB (GiB when large) and labels precise enough to differ. */
function rssAxis(points: ChartPoint[], start: number, end: number) {
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
    domain: [a * unit, b * unit] as [number, number],
    ticks: ticks.map((t) => t * unit),
    format: (v: number) => `${(v / unit).toFixed(decimals)} ${name}`,
  };
}

function ChartTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const p = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !p) return null;
  const range = (r: [number, number] | null, f: (v: number) => string) => (!r ? '—' : r[0] === r[1] ? f(r[0]) : `${f(r[0])} – ${f(r[1])}`);
  return (
    <div className="chart-tip">
      <div className="chart-tip-clock">Clock {fmtClock(p.clock)} s</div>
      <div>
        <span className="dot rss" /> RSS {range(p.rssRange, fmtBytes)}
        {p.rss !== null && <span className="muted"> ({fmtInt(p.rss)} B max)</span>}
      </div>
      <div>
        <span className="dot live" /> Live objects {range(p.liveRange, fmtInt)}
      </div>
    </div>
  );
}

export interface RssChartProps {
  dataVersion: number;
  win: ClockWindow | null;
  onWindowChange: (win: ClockWindow | null) => void;
}

// Memoised: the page re-renders on every progress report, the chart only when its data changes.
export default memo(function RssChart({ dataVersion, win, onWindowChange }: RssChartProps) {
  const [points, setPoints] = useState<ChartPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** Brush position while dragging, before it is committed as the window. */
  const [dragging, setDragging] = useState<[number, number] | null>(null);
  const commitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    getApi()
      .series({ buckets: BUCKETS })
      .then(
        (s) => {
          if (!live) return;
          setPoints(s.map(toChart));
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [dataVersion]);

  // A window set elsewhere (cleared with ✕, read from the URL) moves the brush.
  useEffect(() => {
    setDragging(null);
  }, [win]);
  useEffect(() => () => clearTimeout(commitTimer.current), []);

  const [startIndex, endIndex] = dragging ?? indicesFor(points, win);
  // Ticks for the part in view (the brush zooms the plot to its range).
  const xTicks = useMemo(() => niceTicks(points[startIndex]?.clock ?? 0, points[endIndex]?.clock ?? 0), [points, startIndex, endIndex]);
  const rss = useMemo(() => rssAxis(points, startIndex, endIndex), [points, startIndex, endIndex]);
  const hasRss = rss !== null;

  if (error) return <div className="chart-empty">Could not draw the chart: {error}</div>;
  if (points.length === 0) return <div className="chart-empty">No NEW or DEL lines yet: nothing to chart.</div>;

  return (
    <div className="chart" data-testid="rss-chart">
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart data={points} margin={{ top: 6, right: 28, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6e8ec" vertical={false} />
          <XAxis
            dataKey="clock"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={xTicks.ticks}
            tickFormatter={(v: number) => v.toFixed(xTicks.decimals)}
            tick={{ fontSize: 11 }}
            height={34}
            label={{ value: 'Clock (CPU s)', position: 'insideBottom', offset: 0, fontSize: 11, fill: '#57606a' }}
          />
          <YAxis
            yAxisId="rss"
            tickFormatter={rss?.format}
            ticks={rss?.ticks}
            domain={rss?.domain ?? ['auto', 'auto']}
            allowDataOverflow
            tick={{ fontSize: 11, fill: '#1d4ed8' }}
            width={76}
            hide={!hasRss}
          />
          <YAxis yAxisId="live" orientation="right" tickFormatter={(v: number) => fmtInt(v)} tick={{ fontSize: 11, fill: '#b45309' }} width={56} />
          <Tooltip isAnimationActive={false} content={ChartTooltip} />
          <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          {hasRss && (
            <Area yAxisId="rss" dataKey="rssRange" name="RSS range" stroke="none" fill="#93c5fd" fillOpacity={0.35} isAnimationActive={false} legendType="none" connectNulls />
          )}
          {hasRss && <Line yAxisId="rss" dataKey="rss" name="RSS (max)" stroke="#1d4ed8" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />}
          <Area yAxisId="live" dataKey="liveRange" name="Live range" stroke="none" fill="#fcd34d" fillOpacity={0.3} isAnimationActive={false} legendType="none" />
          <Line yAxisId="live" dataKey="live" name="Live objects (max)" stroke="#b45309" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Brush
            dataKey="clock"
            height={22}
            travellerWidth={8}
            stroke="#57606a"
            tickFormatter={(v: number) => fmtClock(v)}
            startIndex={startIndex}
            endIndex={endIndex}
            onChange={({ startIndex: s, endIndex: e }) => {
              setDragging([s, e]);
              clearTimeout(commitTimer.current);
              commitTimer.current = setTimeout(() => onWindowChange(windowFor(points, s, e)), COMMIT_DELAY_MS);
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
