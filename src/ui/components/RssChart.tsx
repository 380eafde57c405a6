// RSS and live objects over clock, from the worker's downsampled series (min and max per bucket,
// so a spike between two drawn points still shows). The Brush under the chart picks a clock
// window; the tables then show only objects created inside it, and the growth tab its growth. A
// click on the plot sets the instant T; the program's messages are markers (ChartOverlay.tsx). By
// keyboard, the chart is a slider whose cursor sets T and A..B (ChartCursor.tsx), and the brush's
// handles move with ← →.
// Loaded lazily (recharts is most of the page's code) and drawn once a parse has ended: while it
// runs, ParsePreview stands in.

import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Area, Brush, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fmtClock, fmtInt } from '../format.ts';
import type { ClockWindow } from '../url-state.ts';
import type { Peaks } from '../../engine/query/peaks.ts';
import { indicesFor, niceTicks, rssAxis, windowFor, type ChartPoint } from '../display/chart-data.ts';
import { noVerticalLines } from '../display/clock-axis.ts';
import { useBrushLabels } from '../hooks/use-brush-labels.ts';
import { useUntabbableChartLayers } from '../hooks/use-chart-layers.ts';
import { useChartTheme } from '../hooks/use-chart-theme.ts';
import { ChartCursor, type CursorReadout } from './ChartCursor.tsx';
import { ChartOverlay, type MarkerTip, type PhaseMarker } from './ChartOverlay.tsx';
import { CursorBox, PointLines } from './ChartReadout.tsx';
import { MarkerTipBox } from './MarkerTipBox.tsx';

/** Dragging the brush fires onChange continuously; the tables re-query once it settles. */
const COMMIT_DELAY_MS = 250;

function ChartTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const p = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="chart-tip">
      <PointLines p={p} />
    </div>
  );
}

export interface RssChartProps {
  /** The series, memoised by the panel: a new array only when the worker's data changed. */
  points: ChartPoint[];
  win: ClockWindow | null;
  onWindowChange: (win: ClockWindow | null) => void;
  t: number | null;
  onPickT: (t: number) => void;
  /** The program's messages, by clock (null: hidden). */
  markers: PhaseMarker[] | null;
  /** The id of the chart's summary in words (RssChartPanel.tsx), which the keyboard cursor is described by. */
  summaryId: string;
  /** The "before" run of a comparison, drawn as dashed lines (null: not shown). */
  before: ChartPoint[] | null;
  /** Where the peaks are, for the cursor's L and R keys (null until known). */
  peaks: Peaks | null;
}

