// Which moment the heap and growth tabs show (the worker's TimeView) from the view state, and the
// clock window a phase stands for.

import type { Row, TimeView } from '../../engine/types.ts';
import type { ClockWindow, ViewState } from '../url-state.ts';

/** The heap at T, or the growth over the clock window; null while the tab has neither. */
export function momentOf(mode: 'heap' | 'growth', view: Pick<ViewState, 't' | 'win'>): TimeView | null {
  if (mode === 'heap') return view.t === null ? null : { at: view.t };
  return view.win ? { from: view.win.min, to: view.win.max } : null;
}

/** A phase's span as the clock window: the span before the first message starts at 0 (clocks are CPU seconds). */
export function phaseWindow(row: Row): ClockWindow | null {
  const to = row.to;
  if (typeof to !== 'number') return null;
  const from = typeof row.from === 'number' ? row.from : 0;
  return from <= to ? { min: from, max: to } : null;
}
