// The Phases tab: the spans between the program's own messages and what each did to the heap
// (NEW, DEL, net live, created and still alive at its end, RSS change), the phases that left
// the most alive first. Opening a phase makes it the clock window A..B, so every table follows.

import { memo, useCallback } from 'react';
import type { Row, SortSpec } from '../../engine/types.ts';
import { DataTable } from '../components/table/DataTable.tsx';
import type { DataEpoch } from '../data/data-epoch.ts';
import { tableSource } from '../data/row-source.ts';
import { phaseWindow } from '../display/moments.ts';
import type { ClockWindow, ViewState } from '../url-state.ts';

/** The phases that left the most objects alive first. */
const PHASES_DEFAULT_SORT: SortSpec[] = [{ column: 'createdAndAlive', desc: true }];

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
  const onActivateRow = useCallback(
    (_index: number, row: Row) => {
      const win = phaseWindow(row);
      if (win) onWindowChange(win);
    },
    [onWindowChange],
  );
  return (
    <div className="table-tab">
      <p className="view-description">
        The spans between the program’s messages (and before the first): objects created and deleted in each, the change
        of the live count, those created in it and still alive at its end, and the RSS change. Click a phase (or Enter)
        to make it the clock window A..B: the chart zooms to it and the tables follow (<strong>Growth A→B</strong> shows
        what it left alive).
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
