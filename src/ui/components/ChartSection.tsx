// The chart panel: its head (the legend, the clock window A..B, the instant T and the peaks that set
// it, the message markers' toggle, hide/show) and the RSS and live objects chart, on which a drag of
// the handles picks A..B and a click picks T. The chart is as tall as the window leaves room for
// (chart.css), so the tables below keep theirs; a comparison's "before" run can be drawn on it.

import { memo, useId, useMemo, useState } from 'react';
import type { IgnoreList } from '../../engine/types.ts';
import { toChart } from '../display/chart-data.ts';
import { usePhaseMarkers, MAX_MARKERS } from '../hooks/use-phase-markers.ts';
import { useQuery } from '../hooks/use-query.ts';
import type { ClockWindow } from '../url-state.ts';
import { fmtInt } from '../format.ts';
import { ClockWindowChip, ClockWindowForm } from './ClockWindowChip.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { InstantControl } from './InstantControl.tsx';
import { PeakButtons } from './PeakButtons.tsx';
import { RssChartPanel } from './RssChartPanel.tsx';
import { SeriesLegend } from './SeriesLegend.tsx';

const BEFORE_SERIES = { buckets: 1000 };

export interface ChartSectionProps {
  dataVersion: number;
  parsing: boolean;
  clockFirst: number | null;
  clockLast: number | null;
  /** Whether the log has RSS (its legend entry). */
  hasRss: boolean;
  win: ClockWindow | null;
  onWindowChange: (win: ClockWindow | null) => void;
  t: number | null;
  onInstantChange: (t: number | null) => void;
  ignore: IgnoreList;
  /** The "before" log of a comparison to draw as a second line: its data version (null: none drawn). */
  before: { dataVersion: number } | null;
}

export const ChartSection = memo(function ChartSection(props: ChartSectionProps) {
  const { win, onWindowChange, t, onInstantChange, parsing } = props;
  const [chartOpen, setChartOpen] = useState(true);
  const [showMarkers, setShowMarkers] = useState(true);
  const phases = usePhaseMarkers(props.dataVersion, parsing, props.ignore);
  const markerCount = phases?.markers.length ?? 0;
  const summaryId = useId();
  const peaks = useQuery('peaks', parsing ? null : undefined, props.dataVersion);
  const beforeAnswer = useQuery(
    'baselineSeries',
    props.before ? BEFORE_SERIES : null,
    props.dataVersion + (props.before?.dataVersion ?? 0),
  );
  const before = useMemo(
    () => (props.before && beforeAnswer.value?.length ? beforeAnswer.value.map(toChart) : null),
    [props.before, beforeAnswer.value],
  );
  const beforeLegend = before && { hasRss: before.some((p) => p.rss !== null) };

  return (
    <section
      className="chart-panel"
      aria-labelledby={`${summaryId}-title`}
      aria-describedby={chartOpen ? summaryId : undefined}
    >
      <div className="chart-head">
        <h2 id={`${summaryId}-title`} className="visually-hidden">
          RSS and live objects over clock
        </h2>
        <SeriesLegend hasRss={props.hasRss} before={beforeLegend} />
        {win && <ClockWindowChip win={win} onClear={() => onWindowChange(null)} />}
        <ClockWindowForm
          win={win}
          onChange={onWindowChange}
          clockFirst={props.clockFirst}
          clockLast={props.clockLast}
        />
        <InstantControl t={t} onChange={onInstantChange} clockLast={props.clockLast} />
        <PeakButtons peaks={peaks.value} onPick={onInstantChange} />
        {markerCount > 0 && (
          <label
            className="toggle"
            title={phases?.capped ? `The first ${fmtInt(MAX_MARKERS)} messages are drawn` : undefined}
          >
            <input
              type="checkbox"
              data-testid="toggle-markers"
              checked={showMarkers}
              onChange={(e) => setShowMarkers(e.target.checked)}
            />
            Messages ({fmtInt(markerCount)}
            {phases?.capped ? '+' : ''})
          </label>
        )}
        <span className="spacer" />
        <button type="button" className="link" aria-expanded={chartOpen} onClick={() => setChartOpen((o) => !o)}>
          {chartOpen ? 'Hide chart' : 'Show chart'}
        </button>
      </div>
      {chartOpen && (
        <ErrorBoundary what="the chart">
          <RssChartPanel
            dataVersion={props.dataVersion}
            parsing={parsing}
            win={win}
            onWindowChange={onWindowChange}
            t={t}
            onPickT={onInstantChange}
            markers={showMarkers && phases ? phases.markers : null}
            summaryId={summaryId}
            before={before}
            peaks={peaks.value}
          />
        </ErrorBoundary>
      )}
    </section>
  );
});
