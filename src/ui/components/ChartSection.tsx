// The chart panel: its head (the clock window A..B, the instant T, the message markers' toggle,
// hide/show) and the RSS and live objects chart, on which a drag of the handles picks A..B and a
// click picks T.

import { memo, useId, useState } from 'react';
import type { IgnoreList } from '../../engine/types.ts';
import { usePhaseMarkers, MAX_MARKERS } from '../hooks/use-phase-markers.ts';
import type { ClockWindow } from '../url-state.ts';
import { fmtInt } from '../format.ts';
import { ClockWindowChip, ClockWindowForm } from './ClockWindowChip.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { InstantControl } from './InstantControl.tsx';
import { RssChartPanel } from './RssChartPanel.tsx';

export interface ChartSectionProps {
  dataVersion: number;
  parsing: boolean;
  clockFirst: number | null;
  clockLast: number | null;
  win: ClockWindow | null;
  onWindowChange: (win: ClockWindow | null) => void;
  t: number | null;
  onInstantChange: (t: number | null) => void;
  ignore: IgnoreList;
}

export const ChartSection = memo(function ChartSection(props: ChartSectionProps) {
  const { win, onWindowChange, t, onInstantChange } = props;
  const [chartOpen, setChartOpen] = useState(true);
  const [showMarkers, setShowMarkers] = useState(true);
  const phases = usePhaseMarkers(props.dataVersion, props.parsing, props.ignore);
  const markerCount = phases?.markers.length ?? 0;
  const summaryId = useId();

  return (
    <section
      className="chart-panel"
      aria-label="RSS and live objects over clock"
      aria-describedby={chartOpen ? summaryId : undefined}
    >
      <div className="chart-head">
        <h2>RSS and live objects over clock</h2>
        {win ? (
          <ClockWindowChip win={win} onClear={() => onWindowChange(null)} />
        ) : (
          chartOpen && <span className="muted hint">Drag the handles under the chart, or type A..B:</span>
        )}
        <ClockWindowForm
          win={win}
          onChange={onWindowChange}
          clockFirst={props.clockFirst}
          clockLast={props.clockLast}
        />
        <InstantControl t={t} onChange={onInstantChange} clockLast={props.clockLast} />
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
            parsing={props.parsing}
            win={win}
            onWindowChange={onWindowChange}
            t={t}
            onPickT={onInstantChange}
            markers={showMarkers && phases ? phases.markers : null}
            summaryId={summaryId}
          />
        </ErrorBoundary>
      )}
    </section>
  );
});
