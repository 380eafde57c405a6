// The heap-at-T and growth A→B tabs: what was alive at the instant T, or what the window A..B
// added, per type, per site and as the objects, with the totals above. T comes from a click on
// the chart or the T field, A..B from the chart's handles, the From/To fields or a phase.

import { memo, useCallback } from 'react';
import type { Row, SortSpec } from '../../engine/types.ts';
import { DataTable } from '../components/table/DataTable.tsx';
import type { DataEpoch } from '../data/data-epoch.ts';
import { tableSource, type RowQuery } from '../data/row-source.ts';
import { momentOf } from '../display/moments.ts';
import type { ViewState } from '../url-state.ts';
import { MomentTotals } from './MomentTotals.tsx';
import { MOMENT_TABLES, type MomentMode } from './moment-tables.ts';

export interface MomentViewProps {
  mode: MomentMode;
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  dataVersion: number;
  dataEpoch: DataEpoch;
  exportName: string;
  onActivateRow: (index: number, row: Row, query: RowQuery) => void;
}

const PART_LABELS = { types: 'Types', sites: 'Sites', objects: 'Objects' } as const;

export const MomentView = memo(function MomentView({
  mode,
  view,
  setView,
  dataVersion,
  dataEpoch,
  exportName,
  onActivateRow,
}: MomentViewProps) {
  const def = MOMENT_TABLES[mode][view.part];
  const key = def.key;
  const onSortChange = useCallback(
    (sort: SortSpec[]) => setView((s) => ({ ...s, sort: { ...s.sort, [key]: sort } })),
    [setView, key],
  );
  const onFilterTextChange = useCallback(
    (text: string) => setView((s) => ({ ...s, q: { ...s.q, [key]: text } })),
    [setView, key],
  );
  const onFullPathChange = useCallback((full: boolean) => setView((s) => ({ ...s, full })), [setView]);
  const instant = momentOf(mode, view);
  const moment = instant && 'at' in instant && view.older !== null ? { ...instant, olderThan: view.older } : instant;

  if (!moment)
    return (
      <div className="empty-view" data-testid={`${mode}-empty`}>
        {mode === 'heap' ? (
          <>
            Click the chart, or type a clock in <strong>T</strong> above it, to see what was alive at that instant.
          </>
        ) : (
          <>
            Drag the handles under the chart, type <strong>From</strong> and <strong>To</strong>, or click a phase in
            the <strong>Phases</strong> tab, to see what grew from A to B.
          </>
        )}
      </div>
    );

  const olderField = mode === 'heap' && (
    <label className="toggle" title="Only objects made this many seconds before T, or earlier">
      Older than
      <input
        className="num-input"
        data-testid="older-than"
        type="text"
        inputMode="decimal"
        size={6}
        placeholder="0"
        defaultValue={view.older ?? ''}
        onChange={(e) => {
          const v = e.target.value.trim() === '' ? null : Number(e.target.value);
          if (v === null || (Number.isFinite(v) && v >= 0)) setView((s) => ({ ...s, older: v }));
        }}
      />
      s
    </label>
  );
  const parts = (
    <div className="segmented" role="group" aria-label="Show">
      {(['types', 'sites', 'objects'] as const).map((p) => (
        <button
          key={p}
          type="button"
          data-testid={`part-${p}`}
          aria-pressed={view.part === p}
          onClick={() => setView((s) => ({ ...s, part: p }))}
        >
          {PART_LABELS[p]}
        </button>
      ))}
    </div>
  );

  return (
    <div className="table-tab">
      {/* One line, so the table keeps the height: the description is cut short, whole on hover. */}
      <div className="moment-head">
        <MomentTotals moment={moment} ignore={view.ignore} dataVersion={dataVersion} />
        <p className="view-description" title={def.description}>
          {def.description}
        </p>
      </div>
      <DataTable
        key={key}
        source={tableSource(def.table, mode === 'heap' ? 'at' : 'growth')}
        text={{ label: def.label, emptyText: def.emptyText, filterPlaceholder: def.placeholder, exportName }}
        controls={{
          sort: view.sort[key] ?? def.defaultSort,
          onSortChange,
          filterText: view.q[key] ?? '',
          onFilterTextChange,
          fullPath: view.full,
          onFullPathChange,
        }}
        clock={{ win: null, applies: false }}
        data={{ version: dataVersion, epoch: dataEpoch }}
        toolbar={{
          start: (
            <>
              {parts}
              {olderField}
            </>
          ),
        }}
        scope={{ view: moment, ignore: view.ignore }}
        onActivateRow={def.table === 'live' ? undefined : onActivateRow}
      />
    </div>
  );
});