// Memoised: the page re-renders on every progress report, the chart only when its data or window changes.
export default memo(function RssChart({
  points,
  win,
  onWindowChange,
  t,
  onPickT,
  markers,
  summaryId,
  before,
  peaks,
}: RssChartProps) {
  const [tip, setTip] = useState<MarkerTip | null>(null);
  const [readout, setReadout] = useState<CursorReadout | null>(null);
  const [said, setSaid] = useState('');
  const keysId = useId();
  const box = useRef<HTMLDivElement>(null);
  /** Brush position while dragging, before it is committed as the window. */
  const [dragging, setDragging] = useState<[number, number] | null>(null);
  const commitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A window set elsewhere (cleared with ✕, read from the URL) moves the brush.
  const [shownWin, setShownWin] = useState(win);
  if (win !== shownWin) {
    setShownWin(win);
    setDragging(null);
  }
  useEffect(() => () => clearTimeout(commitTimer.current), []);

  const [startIndex, endIndex] = dragging ?? indicesFor(points, win);
  // Ticks for the part in view (the brush zooms the plot to its range).
  const xTicks = useMemo(
    () => niceTicks(points[startIndex]?.clock ?? 0, points[endIndex]?.clock ?? 0),
    [points, startIndex, endIndex],
  );
  // The "before" run over the same clocks as the part in view (its clock starts at its own start).
  const [viewFrom, viewTo] = [points[startIndex]?.clock ?? 0, points[endIndex]?.clock ?? 0];
  const beforeShown = useMemo(
    () => before?.filter((p) => p.clock >= viewFrom && p.clock <= viewTo) ?? null,
    [before, viewFrom, viewTo],
  );
  const rss = useMemo(
    () =>
      beforeShown?.length
        ? rssAxis(
            [...points.slice(startIndex, endIndex + 1), ...beforeShown],
            0,
            endIndex - startIndex + beforeShown.length,
          )
        : rssAxis(points, startIndex, endIndex),
    [points, startIndex, endIndex, beforeShown],
  );
  const hasRss = rss !== null;
  const theme = useChartTheme();
  useUntabbableChartLayers(box);
  useBrushLabels(box, points[startIndex]?.clock, points[endIndex]?.clock);

  return (
    <div className="chart" data-testid="rss-chart" data-state="full" ref={box}>
      {/* The legend is HTML, in the chart's head (ChartSection.tsx); the height is the page's (chart.css). */}
      <div className="chart-plot-area">
        <ResponsiveContainer width="100%" height="100%">
          {/* The top margin holds the message flags' strip. */}
          {/* No accessibilityLayer: the cursor (ChartCursor) is the chart's one keyboard control, a named slider. */}
          <ComposedChart data={points} margin={{ top: 18, right: 28, bottom: 4, left: 8 }} accessibilityLayer={false}>
            {/* interval={0} on the axes: every tick given is drawn, so recharts does not measure labels in the DOM. */}
            <CartesianGrid stroke={theme.grid} vertical={false} verticalCoordinatesGenerator={noVerticalLines} />
            <XAxis
              dataKey="clock"
              type="number"
              domain={beforeShown ? [viewFrom, viewTo] : ['dataMin', 'dataMax']}
              allowDataOverflow={!!beforeShown}
              ticks={xTicks.ticks}
              tickFormatter={(v: number) => v.toFixed(xTicks.decimals)}
              tick={{ fontSize: 11, fill: theme.axis }}
              stroke={theme.axis}
              interval={0}
              height={20}
            />
            <YAxis
              yAxisId="rss"
              tickFormatter={rss?.format}
              ticks={rss?.ticks}
              domain={rss?.domain ?? ['auto', 'auto']}
              allowDataOverflow
              tick={{ fontSize: 11, fill: theme.rss }}
              stroke={theme.axis}
              width={76}
              interval={0}
              hide={!hasRss}
            />
            <YAxis
              yAxisId="live"
              orientation="right"
              tickFormatter={(v: number) => fmtInt(v)}
              tick={{ fontSize: 11, fill: theme.live }}
              stroke={theme.axis}
              width={56}
              interval={0}
            />
            <Tooltip isAnimationActive={false} content={ChartTooltip} />
            {hasRss && (
              <Area
                yAxisId="rss"
                dataKey="rssRange"
                name="RSS range"
                stroke="none"
                fill={theme.rssBand}
                fillOpacity={0.35}
                isAnimationActive={false}
                legendType="none"
                connectNulls
              />
            )}
            {hasRss && (
              <Line
                yAxisId="rss"
                dataKey="rss"
                name="RSS (max)"
                stroke={theme.rss}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            )}
            <Area
              yAxisId="live"
              dataKey="liveRange"
              name="Live range"
              stroke="none"
              fill={theme.liveBand}
              fillOpacity={0.3}
              isAnimationActive={false}
              legendType="none"
            />
            <Line
              yAxisId="live"
              dataKey="live"
              name="Live objects (max)"
              stroke={theme.live}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
            {beforeShown && hasRss && (
              <Line
                yAxisId="rss"
                data={beforeShown}
                dataKey="rss"
                name="RSS before (max)"
                stroke={theme.rss}
                strokeWidth={1.25}
                strokeDasharray="5 3"
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            )}
            {beforeShown && (
              <Line
                yAxisId="live"
                data={beforeShown}
                dataKey="live"
                name="Live objects before (max)"
                stroke={theme.live}
                strokeWidth={1.25}
                strokeDasharray="5 3"
                dot={false}
                isAnimationActive={false}
              />
            )}
            <Brush
              dataKey="clock"
              height={18}
              travellerWidth={8}
              stroke={theme.axis}
              fill={theme.surface}
              tickFormatter={(v: number) => fmtClock(v)}
              startIndex={startIndex}
              endIndex={endIndex}
              // Constant, so React never writes it back over each handle's own name (use-brush-labels.ts).
              ariaLabel="Window A..B"
              onChange={({ startIndex: s, endIndex: e }) => {
                setDragging([s, e]);
                clearTimeout(commitTimer.current);
                commitTimer.current = setTimeout(() => onWindowChange(windowFor(points, s, e)), COMMIT_DELAY_MS);
              }}
            />
            <ChartCursor
              points={points}
              view={[startIndex, endIndex]}
              t={t}
              onPickT={onPickT}
              onWindowChange={onWindowChange}
              describedBy={`${summaryId} ${keysId}`}
              onReadout={setReadout}
              onAnnounce={setSaid}
              peaks={peaks}
            />
            <ChartOverlay
              t={t}
              onPickT={onPickT}
              markers={markers}
              wholeRun={startIndex === 0 && endIndex === points.length - 1}
              onTip={setTip}
            />
          </ComposedChart>
        </ResponsiveContainer>
        {tip && <MarkerTipBox tip={tip} />}
        {readout && !tip && <CursorBox readout={readout} />}
      </div>
      <p id={keysId} className="visually-hidden">
        ← and → move the cursor along the clock, Page Up and Page Down further, Home and End to the ends; Enter makes
        the cursor's clock the instant T; Shift with these keys selects the window A..B; L sets T at the peak of live
        objects, R at the peak of RSS.
      </p>
      <p className="visually-hidden" role="status" data-testid="chart-announce">
        {said}
      </p>
    </div>
  );
});
