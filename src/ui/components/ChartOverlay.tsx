// Drawn inside the RSS chart, where recharts' hooks give the plot area and the clock axis: a click
// on the plot sets the instant T, T's marker line, and the program's messages as thin markers whose
// flags (in the strip above the plot) show their text on hover or focus. Markers closer than a few
// pixels are one flag with a count. The flags are one Tab stop; ← and → move between them.

import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { usePlotArea, useXAxisDomain, useXAxisInverseScale, useXAxisScale } from 'recharts';
import { wholeMicroseconds } from '../display/chart-data.ts';
import { groupKind, placeMarkers } from '../display/markers.ts';
import type { PhaseKind } from '../display/phase-kinds.ts';
import { fmtClock, fmtInt } from '../format.ts';

export interface PhaseMarker {
  clock: number;
  kind: PhaseKind;
  text: string;
}

/** The markers of a hovered or focused flag, and where to show their text. */
export interface MarkerTip {
  x: number;
  /** Which side of the flag the text goes (toward the middle of the plot). */
  side: 'left' | 'right';
  markers: PhaseMarker[];
}

/** Flags closer than this (pixels) are drawn as one. */
const MIN_GAP_PX = 8;
/** The flags' strip: its height above the plot (the chart's top margin leaves room for it). */
const STRIP_PX = 14;

export interface ChartOverlayProps {
  t: number | null;
  onPickT: (t: number) => void;
  /** The messages, by clock; null hides them. */
  markers: PhaseMarker[] | null;
  /** True when the whole run is in view: messages just before the first event or after the last are drawn at the edges. */
  wholeRun: boolean;
  onTip: (tip: MarkerTip | null) => void;
}

/** A flag's accessible name: the message, or how many and from when to when. */
function flagLabel(ms: PhaseMarker[]): string {
  if (ms.length === 1)
    return `${ms[0].kind === 'message' ? 'Message' : ms[0].kind} at ${fmtClock(ms[0].clock)} s: ${ms[0].text}`;
  return `${fmtInt(ms.length)} messages from ${fmtClock(ms[0].clock)} to ${fmtClock(ms[ms.length - 1].clock)} s`;
}

/** The x axis's [first, last] clock, or null until recharts has laid it out (its domain is the data's indices then). */
function clockRange(domain: ReturnType<typeof useXAxisDomain>): [number, number] | null {
  return domain?.length === 2 && typeof domain[0] === 'number' && typeof domain[1] === 'number'
    ? [domain[0], domain[1]]
    : null;
}

export function ChartOverlay({ t, onPickT, markers, wholeRun, onTip }: ChartOverlayProps) {
  const plot = usePlotArea();
  const scale = useXAxisScale();
  const invert = useXAxisInverseScale();
  const range = clockRange(useXAxisDomain());
  const [focusIndex, setFocusIndex] = useState(0);
  const [lo, hi] = range ?? [NaN, NaN];
  const plotX = plot?.x ?? 0;
  // Memoised: the overlay renders again with every move of the chart's tooltip.
  const placed = useMemo(
    () =>
      scale && markers && !Number.isNaN(lo)
        ? placeMarkers(markers, lo, hi, wholeRun, (c) => scale(c) ?? plotX, MIN_GAP_PX)
        : null,
    [markers, lo, hi, wholeRun, scale, plotX],
  );
  if (!plot || !scale || !invert || !range) return null;

  const pick = (e: MouseEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return;
    const clock = Number(invert(e.clientX - svg.getBoundingClientRect().left));
    if (Number.isFinite(clock)) onPickT(wholeMicroseconds(Math.min(hi, Math.max(lo, clock))));
  };

  const { shown, groups } = placed ?? { shown: [], groups: [] };
  const focusAt = Math.min(focusIndex, Math.max(0, groups.length - 1));
  const tipOf = (k: number): MarkerTip => {
    const g = groups[k];
    return {
      x: g.x,
      side: g.x > plot.x + plot.width / 2 ? 'left' : 'right',
      markers: shown.slice(g.first, g.first + g.count),
    };
  };
  const onFlagKey = (e: KeyboardEvent<SVGGElement>, k: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(groups.length - 1, k + step));
    setFocusIndex(next);
    (e.currentTarget.ownerSVGElement?.querySelector(`[data-flag="${next}"]`) as SVGGElement | null)?.focus();
  };

  const tx = t !== null && t >= lo && t <= hi ? scale(t) : undefined;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  return (
    <g className="chart-overlay">
      <rect
        className="chart-plot"
        data-testid="chart-plot"
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        onClick={pick}
      />
      {markers && (
        <g className="phase-markers" data-testid="phase-markers" role="group" aria-label="Messages of the program">
          {groups.map((g, k) => {
            const ms = shown.slice(g.first, g.first + g.count);
            const kind = groupKind(ms.map((m) => m.kind));
            return (
              <g key={k} className={`phase-marker kind-${kind}${g.count > 1 ? ' many' : ''}`}>
                <line x1={g.x} x2={g.x} y1={top} y2={bottom} />
                <g
                  className="flag"
                  data-testid="phase-flag"
                  data-flag={k}
                  data-count={g.count}
                  role="img"
                  aria-label={flagLabel(ms)}
                  tabIndex={k === focusAt ? 0 : -1}
                  onMouseEnter={() => onTip(tipOf(k))}
                  onMouseLeave={() => onTip(null)}
                  onFocus={() => {
                    setFocusIndex(k);
                    onTip(tipOf(k));
                  }}
                  onBlur={() => onTip(null)}
                  onKeyDown={(e) => onFlagKey(e, k)}
                >
                  <rect x={g.x - MIN_GAP_PX / 2} y={top - STRIP_PX} width={MIN_GAP_PX} height={STRIP_PX} />
                  {g.count > 1 ? (
                    <text x={g.x} y={top - 4}>
                      {g.count > 99 ? '99+' : g.count}
                    </text>
                  ) : (
                    <path d={`M${g.x - 3.5} ${top - 10}h7l-3.5 7z`} />
                  )}
                </g>
              </g>
            );
          })}
        </g>
      )}
      {tx !== undefined && (
        <g className="t-marker" data-testid="t-marker">
          <line x1={tx} x2={tx} y1={top} y2={bottom} />
          <text x={tx + 3} y={top + 10}>
            T
          </text>
        </g>
      )}
    </g>
  );
}
