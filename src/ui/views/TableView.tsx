// One table tab: the explanation line and the shared DataTable bound to the URL state.
import { memo, useCallback, type ReactNode } from 'react';
import type { Row, SortSpec } from '../../engine/types.ts';
import { DataTable, type TableScope } from '../components/table/DataTable.tsx';
import type { DataEpoch } from '../data/data-epoch.ts';
import { tableSource, type RowQuery } from '../data/row-source.ts';
import type { ViewState } from '../url-state.ts';
import { TABLE_VIEWS, type TabTableId } from './table-views.ts';

const NO_SORT: SortSpec[] = [];

export interface TableViewProps {
  table: TabTableId;
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  dataVersion: number;
  dataEpoch: DataEpoch;
  /** Start of export file names (the log's name). */
  exportName: string;
  toolbarStart?: ReactNode;
  /** Shown between the explanation and the table (the Types tab's chart). */
  above?: ReactNode;
  /** The ignore list, and for the Live tab one site's or type's objects. */
  scope?: TableScope;
  /** Opens a row's detail (Types and Sites). */
  onActivateRow?: (index: number, row: Row, query: RowQuery) => void;
}

// Memoised: the page re-renders with every progress report; a table only when its data or view changes.
export const TableView = memo(function TableView(props: TableViewProps) {
  const { table, view, setView, dataVersion, dataEpoch, exportName, toolbarStart, above, scope, onActivateRow } = props;
  const def = TABLE_VIEWS[table];
  const onSortChange = useCallback(
    (sort: SortSpec[]) => setView((s) => ({ ...s, sort: { ...s.sort, [table]: sort } })),
    [setView, table],
  );
  const onFilterTextChange = useCallback(
    (text: string) => setView((s) => ({ ...s, q: { ...s.q, [table]: text } })),
    [setView, table],
  );
  const onFullPathChange = useCallback((full: boolean) => setView((s) => ({ ...s, full })), [setView]);
  return (
    <div className="table-tab">
      <p className="view-description">{def.description}</p>
      {above}
      <DataTable
        // A different table is a different grid: no scroll position or cache carries over.
        key={table}
        source={tableSource(table)}
        text={{ label: def.title, emptyText: def.emptyText, filterPlaceholder: def.placeholder, exportName }}
        controls={{
          sort: view.sort[table] ?? def.defaultSort ?? NO_SORT,
          onSortChange,
          filterText: view.q[table] ?? '',
          onFilterTextChange,
          fullPath: view.full,
          onFullPathChange,
        }}
        clock={{ win: view.win, applies: def.usesClockWindow }}
        data={{ version: dataVersion, epoch: dataEpoch }}
        toolbar={{ start: toolbarStart }}
        scope={scope}
        onActivateRow={onActivateRow}
      />
    </div>
  );
});
