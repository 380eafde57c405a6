// The active tab's view, and above the tables of objects, types and sites the detail of the site
// or type a person opened (from a suspect or a row).

import { memo, useCallback, useMemo } from 'react';
import type { Row } from '../../engine/types.ts';
import { DetailPanel } from '../components/DetailPanel.tsx';
import { LeakHeadline } from '../components/LeakHeadline.tsx';
import { SuspectList } from '../components/SuspectList.tsx';
import { SummaryPeaks } from '../components/SummaryPeaks.tsx';
import type { RunsState } from '../hooks/use-runs.ts';
import { RunsView } from './RunsView.tsx';
import type { DataEpoch } from '../data/data-epoch.ts';
import { tableSource, type Moment, type RowQuery } from '../data/row-source.ts';
import { requestTableFocus } from '../data/table-focus.ts';
import { fullSiteOfRow } from '../data/site-of-row.ts';
import { sameSubject, subjectLabel, type Subject } from '../../shared/names.ts';
import type { Baseline } from '../hooks/use-baseline.ts';
import type { ParseState } from '../hooks/use-parse.ts';
import type { ViewActions } from '../hooks/use-view-actions.ts';
import type { ViewState } from '../url-state.ts';
import { CompareView } from './CompareView.tsx';
import { MessagesView } from './MessagesView.tsx';
import { MomentView } from './MomentView.tsx';
import { PhasesView } from './PhasesView.tsx';
import { SummaryView } from './SummaryView.tsx';
import { DETAIL_TABS } from './tab-items.ts';
import { TableView } from './TableView.tsx';
import { TypesView } from './TypesView.tsx';

export interface TabContentProps {
  load: ParseState;
  baseline: Baseline;
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  actions: ViewActions;
  epoch: DataEpoch;
  compareEpoch: DataEpoch;
  exportName: string;
  /** A program's runs and what to do with them (the Runs tab). */
  runs: { state: RunsState; onOpenRun: (file: File, subject: Subject) => void; onCancel: () => void };
  /** Whether the Compare tab's "before" run is drawn on the chart. */
  beforeOnChart: { shown: boolean; onChange: (shown: boolean) => void };
}

/** Above the Live table when it shows one site's or type's objects, with ✕ to show every one. */
function ObjectsOfChip({ of, fullPath, onClear }: { of: Subject; fullPath: boolean; onClear: () => void }) {
  return (
    <span className="chip" data-testid="objects-of" title={subjectLabel(of, true)}>
      Objects of {of.kind} {subjectLabel(of, fullPath)}
      <button
        type="button"
        aria-label="Show every live object"
        title="Show every live object"
        data-testid="clear-objects-of"
        onClick={onClear}
      >
        ✕
      </button>
    </span>
  );
}

