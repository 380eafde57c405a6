// The Phases tab: the spans between the program's own messages and what each did to the heap
// (NEW, DEL, net live, created and still alive at its end, RSS change), in time order. Opening a
// phase makes it the clock window A..B, so every table follows; Shift with a click (or Enter) makes
// the window run from the phase opened before to this one, several consecutive phases at once.

import { memo, useCallback, useRef } from 'react';
import type { Row, SortSpec } from '../../engine/types.ts';
import { DataTable } from '../components/table/DataTable.tsx';
import type { DataEpoch } from '../data/data-epoch.ts';
import { tableSource } from '../data/row-source.ts';
import { phaseWindow } from '../display/moments.ts';
import type { ClockWindow, ViewState } from '../url-state.ts';

/** The phases in the order the program went through them. */
const PHASES_DEFAULT_SORT: SortSpec[] = [{ column: 'phase', desc: false }];

export interface PhasesViewProps {
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  dataVersion: number;
  dataEpoch: DataEpoch;
  exportName: string;
  onWindowChange: (win: ClockWindow) => void;
}

export const PhasesView = memo(function PhasesView({
  view,
  setView,
  dataVersion,
  dataEpoch,
  exportName,
  onWindowChange,
}: PhasesViewProps) {
  const onSortChange = useCallback(
    (sort: SortSpec[]) => setView((s) => ({ ...s, sort: { ...s.sort, phases: sort } })),
    [setView],
  );
  const onFilterTextChange = useCallback(
    (text: string) => setView((s) => ({ ...s, q: { ...s.q, phases: text } })),
    [setView],
  );
  const onFullPathChange = useCallback((full: boolean) => setView((s) => ({ ...s, full })), [setView]);
  // The phase opened last without Shift: a Shift-opened one extends the window from it.
  const anchor = useRef<ClockWindow | null>(null);
  const onActivateRow = useCallback(
    (_index: number, row: Row, _query: unknown, shift: boolean) => {
      const win = phaseWindow(row);
      if (!win) return;
      const from = anchor.current;
      if (shift && from) onWindowChange({ min: Math.min(from.min, win.min), max: Math.max(from.max, win.max) });
      else {
        anchor.current = win;
        onWindowChange(win);
      }
    },
    [onWindowChange],
  );
  return (
    <div className="table-tab">
      <p className="view-description">
        The spans between the program’s messages, in time order: objects created and deleted in each, the change of the
        live count, those created in it and still alive at its end, and the RSS change. Click a phase (or Enter) to make
        it the clock window A..B, Shift+click (Shift+Enter) another to take in every phase between: the chart zooms to
        it and <strong>Growth A→B</strong> shows what it left alive.
      </p>
      <DataTable
        source={tableSource('phases')}
        text={{
          label: 'Phases',
          emptyText: 'No NEW or DEL lines yet: no phases.',
          filterPlaceholder: 'Filter by message   ( / )',
          exportName,
        }}
        controls={{
          sort: view.sort.phases ?? PHASES_DEFAULT_SORT,
          onSortChange,
          filterText: view.q.phases ?? '',
          onFilterTextChange,
          fullPath: view.full,
          onFullPathChange,
        }}
        clock={{ win: null, applies: false }}
        data={{ version: dataVersion, epoch: dataEpoch }}
        toolbar={{ showFullPath: false }}
        scope={{ ignore: view.ignore }}
        onActivateRow={onActivateRow}
      />
    </div>
  );
});
