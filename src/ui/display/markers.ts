// The program's messages on the RSS chart: which are in view and where, markers too close to tell
// apart drawn as one group with a count, and how a group is styled.

import type { PhaseKind } from './phase-kinds.ts';

export interface MarkerGroup {
  /** Where the group is drawn: its first marker's position. */
  x: number;
  /** Index of its first marker. */
  first: number;
  count: number;
}

/**
 * Groups markers (positions in pixels, ascending) so that no two groups are closer than minGap:
 * a marker within minGap of the current group's first joins it.
 */
export function collapseMarkers(xs: readonly number[], minGap: number): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  for (let i = 0; i < xs.length; i++) {
    const last = groups[groups.length - 1];
    if (last && xs[i] - last.x < minGap) last.count++;
    else groups.push({ x: xs[i], first: i, count: 1 });
  }
  return groups;
}

/** The style of a group: its markers' kind when they share one, else 'mixed'. */
export function groupKind(kinds: readonly PhaseKind[]): PhaseKind | 'mixed' {
  const k = kinds[0];
  return kinds.every((x) => x === k) ? k : 'mixed';
}

/** The markers in view and their groups, over a clock axis [lo, hi] drawn by `toX`. */
export interface PlacedMarkers<M> {
  shown: M[];
  groups: MarkerGroup[];
}

/**
 * With the whole run in view, every marker is drawn, those just outside the axis (before the first
 * event, in the last bucket) at its edge; zoomed in, only those inside it.
 */
export function placeMarkers<M extends { clock: number }>(
  markers: readonly M[],
  lo: number,
  hi: number,
  wholeRun: boolean,
  toX: (clock: number) => number,
  minGap: number,
): PlacedMarkers<M> {
  const shown = wholeRun ? [...markers] : markers.filter((m) => m.clock >= lo && m.clock <= hi);
  const xs = shown.map((m) => toX(Math.min(hi, Math.max(lo, m.clock))));
  return { shown, groups: collapseMarkers(xs, minGap) };
}