export const TabContent = memo(function TabContent({
  load,
  baseline,
  view,
  setView,
  actions,
  epoch,
  compareEpoch,
  exportName,
  runs,
  beforeOnChart,
}: TabContentProps) {
  const parsing = load.status === 'parsing';
  const dataVersion = load.dataVersion;
  const { openDetail, openObjects } = actions;
  // A suspect opens its objects, and the keyboard lands in their table.
  const openSuspect = useCallback(
    (subject: Subject) => {
      requestTableFocus();
      openObjects(subject);
    },
    [openObjects],
  );

  // A row of Types or Sites (at the end, at T or over A..B) opens its detail.
  const openRow = useMemo(() => {
    const opener = (moment: Moment) => (index: number, row: Row, query: RowQuery) => {
      if (typeof row.type === 'string' && !('file' in row)) openDetail({ kind: 'type', type: row.type });
      else
        void fullSiteOfRow(tableSource('sites', moment), query, index, row).then(
          (site) => site && openDetail({ kind: 'site', site }),
        );
    };
    return { end: opener('end'), at: opener('at'), growth: opener('growth') };
  }, [openDetail]);

  // Memoised: this renders with every progress report, the tables only when these change.
  const { ignore, of, detail: detailOf, full, t, win } = view;
  const marks = useMemo(() => ({ at: t, window: win && { from: win.min, to: win.max } }), [t, win]);
  const scope = useMemo(() => ({ ignore }), [ignore]);
  const liveScope = useMemo(
    () => ({ ignore, ...(of?.kind === 'site' ? { site: of.site } : of ? { type: of.type } : {}) }),
    [ignore, of],
  );
  const ofChip = useMemo(
    () => of && <ObjectsOfChip of={of} fullPath={full} onClear={actions.clearObjects} />,
    [of, full, actions.clearObjects],
  );
  const showObjects = useMemo(() => (detailOf ? () => actions.openObjects(detailOf) : null), [detailOf, actions]);

  const common = { view, setView, dataVersion, dataEpoch: epoch, exportName };
  const tab = view.tab;
  const detail = detailOf && DETAIL_TABS.has(tab) && (
    <DetailPanel
      subject={detailOf}
      fullPath={full}
      dataVersion={dataVersion}
      parsing={parsing}
      marks={marks}
      ignore={ignore}
      onClose={actions.closeDetail}
      onShowObjects={tab === 'live' && sameSubject(of, detailOf) ? null : showObjects}
      onIgnore={actions.addIgnore}
    />
  );

  let body;
  switch (tab) {
    case 'summary':
      body = (
        <SummaryView
          load={load}
          exportName={exportName}
          ignore={ignore}
          onOpenTab={actions.setTab}
          lead={
            <>
              <LeakHeadline ignore={ignore} dataVersion={dataVersion} parsing={parsing} />
              <SuspectList
                by={view.suspectsBy}
                onByChange={actions.setSuspectsBy}
                ignore={ignore}
                fullPath={full}
                onFullPathChange={actions.setFullPath}
                dataVersion={dataVersion}
                parsing={parsing}
                onOpen={openSuspect}
              />
              <SummaryPeaks dataVersion={dataVersion} parsing={parsing} onPickT={actions.setInstant} />
            </>
          }
        />
      );
      break;
    case 'messages':
      body = <MessagesView {...common} summary={load.dataSummary} />;
      break;
    case 'types':
      body = <TypesView {...common} parsing={parsing} scope={scope} onActivateRow={openRow.end} />;
      break;
    case 'heap':
    case 'growth':
      body = <MomentView {...common} mode={tab} onActivateRow={tab === 'heap' ? openRow.at : openRow.growth} />;
      break;
    case 'phases':
      body = <PhasesView {...common} onWindowChange={actions.setWindow} />;
      break;
    case 'runs':
      body = <RunsView runs={runs.state} fullPath={full} onOpenRun={runs.onOpenRun} onCancel={runs.onCancel} />;
      break;
    case 'compare':
      body = (
        <CompareView
          baseline={baseline.state}
          onOpenBaseline={baseline.open}
          onCancelBaseline={baseline.cancel}
          afterName={load.name}
          afterBusy={parsing || load.status === 'fetching'}
          view={view}
          setView={setView}
          // Either log changing changes the comparison (both counters only grow).
          dataVersion={dataVersion + baseline.state.dataVersion}
          dataEpoch={compareEpoch}
          exportName={exportName}
          beforeOnChart={beforeOnChart}
        />
      );
      break;
    case 'live':
      body = <TableView {...common} table="live" scope={liveScope} toolbarStart={ofChip} />;
      break;
    case 'sites':
      body = <TableView {...common} table="sites" scope={scope} onActivateRow={openRow.end} />;
      break;
    default:
      body = <TableView {...common} table={tab} scope={scope} />;
  }
  // The detail above the view, or beside it on a wide screen (leak.css): the view keeps its own scroll.
  return (
    <div className={`panel-split${detail ? ' has-detail' : ''}`}>
      {detail}
      <div className="panel-main">{body}</div>
    </div>
  );
});
