import { fmtClock } from '../format.ts';
import type { ClockWindow } from '../url-state.ts';

/** Shows the active clock window, with ✕ to clear it. */
export function ClockWindowChip({ win, onClear }: { win: ClockWindow; onClear: () => void }) {
  return (
    <span className="chip" data-testid="clock-window">
      Clock window: {fmtClock(win.min)}–{fmtClock(win.max)} s
      <button type="button" aria-label="Clear clock window" title="Clear clock window" data-testid="clear-clock-window" onClick={onClear}>
        ✕
      </button>
    </span>
  );
}
