// The RSS/live chart while a file is being read: four SVG paths drawn from the same series as the
// full chart, once a second. Recharts costs 35–100 ms of main-thread time per redraw (measured),
// which a parse on a two-core machine cannot spare; this costs about a millisecond. It scales with
// CSS (a fixed viewBox stretched to the box), so it never measures the page. The interactive chart
// (tooltip, brush) replaces it when the parse ends.

import { memo, useMemo } from 'react';
import { fmtBytes, fmtClock, fmtInt } from '../format.ts';
import { liveAxis, rssAxis, type ChartPoint } from './chart-data.ts';

const W = 1000;
const H = 100;

function pathOf(xs: number[], ys: (number | null)[]): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)} ${y.toFixed(2)}`;
    pen = true;
  }
  return d;
}

function bandOf(xs: number[], lo: (number | null)[], hi: (number | null)[]): string {
  const idx = xs.map((_, i) => i).filter((i) => lo[i] !== null && hi[i] !== null);
  if (idx.length < 2) return '';
  const top = idx.map((i, k) => `${k ? 'L' : 'M'}${xs[i].toFixed(1)} ${hi[i]!.toFixed(2)}`).join('');
  const bottom = [...idx].reverse().map((i) => `L${xs[i].toFixed(1)} ${lo[i]!.toFixed(2)}`).join('');
  return `${top}${bottom}Z`;
}

export const ParsePreview = memo(function ParsePreview({ points }: { points: ChartPoint[] }) {
  const drawn = useMemo(() => {
    const n = points.length;
    const c0 = points[0].clock;
    const c1 = points[n - 1].clock;
    const xs = points.map((p) => (c1 > c0 ? ((p.clock - c0) / (c1 - c0)) * W : W / 2));
    const rss = rssAxis(points, 0, n - 1);
    const live = liveAxis(points);
    const yRss = (v: number | null | undefined) =>
      v === null || v === undefined || !rss ? null : H - ((v - rss.domain[0]) / (rss.domain[1] - rss.domain[0] || 1)) * H;
    const yLive = (v: number) => H - (v / (live.domain[1] || 1)) * H;
    return {
      c0,
      c1,
      rss,
      live,
      rssBand: bandOf(xs, points.map((p) => yRss(p.rssRange?.[0])), points.map((p) => yRss(p.rssRange?.[1]))),
      rssLine: pathOf(xs, points.map((p) => yRss(p.rss))),
      liveBand: bandOf(xs, points.map((p) => yLive(p.liveRange[0])), points.map((p) => yLive(p.liveRange[1]))),
      liveLine: pathOf(xs, points.map((p) => yLive(p.live))),
    };
  }, [points]);

  return (
    <div className="chart chart-preview" data-testid="rss-chart" data-state="preview">
      <div className="preview-legend">
        {drawn.rss && (
          <span>
            <span className="dot rss" /> RSS (max)
          </span>
        )}
        <span>
          <span className="dot live" /> Live objects (max)
        </span>
        <span className="muted">Redrawn once a second while the file is read; tooltips and zoom when it is done.</span>
      </div>
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
      <span className="visually-hidden">
        {drawn.rss ? `RSS up to ${fmtBytes(drawn.rss.domain[1])}, ` : ''}live objects up to {fmtInt(drawn.live.domain[1])}, clock{' '}
        {fmtClock(drawn.c0)} to {fmtClock(drawn.c1)} s so far.
      </span>
    </div>
  );
});
