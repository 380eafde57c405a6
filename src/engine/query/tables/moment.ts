// Which moment the tables show, and which objects count as alive then: the one place a view of
// the log is defined (the Heap at T tab, the Growth A→B tab, `reftrace snapshot` and `growth`).

/**
 * The end of the log (no view), the heap at an instant (the log as if it had ended after its last
 * NEW/DEL with clock <= at; with `olderThan`, only the objects made that many seconds before it or
 * earlier), or the growth from one instant to another.
 */
export type TimeView = { at: number; olderThan?: number } | { from: number; to: number };

/** A view of one instant (the heap at T). */
export type InstantView = Extract<TimeView, { at: number }>;

/** Objects counted as alive must have been made in this clock window: after `after`, at or before `by`. */
export interface BornWindow {
  after: number;
  by: number;
}

export const ANY_TIME: BornWindow = { after: -Infinity, by: Infinity };

/** When the objects a view counts as alive were made: for a growth, after its start; older than X at T, by T - X. */
export function bornWindow(view: TimeView | undefined): BornWindow {
  if (view && 'from' in view) return { after: view.from, by: Infinity };
  if (view?.olderThan !== undefined) return { after: -Infinity, by: view.at - view.olderThan };
  return ANY_TIME;
}
