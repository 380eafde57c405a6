// RSS and live objects over clock, from the worker's downsampled series (min and max per bucket,
// so a spike between two drawn points still shows). The Brush under the chart picks a clock
// window; the tables then show only objects created inside it.

import { useEffect, useMemo, useRef, useState } from 'react';
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
function windowFor(points: ChartPoint[], start: number, end: number, clockLast: number | null): ClockWindow | null {
  const n = points.length;
  if (n === 0 || (start <= 0 && end >= n - 1)) return null;
  const max = end + 1 < n ? points[end + 1].clock : Math.max(points[n - 1].clock, clockLast ?? points[n - 1].clock);
  return { min: points[start].clock, max };
}

export interface RssChartProps {
  dataVersion: number;
  win: ClockWindow | null;
  onWindowChange: (win: ClockWindow | null) => void;
  clockLast: number | null;
}

export function RssChart({ dataVersion, win, onWindowChange, clockLast }: RssChartProps) {
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
  const hasRss = useMemo(() => points.some((p) => p.rss !== null), [points]);

  if (error) return <div className="chart-empty">Could not draw the chart: {error}</div>;
  if (points.length === 0) return <div className="chart-empty">No NEW or DEL lines yet: nothing to chart.</div>;

  return (
    <div className="chart" data-testid="rss-chart">
      <ResponsiveContainer width="100%" height={230}>
        <ComposedChart data={points} margin={{ top: 6, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e6e8ec" vertical={false} />
          <XAxis
            dataKey="clock"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => v.toFixed(3)}
            tick={{ fontSize: 11 }}
            height={34}
            label={{ value: 'Clock (CPU s)', position: 'insideBottom', offset: 0, fontSize: 11, fill: '#57606a' }}
          />
          <YAxis
            yAxisId="rss"
            tickFormatter={(v: number) => fmtBytes(v)}
            tick={{ fontSize: 11, fill: '#1d4ed8' }}
            width={72}
            domain={['auto', 'auto']}
            hide={!hasRss}
          />
          <YAxis yAxisId="live" orientation="right" tickFormatter={(v: number) => fmtInt(v)} tick={{ fontSize: 11, fill: '#b45309' }} width={56} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(v) => `Clock ${fmtClock(Number(v))} s`}
            formatter={(value, name) => {
              if (Array.isArray(value)) return [`${fmtNum(name, value[0])} – ${fmtNum(name, value[1])}`, name];
              return [fmtNum(name, value as number), name];
            }}
          />
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
              commitTimer.current = setTimeout(() => onWindowChange(windowFor(points, s, e, clockLast)), COMMIT_DELAY_MS);
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function fmtNum(name: unknown, v: number): string {
  return String(name).startsWith('RSS') ? `${fmtBytes(v)} (${fmtInt(v)} B)` : fmtInt(v);
}
