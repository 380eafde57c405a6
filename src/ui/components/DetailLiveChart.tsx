// A site's or a type's live objects over clock, in a row's detail, with T and A..B marked as on the
// RSS chart. Loaded lazily with recharts.

import type { LivePoint } from '../../engine/types.ts';
import { memo, useRef } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { clockAxisProps, noVerticalLines } from '../display/clock-axis.ts';
import { fmtClock, fmtInt } from '../format.ts';
import { useUntabbableChartLayers } from '../hooks/use-chart-layers.ts';
import { useChartTheme } from '../hooks/use-chart-theme.ts';

export interface DetailMarks {
  /** The instant T, or null. */
  at: number | null;
  /** The window A..B, or null. */
  window: { from: number; to: number } | null;
}

function LiveTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const p = payload?.[0]?.payload as LivePoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="chart-tip">
      <div className="chart-tip-clock">Clock {fmtClock(p.clock)} s</div>
      <div>Live {fmtInt(p.live)}</div>
    </div>
  );
}

export default memo(function DetailLiveChart({ points, marks }: { points: LivePoint[]; marks: DetailMarks }) {
  const lo = points[0]?.clock ?? 0;
  const hi = points[points.length - 1]?.clock ?? 0;
  const theme = useChartTheme();
  const box = useRef<HTMLDivElement>(null);
  useUntabbableChartLayers(box);
  const most = points.reduce((m, p) => Math.max(m, p.live), 0);
  // recharts' keyboard layer stays (← → step its tooltip); the drawing is an image named by what it shows.
  const marked = [
    marks.at !== null ? `T at ${fmtClock(marks.at)} s` : '',
    marks.window ? `A..B from ${fmtClock(marks.window.from)} to ${fmtClock(marks.window.to)} s` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const label = `Live objects over the run: ${fmtInt(points[0]?.live ?? 0)} at the start, ${fmtInt(points[points.length - 1]?.live ?? 0)} at the end, at most ${fmtInt(most)}${marked ? `; marked: ${marked}` : ''}. ← and → show each moment's count.`;
  // Marks outside the drawn span would stretch the axis; they are left out (the facts beside still say them).
  const within = (c: number) => c >= lo && c <= hi;
  const win = marks.window && { from: Math.max(lo, marks.window.from), to: Math.min(hi, marks.window.to) };
  return (
    <div ref={box}>
      <ResponsiveContainer width="100%" height={100}>
        <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} role="img" aria-label={label}>
          <CartesianGrid stroke={theme.grid} vertical={false} verticalCoordinatesGenerator={noVerticalLines} />
          <XAxis {...clockAxisProps(lo, hi, 4, theme.axis, 10)} />
          <YAxis
            tickFormatter={(v: number) => fmtInt(v)}
            tick={{ fontSize: 10, fill: theme.axis }}
            stroke={theme.axis}
            width={48}
            allowDecimals={false}
          />
          <Tooltip isAnimationActive={false} content={LiveTooltip} />
          {win && win.from < win.to && (
            <ReferenceArea x1={win.from} x2={win.to} className="detail-window" ifOverflow="hidden" />
          )}
          <Area
            dataKey="live"
            type="stepAfter"
            stroke={theme.live}
            fill={theme.liveBand}
            fillOpacity={0.35}
            strokeWidth={1.5}
            isAnimationActive={false}
            dot={false}
          />
          {marks.at !== null && within(marks.at) && (
            <ReferenceLine x={marks.at} className="detail-t" ifOverflow="hidden" />
          )}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
