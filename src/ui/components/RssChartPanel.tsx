// The chart's data and which drawing shows it: the series is asked of the worker when the data
// changes (at most once a second during a parse, then once at the end), kept as one memoised
// array, and drawn by ParsePreview while the parse runs, by the recharts chart once it has ended.
// Both come with the chart in words (display/chart-summary.ts), kept as current as the drawing.

import { lazy, memo, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClockWindow } from '../url-state.ts';
import { useQuery } from '../hooks/use-query.ts';
import { toChart, type ChartPoint } from '../display/chart-data.ts';
import type { Peaks } from '../../engine/query/peaks.ts';
import { chartSummary } from '../display/chart-summary.ts';
import type { PhaseMarker } from './ChartOverlay.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ParsePreview } from './ParsePreview.tsx';

const BUCKETS = 1000;
const SERIES = { buckets: BUCKETS };

/** Runs fn when the page is idle (or after a second at most); returns a cancel function. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const t = setTimeout(fn, 100);
  return () => clearTimeout(t);
}

// Recharts is most of the page's code: it loads when first needed, after the parse.
const RssChart = lazy(() => import('./RssChart.tsx'));

export interface RssChartPanelProps {
  dataVersion: number;
  /** True while a parse runs: the light drawing stands in for the interactive chart. */
  parsing: boolean;
  win: ClockWindow | null;
  onWindowChange: (win: ClockWindow | null) => void;
  t: number | null;
  onPickT: (t: number) => void;
  markers: PhaseMarker[] | null;
  /** The id the chart's summary in words takes (the chart panel is described by it). */
  summaryId: string;
  /** The "before" run of a comparison, drawn as a second line (null: not shown). */
  before: ChartPoint[] | null;
  peaks: Peaks | null;
}

export const RssChartPanel = memo(function RssChartPanel({
  dataVersion,
  parsing,
  win,
  onWindowChange,
  t,
  onPickT,
  markers,
  summaryId,
  before,
  peaks,
}: RssChartPanelProps) {
  const series = useQuery('series', SERIES, dataVersion);
  const points = useMemo(() => series.value?.map(toChart) ?? null, [series.value]);
  const error = series.error;

  // The interactive chart's first draw costs a few hundred milliseconds of main thread: it waits
  // until the page is idle after the parse, so the final numbers and rows show first.
  const [full, setFull] = useState(!parsing);
  useEffect(() => {
    if (parsing) {
      setFull(false);
      return;
    }
    return whenIdle(() => setFull(true));
  }, [parsing]);

  let drawing: ReactNode;
  if (error) drawing = <div className="chart-empty">Could not draw the chart: {error}</div>;
  else if (points === null) drawing = <div className="chart-empty">Reading…</div>;
  else if (points.length === 0) drawing = <div className="chart-empty">No NEW or DEL lines yet: nothing to chart.</div>;
  else if (parsing || !full) drawing = <ParsePreview points={points} />;
  else
    drawing = (
      <ErrorBoundary what="the chart">
        <Suspense fallback={<ParsePreview points={points} />}>
          <RssChart
            points={points}
            win={win}
            onWindowChange={onWindowChange}
            t={t}
            onPickT={onPickT}
            markers={markers}
            summaryId={summaryId}
            before={before}
            peaks={peaks}
          />
        </Suspense>
      </ErrorBoundary>
    );
  return (
    <>
      {drawing}
      <p id={summaryId} className="visually-hidden" data-testid="chart-summary">
        {points === null ? 'The chart is being read.' : chartSummary(points, t, win, parsing)}
      </p>
    </>
  );
});
