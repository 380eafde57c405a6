// One table tab: the explanation line and the shared DataTable bound to the URL state.
import { memo, type ReactNode } from 'react';
import type { TableId } from '../../engine/types.ts';
import { DataTable } from '../components/DataTable.tsx';
import type { ViewState } from '../url-state.ts';
import { TABLE_VIEWS } from './table-views.ts';

export interface TableViewProps {
  table: TableId;
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  dataVersion: number;
  dataEpoch: string;
  toolbarStart?: ReactNode;
}

// Memoised: the page re-renders with every progress report; a table only when its data or view changes.
export const TableView = memo(function TableView({ table, view, setView, dataVersion, dataEpoch, toolbarStart }: TableViewProps) {
  const def = TABLE_VIEWS[table];
  return (
    <div className="table-tab">
      <p className="view-description">{def.description}</p>
      <DataTable
        // A different table is a different grid: no scroll position or cache carries over.
        key={table}
        table={table}
        label={def.title}
        sort={view.sort[table] ?? []}
        onSortChange={(sort) => setView((s) => ({ ...s, sort: { ...s.sort, [table]: sort } }))}
        filterText={view.q[table] ?? ''}
        onFilterTextChange={(text) => setView((s) => ({ ...s, q: { ...s.q, [table]: text } }))}
        filterPlaceholder={def.placeholder}
        usesClockWindow={def.usesClockWindow}
        clockWindowActive={!!view.win}
        clockMin={view.win?.min}
        clockMax={view.win?.max}
        fullPath={view.full}
        onFullPathChange={(full) => setView((s) => ({ ...s, full }))}
        dataVersion={dataVersion}
        dataEpoch={dataEpoch}
        emptyText={def.emptyText}
        toolbarStart={toolbarStart}
      />
    </div>
  );
});
