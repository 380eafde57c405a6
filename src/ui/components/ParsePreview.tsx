// The RSS/live chart while a file is being read: four SVG paths drawn from the same series as the
// full chart, once a second. A Recharts redraw costs tens of milliseconds of main thread
// (docs/performance.md), which a parse on a two-core machine cannot spare; this costs about one. It scales with
// CSS (a fixed viewBox stretched to the box), so it never measures the page. The interactive chart
// (tooltip, brush) replaces it when the parse ends.

import { memo, useMemo } from 'react';
import { fmtClock, fmtInt } from '../format.ts';
import { liveAxis, rssAxis, type ChartPoint } from '../display/chart-data.ts';

// Whole numbers in a large viewBox: no toFixed per point (the drawing is ~4,000 points a second).
const W = 10000;
const H = 1000;

/** A polyline through the points that have a value (a gap where a value is missing). */
function pathOf(xs: Int32Array, ys: Float64Array): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (Number.isNaN(y)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${xs[i]} ${Math.round(y)}`);
    pen = true;
  }
  return parts.join('');
}

/** The area between two polylines (min and max per bucket), over the points that have both. */
function bandOf(xs: Int32Array, lo: Float64Array, hi: Float64Array): string {
  const top: string[] = [];
  const bottom: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (Number.isNaN(lo[i]) || Number.isNaN(hi[i])) continue;
    top.push(`${top.length ? 'L' : 'M'}${xs[i]} ${Math.round(hi[i])}`);
    bottom.push(`L${xs[i]} ${Math.round(lo[i])}`);
  }
  if (top.length < 2) return '';
  return `${top.join('')}${bottom.reverse().join('')}Z`;
}

export const ParsePreview = memo(function ParsePreview({ points }: { points: ChartPoint[] }) {
  const drawn = useMemo(() => {
    const n = points.length;
    const c0 = points[0].clock;
    const c1 = points[n - 1].clock;
    const rss = rssAxis(points, 0, n - 1);
    const live = liveAxis(points);
    const rssLo = rss ? rss.domain[0] : 0;
    const rssScale = rss ? H / (rss.domain[1] - rss.domain[0] || 1) : 0;
    const liveScale = H / (live.domain[1] || 1);
    const xs = new Int32Array(n);
    const rssMin = new Float64Array(n).fill(NaN);
    const rssMax = new Float64Array(n).fill(NaN);
    const rssLine = new Float64Array(n).fill(NaN);
    const liveMin = new Float64Array(n);
    const liveMax = new Float64Array(n);
    const liveLine = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = points[i];
      xs[i] = c1 > c0 ? Math.round(((p.clock - c0) / (c1 - c0)) * W) : W / 2;
      if (rss && p.rssRange) {
        rssMin[i] = H - (p.rssRange[0] - rssLo) * rssScale;
        rssMax[i] = H - (p.rssRange[1] - rssLo) * rssScale;
      }
      if (rss && p.rss !== null) rssLine[i] = H - (p.rss - rssLo) * rssScale;
      liveMin[i] = H - p.liveRange[0] * liveScale;
      liveMax[i] = H - p.liveRange[1] * liveScale;
      liveLine[i] = H - p.live * liveScale;
    }
    return {
      c0,
      c1,
      rss,
      live,
      rssBand: bandOf(xs, rssMin, rssMax),
      rssLine: pathOf(xs, rssLine),
      liveBand: bandOf(xs, liveMin, liveMax),
      liveLine: pathOf(xs, liveLine),
    };
  }, [points]);

  return (
    <div
      className="chart chart-preview"
      data-testid="rss-chart"
      data-state="preview"
      title="Redrawn once a second while the file is read; tooltips and zoom when it is done."
    >
      <div className="preview-plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
          {drawn.rss && <path className="rss-band" d={drawn.rssBand} />}
          {drawn.rss && <path className="rss-line" d={drawn.rssLine} vectorEffect="non-scaling-stroke" />}
          <path className="live-band" d={drawn.liveBand} />
          <path className="live-line" d={drawn.liveLine} vectorEffect="non-scaling-stroke" />
        </svg>
        {drawn.rss && (
          <>
            <span className="axis-label rss top">{drawn.rss.format(drawn.rss.domain[1])}</span>
            <span className="axis-label rss bottom">{drawn.rss.format(drawn.rss.domain[0])}</span>
          </>
        )}
        <span className="axis-label live top">{fmtInt(drawn.live.domain[1])}</span>
        <span className="axis-label live bottom">0</span>
      </div>
      <div className="preview-x">
        <span>{fmtClock(drawn.c0)}</span>
        <span>Clock (CPU s)</span>
        <span>{fmtClock(drawn.c1)}</span>
      </div>
    </div>
  );
});
