// A site's or a type's live objects over clock, in a row's detail. Loaded lazily with recharts.

import { memo, useRef } from 'react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { niceTicks } from '../display/chart-data.ts';
import { fmtClock, fmtInt } from '../format.ts';
import { useUntabbableChartLayers } from '../hooks/use-chart-layers.ts';
import { useChartTheme } from '../hooks/use-chart-theme.ts';

export interface LivePoint {
  clock: number;
  live: number;
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

export default memo(function DetailLiveChart({ points }: { points: LivePoint[] }) {
  const x = niceTicks(points[0]?.clock ?? 0, points[points.length - 1]?.clock ?? 0, 4);
  const theme = useChartTheme();
  const box = useRef<HTMLDivElement>(null);
  useUntabbableChartLayers(box);
  const most = points.reduce((m, p) => Math.max(m, p.live), 0);
  // recharts' keyboard layer stays (← → step its tooltip); the drawing is an image named by what it shows.
  const label = `Live objects over the run: ${fmtInt(points[0]?.live ?? 0)} at the start, ${fmtInt(points[points.length - 1]?.live ?? 0)} at the end, at most ${fmtInt(most)}. ← and → show each moment's count.`;
  return (
    <div ref={box}>
      <ResponsiveContainer width="100%" height={100}>
        <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} role="img" aria-label={label}>
          <CartesianGrid stroke={theme.grid} vertical={false} />
          <XAxis
            dataKey="clock"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={x.ticks}
            interval={0}
            tickFormatter={(v: number) => v.toFixed(x.decimals)}
            tick={{ fontSize: 10, fill: theme.axis }}
            stroke={theme.axis}
            height={18}
          />
          <YAxis tickFormatter={(v: number) => fmtInt(v)} tick={{ fontSize: 10, fill: theme.axis }} stroke={theme.axis} width={48} allowDecimals={false} />
          <Tooltip isAnimationActive={false} content={LiveTooltip} />
          <Area dataKey="live" type="stepAfter" stroke={theme.live} fill={theme.liveBand} fillOpacity={0.35} strokeWidth={1.5} isAnimationActive={false} dot={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
