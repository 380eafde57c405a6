// What a key does to the RSS chart's keyboard cursor, which stands on one of the chart's points:
// ← → (and ↓ ↑, as on any slider) one point, Page Up/Down a twentieth of the run, Home/End to the
// ends of the part in view; with Shift the same keys select from where the selection began (its
// anchor), past the part in view too (the window A..B they make zooms the chart to it); Enter
// sets T at the cursor; Esc drops the selection. Pure, so the keys are tested without a chart.

export interface CursorState {
  /** The point the cursor stands on. */
  at: number;
  /** Where a Shift selection began (null: none). */
  anchor: number | null;
}

export type CursorAction =
  { kind: 'move'; state: CursorState } | { kind: 'set-t'; at: number } | { kind: 'drop-selection' };

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };

/**
 * The action of `key` with `n` points, `view` the first and last point in view; null for a key the
 * cursor does not use (it is left to the page: Tab, and the rest).
 */
export function cursorKey(
  key: string,
  shift: boolean,
  s: CursorState,
  n: number,
  view: [number, number],
): CursorAction | null {
  if (key === 'Enter') return { kind: 'set-t', at: s.at };
  if (key === 'Escape') return s.anchor === null ? null : { kind: 'drop-selection' };
  const [lo, hi] = shift ? [0, n - 1] : view;
  const page = Math.max(1, Math.round(n / 20));
  let to: number;
  if (key in STEPS) to = s.at + STEPS[key];
  else if (key === 'PageUp') to = s.at + page;
  else if (key === 'PageDown') to = s.at - page;
  else if (key === 'Home') to = lo;
  else if (key === 'End') to = hi;
  else return null;
  const at = Math.max(lo, Math.min(hi, to));
  return { kind: 'move', state: { at, anchor: shift ? (s.anchor ?? s.at) : null } };
}

/** The points a selection spans, lowest first; null when it spans none (no anchor, or the anchor itself). */
export function selection(s: CursorState): [number, number] | null {
  if (s.anchor === null || s.anchor === s.at) return null;
  return [Math.min(s.anchor, s.at), Math.max(s.anchor, s.at)];
}
