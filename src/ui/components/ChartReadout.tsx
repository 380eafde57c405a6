// One point of the RSS chart as text: the clock, RSS and live objects of its bucket (the range when
// it held several values). The mouse's tooltip and the keyboard cursor's box both show it; the
// cursor's box also says what its keys do, and the window a Shift selection would make.

import type { ChartPoint } from '../display/chart-data.ts';
import { fmtBytes, fmtClock, fmtInt } from '../format.ts';
import type { CursorReadout } from './ChartCursor.tsx';

export function PointLines({ p }: { p: ChartPoint }) {
  const range = (r: [number, number] | null, f: (v: number) => string) =>
    !r ? '—' : r[0] === r[1] ? f(r[0]) : `${f(r[0])} – ${f(r[1])}`;
  return (
    <>
      <div className="chart-tip-clock">Clock {fmtClock(p.clock)} s</div>
      <div>
        <span className="dot rss" /> RSS {range(p.rssRange, fmtBytes)}
        {p.rss !== null && <span className="muted"> ({fmtInt(p.rss)} B max)</span>}
      </div>
      <div>
        <span className="dot live" /> Live objects {range(p.liveRange, fmtInt)}
      </div>
    </>
  );
}

/** Beside the keyboard cursor; hidden from screen readers, which hear the same as the slider's value. */
export function CursorBox({ readout }: { readout: CursorReadout }) {
  const sel = readout.selecting;
  return (
    <div
      className={`chart-tip cursor-tip side-${readout.side}`}
      data-testid="cursor-readout"
      aria-hidden="true"
      style={{ left: readout.x }}
    >
      <PointLines p={readout.point} />
      {sel && (
        <div className="cursor-selecting">
          A..B {fmtClock(sel[0])} – {fmtClock(sel[1])} s
        </div>
      )}
      <div className="muted">Enter: T here · Shift+← →: A..B</div>
    </div>
  );
}
