// "Peak live" and "Peak RSS": T set exactly at the instant with the most live objects, or with the
// highest RSS (the engine's peaks query), so the Heap at T tab shows what was alive at the peak. The
// chart's keyboard cursor does the same with L and R (ChartCursor.tsx).

import type { Peak, Peaks } from '../../engine/query/peaks.ts';
import { fmtBytes, fmtClock, fmtInt } from '../format.ts';

/** Where a peak is, in words: its value, its clock and the phase it falls in. */
export function peakWords(which: 'live' | 'rss', p: Peak): string {
  const value = which === 'live' ? `${fmtInt(p.value)} live objects` : `RSS ${fmtBytes(p.value)}`;
  const phase =
    p.phase === null
      ? ''
      : `, phase ${p.phase}${p.message === null ? ' (before the first message)' : ` “${p.message}”`}`;
  return `${value} at ${fmtClock(p.clock)} s${phase}`;
}

export function PeakButtons({ peaks, onPick }: { peaks: Peaks | null; onPick: (t: number) => void }) {
  const button = (which: 'live' | 'rss', label: string) => {
    const p = peaks?.[which] ?? null;
    return (
      <button
        type="button"
        className="btn btn-small"
        data-testid={`peak-${which}`}
        disabled={!p}
        title={
          p ? `Set T at the peak: ${peakWords(which, p)} (key ${which === 'live' ? 'L' : 'R'} on the chart)` : undefined
        }
        onClick={() => p && onPick(p.clock)}
      >
        {label}
      </button>
    );
  };
  return (
    <span className="peak-buttons" role="group" aria-label="Set T at a peak">
      {button('live', 'Peak live')}
      {button('rss', 'Peak RSS')}
    </span>
  );
}
