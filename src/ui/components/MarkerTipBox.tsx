// The text of the message markers under the pointer or the keyboard, beside their flag: each
// message's clock, kind and text (as text, never HTML), the first few of a crowded flag.

import { PHASE_KIND_NAMES } from '../display/phase-kinds.ts';
import { fmtClock, fmtInt } from '../format.ts';
import type { MarkerTip } from './ChartOverlay.tsx';

const SHOWN = 6;

export function MarkerTipBox({ tip }: { tip: MarkerTip }) {
  const more = tip.markers.length - SHOWN;
  return (
    <div
      className={`chart-tip marker-tip side-${tip.side}`}
      data-testid="marker-tip"
      role="tooltip"
      style={{ left: tip.x }}
    >
      {tip.markers.length > 1 && <div className="chart-tip-clock">{fmtInt(tip.markers.length)} messages</div>}
      {tip.markers.slice(0, SHOWN).map((m, i) => (
        <div key={i} className="marker-tip-line">
          <span className="muted">{fmtClock(m.clock)} s</span>
          {m.kind !== 'message' && (
            <span className={`marker-kind kind-${m.kind}`}> {PHASE_KIND_NAMES[m.kind]}</span>
          )}{' '}
          <span className="marker-text">{m.text}</span>
        </div>
      ))}
      {more > 0 && <div className="muted">and {fmtInt(more)} more (zoom in with the handles under the chart)</div>}
    </div>
  );
}
