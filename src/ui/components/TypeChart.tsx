// Live objects of the top types over clock (which types grow, and when): one line per type, from
// the worker's typeSeries. Loaded lazily with recharts; drawn once a parse has ended.

import { memo, useMemo, useRef } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TypeSeries } from '../../engine/types.ts';
import { fmtClock, fmtInt } from '../format.ts';
import { clockAxisProps, noVerticalLines } from '../display/clock-axis.ts';
import { TYPE_COLOURS } from '../display/type-colours.ts';
import { useUntabbableChartLayers } from '../hooks/use-chart-layers.ts';
import { useChartTheme } from '../hooks/use-chart-theme.ts';

type Datum = { clock: number } & Record<string, number>;

function TypeTooltip({
  active,
  payload,
  series,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  series: TypeSeries[];
}) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="chart-tip">
      <div className="chart-tip-clock">Clock {fmtClock(d.clock)} s</div>
      {series.map((s, k) => (
        <div key={k}>
          <span className="dot" style={{ background: TYPE_COLOURS[k % TYPE_COLOURS.length] }} /> {s.type}:{' '}
          {fmtInt(d[`s${k}`])}
        </div>
      ))}
    </div>
  );
}

export default memo(function TypeChart({ series }: { series: TypeSeries[] }) {
  // One row per bucket; types are keyed s0…s7, never by name (recharts reads a dotted key as a path).
  const data = useMemo<Datum[]>(() => {
    const first = series[0]?.points ?? [];
    return first.map((p, i) => {
      const d: Datum = { clock: p.clock } as Datum;
      series.forEach((s, k) => (d[`s${k}`] = s.points[i]?.live ?? NaN));
      return d;
    });
  }, [series]);
  const theme = useChartTheme();
  const box = useRef<HTMLDivElement>(null);
  useUntabbableChartLayers(box);
  // recharts' keyboard layer stays (← → step its tooltip); the drawing is an image named by what it shows.
  const label = `Live objects over clock of the top ${series.length} types: ${series.map((s) => s.type).join(', ')}. ← and → show each moment's counts.`;
  return (
    <div ref={box} className="type-chart-plot">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 6, right: 16, bottom: 0, left: 8 }} role="img" aria-label={label}>
          <CartesianGrid stroke={theme.grid} vertical={false} verticalCoordinatesGenerator={noVerticalLines} />
          <XAxis {...clockAxisProps(data[0]?.clock ?? 0, data[data.length - 1]?.clock ?? 0, 6, theme.axis, 11)} />
          <YAxis
            tickFormatter={(v: number) => fmtInt(v)}
            tick={{ fontSize: 11, fill: theme.axis }}
            stroke={theme.axis}
            width={64}
            interval={0}
          />
          <Tooltip isAnimationActive={false} content={(p) => <TypeTooltip {...p} series={series} />} />
          {series.map((s, k) => (
            <Line
              key={k}
              dataKey={`s${k}`}
              name={s.type}
              stroke={theme.types[k % theme.types.length]}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
