// The program's messages as markers for the RSS chart: the starts of the phases, asked of the
// worker once a parse has ended (a phase replays every event), at most MAX_MARKERS of them.

import type { IgnoreList } from '../../engine/types.ts';
import type { PhaseMarker } from '../components/ChartOverlay.tsx';
import { useMemo } from 'react';
import type { PhaseKind } from '../display/phase-kinds.ts';
import { useQuery } from './use-query.ts';

/** More messages than this are not drawn past the first MAX_MARKERS (they would be one grey band). */
export const MAX_MARKERS = 5000;

export interface PhaseMarkers {
  markers: PhaseMarker[];
  /** True when the log has more messages than are drawn. */
  capped: boolean;
}

export function usePhaseMarkers(dataVersion: number, parsing: boolean, ignore: IgnoreList): PhaseMarkers | null {
  // The ignore list changes a phase's numbers, not where it starts; it is passed so the worker's
  // phases serve the chart and the Phases tab alike.
  const page = useQuery(
    'rows',
    parsing
      ? null
      : { table: 'phases', ignore, sort: [{ column: 'from', desc: false }], offset: 0, limit: MAX_MARKERS + 1 },
    dataVersion,
  ).value;
  return useMemo(() => {
    if (!page) return null;
    const markers: PhaseMarker[] = [];
    for (const r of page.rows) {
      if (typeof r.from !== 'number') continue; // the span before the first message
      markers.push({ clock: r.from, kind: r.kind as PhaseKind, text: String(r.message ?? '') });
    }
    return {
      markers: markers.slice(0, MAX_MARKERS),
      capped: page.matched > MAX_MARKERS + 1 || markers.length > MAX_MARKERS,
    };
  }, [page]);
}
