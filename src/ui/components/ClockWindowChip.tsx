import { useId, useState, type FormEvent } from 'react';
import { clockToUrl, fmtClock } from '../format.ts';
import type { ClockWindow } from '../url-state.ts';

/** Shows the active clock window, with ✕ to clear it. */
export function ClockWindowChip({ win, onClear }: { win: ClockWindow; onClear: () => void }) {
  return (
    <span className="chip" data-testid="clock-window" title="The clock window A..B">
      A..B: {fmtClock(win.min)}–{fmtClock(win.max)} s
      <button
        type="button"
        aria-label="Clear clock window"
        title="Clear clock window"
        data-testid="clear-clock-window"
        onClick={onClear}
      >
        ✕
      </button>
    </span>
  );
}

/**
 * The clock window by keyboard: "from" and "to" in CPU seconds; Enter (or Set) applies them, both
 * empty clears the window. One end left empty means the start or the end of the log. Text fields,
 * not number fields: a number field's spinners take the room of the digits (Firefox), and a clock
 * like 11.250550 must show whole.
 */
export function ClockWindowForm({
  win,
  onChange,
  clockFirst,
  clockLast,
}: {
  win: ClockWindow | null;
  onChange: (win: ClockWindow | null) => void;
  clockFirst: number | null;
  clockLast: number | null;
}) {
  const id = useId();
  const [from, setFrom] = useState(win ? clockToUrl(win.min) : '');
  const [to, setTo] = useState(win ? clockToUrl(win.max) : '');
  const [problem, setProblem] = useState<string | null>(null);
  // A window set elsewhere (the brush, ✕, the URL) shows here, replacing what was typed.
  const [shown, setShown] = useState(win);
  if (win !== shown) {
    setShown(win);
    setFrom(win ? clockToUrl(win.min) : '');
    setTo(win ? clockToUrl(win.max) : '');
    setProblem(null);
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = from.trim();
    const t = to.trim();
    if (!f && !t) {
      setProblem(null);
      onChange(null);
      return;
    }
    const min = f ? Number(f) : (clockFirst ?? 0);
    const max = t ? Number(t) : (clockLast ?? Number.MAX_VALUE);
    if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < 0) {
      setProblem('Clock values are seconds, like 1.25.');
      return;
    }
    if (min > max) {
      setProblem('“From” must not be after “to”.');
      return;
    }
    setProblem(null);
    onChange({ min, max });
  };

  return (
    <form
      className="window-form"
      onSubmit={submit}
      aria-label="Clock window"
      data-testid="clock-window-form"
      title="The clock window A..B: drag the handles under the chart, click a phase, or type it here"
    >
      {/* Short visible labels; screen readers also hear which end of A..B and the unit. */}
      <label htmlFor={`${id}-from`}>
        From<span className="visually-hidden"> (A, the window's start, in CPU seconds)</span>
      </label>
      <input
        id={`${id}-from`}
        data-testid="clock-from"
        type="text"
        inputMode="decimal"
        spellCheck={false}
        placeholder={clockFirst !== null ? fmtClock(clockFirst) : 'start'}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <label htmlFor={`${id}-to`}>
        to<span className="visually-hidden"> (B, the window's end, in CPU seconds)</span>
      </label>
      <input
        id={`${id}-to`}
        data-testid="clock-to"
        type="text"
        inputMode="decimal"
        spellCheck={false}
        placeholder={clockLast !== null ? fmtClock(clockLast) : 'end'}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <span className="muted">s</span>
      <button
        type="submit"
        className="btn btn-small"
        data-testid="clock-apply"
        title="Show only objects created in this clock window (both empty: no window)"
      >
        Set
      </button>
      {problem && (
        <span id={`${id}-problem`} className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
