// The instant T by keyboard (a click on the chart sets it too): typed seconds apply once typing
// pauses, or at once with Enter; ✕ (or Enter on an empty field) clears T. The heap-at-T tab shows
// the heap at that instant.

import { useEffect, useId, useState, type FormEvent } from 'react';
import { clockToUrl, fmtClock } from '../format.ts';

/** Typing pauses this long before a typed T applies (each new T asks the worker for the heap again). */
const TYPED_DELAY_MS = 450;

/** A clock in seconds, or undefined for text that is not one (empty: null, no T). */
function parseClock(text: string): number | null | undefined {
  const s = text.trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function InstantControl({
  t,
  onChange,
  clockLast,
}: {
  t: number | null;
  onChange: (t: number | null) => void;
  clockLast: number | null;
}) {
  const id = useId();
  const [text, setText] = useState(t === null ? '' : clockToUrl(t));
  // A T set elsewhere (the chart, ✕, the URL) shows here, replacing what was typed.
  const [shown, setShown] = useState(t);
  if (t !== shown) {
    setShown(t);
    setText(t === null ? '' : clockToUrl(t));
  }
  const typed = parseClock(text);
  const problem = typed === undefined;

  useEffect(() => {
    // An emptied field waits for Enter: deleting to type another T should not clear it on the way.
    if (typed === undefined || typed === null || typed === t) return;
    const timer = setTimeout(() => onChange(typed), TYPED_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, t, onChange]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed !== undefined && typed !== t) onChange(typed);
  };

  return (
    <form className="window-form instant-form" onSubmit={submit} aria-label="Instant T" data-testid="instant-form">
      <label htmlFor={id} title="An instant: the Heap at T tab shows what was alive then">
        T<span className="visually-hidden"> (an instant, in CPU seconds)</span>
      </label>
      <input
        id={id}
        data-testid="instant-input"
        type="text"
        inputMode="decimal"
        spellCheck={false}
        placeholder="click chart"
        title={clockLast !== null ? `CPU seconds, up to ${fmtClock(clockLast)}` : 'CPU seconds'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={problem}
      />
      <span className="muted">s</span>
      {t !== null && (
        <button
          type="button"
          className="btn btn-small"
          data-testid="clear-instant"
          aria-label="Clear T"
          title="Clear T"
          onClick={() => onChange(null)}
        >
          ✕
        </button>
      )}
      {problem && (
        <span className="form-problem" role="alert">
          T is in seconds, like 1.25.
        </span>
      )}
    </form>
  );
}
