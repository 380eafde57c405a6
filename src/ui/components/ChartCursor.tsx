// The RSS chart by keyboard, drawn inside it where recharts' hooks give the plot and the clock axis:
// one Tab stop, an ARIA slider over the chart's points. ← → move a cursor along the clock, Enter
// makes its clock the instant T, Shift with the arrows selects the window A..B (applied once the
// keys pause, as a drag of the handles is), Esc drops a selection not yet applied (display/
// cursor-keys.ts). Screen readers hear the cursor's clock, RSS and live count as the slider's value
// and the chart's summary as its description; the box beside the cursor shows the same.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import { pointSummary } from '../display/chart-summary.ts';
import { bucketAt, wholeMicroseconds, type ChartPoint } from '../display/chart-data.ts';
import { cursorKey, selection, type CursorState } from '../display/cursor-keys.ts';
import { fmtClock } from '../format.ts';
import type { ClockWindow } from '../url-state.ts';
import type { Peaks } from '../../engine/query/peaks.ts';

/** A selection is applied once the keys pause this long, like a drag of the brush (RssChart.tsx). */
const COMMIT_DELAY_MS = 250;

/** What the box beside the cursor shows, and where. */
export interface CursorReadout {
  x: number;
  side: 'left' | 'right';
  point: ChartPoint;
  /** The clocks a Shift selection spans, while one is made. */
  selecting: [number, number] | null;
}

export interface ChartCursorProps {
  points: ChartPoint[];
  /** The first and last point in view (the brush zooms the plot). */
  view: [number, number];
  t: number | null;
  onPickT: (t: number) => void;
  onWindowChange: (win: ClockWindow | null) => void;
  /** Ids of the texts read with the slider: the chart's summary and the keys. */
  describedBy: string;
  onReadout: (r: CursorReadout | null) => void;
  /** Tells screen readers what a key set. */
  onAnnounce: (text: string) => void;
  /** L and R set T at the peak of live objects and of RSS (null until known). */
  peaks: Peaks | null;
}

export function ChartCursor({
  points,
  view,
  t,
  onPickT,
  onWindowChange,
  describedBy,
  onReadout,
  onAnnounce,
  peaks,
}: ChartCursorProps) {
  const plot = usePlotArea();
  const scale = useXAxisScale();
  const [state, setState] = useState<CursorState | null>(null);
  const [focused, setFocused] = useState(false);
  const commit = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(commit.current), []);

  const n = points.length;
  const s: CursorState =
    state && state.at < n ? state : { at: t !== null ? bucketAt(points, t) : view[0], anchor: null };
  const sel = selection(s);
  const point: ChartPoint | undefined = points[s.at];
  const x = point && scale?.(point.clock);

  // The box beside the cursor follows it, and the plot when the window zooms it.
  const [plotX, plotWidth] = [plot?.x ?? 0, plot?.width ?? 0];
  const [selFrom, selTo] = sel ? [points[sel[0]].clock, points[sel[1]].clock] : [null, null];
  useEffect(() => {
    if (!focused || x === undefined || !point) return onReadout(null);
    const selecting: [number, number] | null = selFrom === null || selTo === null ? null : [selFrom, selTo];
    onReadout({ x, side: x > plotX + plotWidth / 2 ? 'left' : 'right', point, selecting });
  }, [focused, x, plotX, plotWidth, point, selFrom, selTo, onReadout]);

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const peakKey = e.key.toLowerCase();
    const peak = peakKey === 'l' ? peaks?.live : peakKey === 'r' ? peaks?.rss : undefined;
    if (peak) {
      e.preventDefault();
      setState({ at: bucketAt(points, peak.clock), anchor: null });
      onPickT(peak.clock);
      onAnnounce(`T set at the peak of ${peakKey === 'l' ? 'live objects' : 'RSS'}, ${fmtClock(peak.clock)} s.`);
      return;
    }
    const action = cursorKey(e.key, e.shiftKey, s, n, view);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'set-t') {
      const at = wholeMicroseconds(points[action.at].clock);
      onPickT(at);
      onAnnounce(`T set to ${fmtClock(at)} s.`);
      return;
    }
    const next = action.kind === 'drop-selection' ? { ...s, anchor: null } : action.state;
    setState(next);
    clearTimeout(commit.current);
    const span = selection(next);
    if (!span) return;
    commit.current = setTimeout(() => {
      const [a, b] = [wholeMicroseconds(points[span[0]].clock), wholeMicroseconds(points[span[1]].clock)];
      onWindowChange({ min: a, max: b });
      onAnnounce(`Window A..B set to ${fmtClock(a)} to ${fmtClock(b)} s.`);
    }, COMMIT_DELAY_MS);
  };

  if (!plot || !scale || !point) return null;
  const selX = sel && [scale(points[sel[0]].clock) ?? plot.x, scale(points[sel[1]].clock) ?? plot.x + plot.width];
  const clamp = (v: number) => Math.max(plot.x, Math.min(plot.x + plot.width, v));
  return (
    <g
      className="chart-cursor"
      data-testid="chart-cursor"
      role="slider"
      tabIndex={0}
      aria-label="Chart cursor on the clock"
      aria-valuemin={points[0].clock}
      aria-valuemax={points[n - 1].clock}
      aria-valuenow={points[s.at].clock}
      aria-valuetext={`${pointSummary(points[s.at])}${sel ? `; selecting ${fmtClock(points[sel[0]].clock)} to ${fmtClock(points[sel[1]].clock)} s` : ''}`}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        // A selection is a keyboard gesture: leaving the chart ends it (one waiting to apply still does).
        setState((st) => st && { ...st, anchor: null });
      }}
    >
      {/* The first rect is the focus ring (an SVG element takes no outline in every browser). */}
      <rect className="cursor-ring" x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
      {selX && (
        <rect
          className="cursor-selection"
          x={clamp(Math.min(selX[0], selX[1]))}
          y={plot.y}
          width={Math.abs(clamp(selX[1]) - clamp(selX[0]))}
          height={plot.height}
        />
      )}
      {focused && x !== undefined && x >= plot.x && x <= plot.x + plot.width && (
        <line className="cursor-line" x1={x} x2={x} y1={plot.y} y2={plot.y + plot.height} />
      )}
    </g>
  );
}
