// The Compare tab: a second log (the "before", e.g. a run without the fix) against the open one
// (the "after"), per type or per allocation site: New, Del and Live in each and the difference,
// biggest growth of live objects first. The baseline is parsed by the same worker.

import { memo, useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { SortSpec } from '../../engine/types.ts';
import { DataTable } from '../components/table/DataTable.tsx';
import type { DataEpoch } from '../data/data-epoch.ts';
import { COMPARE_DEFAULT_SORT, compareSource } from '../data/row-source.ts';
import type { CompareBy } from '../../engine/types.ts';
import { fmtInt, fmtMB, fmtPercent } from '../format.ts';
import { useQuery } from '../hooks/use-query.ts';
import type { ParseState } from '../hooks/use-parse.ts';
import type { ViewState } from '../url-state.ts';

/** The phases' own order: kept in the after run only first, then most kept. */
const NO_SORT: SortSpec[] = [];

export interface CompareViewProps {
  baseline: ParseState;
  onOpenBaseline: (files: File[]) => void;
  onCancelBaseline: () => void;
  /** The open log (the "after"). */
  afterName: string;
  /** True while the open log is read: a baseline would stop that parse, so it waits. */
  afterBusy: boolean;
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  dataVersion: number;
  dataEpoch: DataEpoch;
  exportName: string;
  /** Whether the "before" run is drawn on the chart as a second line. */
  beforeOnChart: { shown: boolean; onChange: (shown: boolean) => void };
}

/** A warning when the two logs share few of the functions that make objects: likely different programs. */
function LikenessWarning({ dataVersion, busy }: { dataVersion: number; busy: boolean }) {
  const answer = useQuery('likeness', busy ? null : undefined, dataVersion);
  const l = answer.fresh ? answer.value : null;
  if (!l?.different) return null;
  const smaller = l.before <= l.after ? 'before' : 'after';
  return (
    <div className="banner banner-warn" role="status" data-testid="compare-different">
      <span>
        These two logs look like different programs: of the {fmtInt(Math.min(l.before, l.after))} functions that make
        objects in the {smaller} log, {fmtInt(l.common)} ({Math.round(l.share * 100)}%) make objects in the other (by
        file name and function). A comparison of different programs says little about a fix.
      </span>
    </div>
  );
}

function baselineText(b: ParseState): ReactNode {
  const lines = b.summary ? `${fmtInt(b.summary.lines)} lines` : '';
  switch (b.status) {
    case 'idle':
    case 'fetching':
      return null;
    case 'parsing': {
      const p = b.progress;
      if (!p) return `Reading ${b.name}…`;
      const pct = p.totalBytes ? `${fmtPercent(p.bytesRead, p.totalBytes)} · ` : '';
      return `Reading ${b.name}… ${pct}${fmtMB(p.bytesRead)} · ${lines}`;
    }
    case 'done':
      // The worker drops a "before" that is not a log (session.ts): say so, not a line count.
      return b.summary?.notALog
        ? `${b.name} is not a ReferenceTracing log (nothing in it reads as one): there is nothing to compare with`
        : `${b.name} · ${lines}`;
    case 'cancelled':
      return `${b.name} · cancelled after ${lines}: the comparison covers the part that was read`;
    case 'failed':
      return `${b.name} · ${lines ? `stopped after ${lines}` : 'nothing read'}`;
  }
}

export const CompareView = memo(function CompareView(props: CompareViewProps) {
  const { baseline: b, view, setView } = props;
  const input = useRef<HTMLInputElement>(null);
  const by: CompareBy = view.by;
  const onSortChange = useCallback(
    (sort: SortSpec[]) => setView((s) => ({ ...s, sort: { ...s.sort, compare: sort } })),
    [setView],
  );
  // The ignore list leaves the same types and files out of both logs.
  const ignoreScope = useMemo(() => ({ ignore: view.ignore }), [view.ignore]);
  const onFilterTextChange = useCallback(
    (text: string) => setView((s) => ({ ...s, q: { ...s.q, compare: text } })),
    [setView],
  );
  const onFullPathChange = useCallback((full: boolean) => setView((s) => ({ ...s, full })), [setView]);

  const byControl = (
    <label className="toggle">
      Compare per
      <select
        data-testid="compare-by"
        className="select"
        value={by}
        onChange={(e) => {
          const v = e.target.value;
          setView((s) => ({ ...s, by: v === 'site' || v === 'phase' ? v : 'type' }));
        }}
      >
        <option value="type">type</option>
        <option value="site">allocation site</option>
        <option value="phase">phase (aligned on messages)</option>
      </select>
    </label>
  );

  return (
    <div className="table-tab">
      <p className="view-description">
        Compare this log (<strong>after</strong>) with the log of another run (<strong>before</strong>, e.g. without a
        fix): New, Del and Live per type or per allocation site in each, and the difference (Δ = after − before),
        biggest growth of live objects first; or phase by phase, the runs aligned on the program&apos;s messages, the
        phases that kept objects in the after run only first.
      </p>
      <div className="compare-bar">
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          data-testid="compare-file-input"
          accept=".log,.txt,.gz,text/plain,application/gzip"
          multiple
          // Named for screen readers, out of the Tab order: the Compare with… button is its visible, focusable face.
          aria-label="Choose the log to compare with"
          tabIndex={-1}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            if (files.length) props.onOpenBaseline(files);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="btn"
          data-testid="compare-open"
          disabled={props.afterBusy}
          title={
            props.afterBusy ? 'Wait until this log has been read' : 'Choose the log to compare with (the “before”)'
          }
          onClick={() => input.current?.click()}
        >
          {b.status === 'idle' ? 'Compare with…' : 'Compare with another…'}
        </button>
        {b.status !== 'idle' && (
          <span className="compare-names">
            <span className="muted">Before:</span>{' '}
            <span
              data-testid="compare-status"
              className={b.status === 'failed' || b.summary?.notALog ? 'summary-problems' : undefined}
            >
              {baselineText(b)}
            </span>{' '}
            <span className="muted">→ After:</span> <span className="compare-after">{props.afterName}</span>
          </span>
        )}
        {b.status === 'parsing' && (
          <button type="button" className="btn btn-small" data-testid="compare-cancel" onClick={props.onCancelBaseline}>
            Cancel
          </button>
        )}
        {props.afterBusy && (
          <span className="note">Wait until this log has been read to choose a log to compare with.</span>
        )}
        {b.status !== 'idle' && (
          <label className="toggle" title="The before run's RSS and live objects, dashed, on the chart above">
            <input
              type="checkbox"
              data-testid="compare-on-chart"
              checked={props.beforeOnChart.shown}
              onChange={(e) => props.beforeOnChart.onChange(e.target.checked)}
            />
            Before on the chart
          </label>
        )}
      </div>
      {b.status === 'done' && <LikenessWarning dataVersion={props.dataVersion} busy={props.afterBusy} />}
      {b.error && (
        <div className="banner banner-error" role="alert" data-testid="compare-error">
          <span>{b.error}</span>
        </div>
      )}
      {b.status === 'idle' ? (
        <div className="empty-view">
          Choose the log of another run with <strong>Compare with…</strong>: it is read here, like the open one, and
          compared per type or per allocation site.
        </div>
      ) : (
        <DataTable
          key={by}
          source={compareSource(by)}
          text={{
            label: `Comparison per ${by === 'type' ? 'type' : by === 'site' ? 'allocation site' : 'phase'}`,
            emptyText: 'Neither log has NEW or DEL lines yet.',
            filterPlaceholder:
              by === 'type'
                ? 'Filter by type   ( / )'
                : by === 'site'
                  ? 'Filter by file, line or function   ( / )'
                  : 'Filter by message   ( / )',
            exportName: props.exportName,
          }}
          controls={{
            sort: view.sort.compare ?? (by === 'phase' ? NO_SORT : COMPARE_DEFAULT_SORT),
            onSortChange,
            filterText: view.q.compare ?? '',
            onFilterTextChange,
            fullPath: view.full,
            onFullPathChange,
          }}
          clock={{ win: view.win, applies: false }}
          scope={ignoreScope}
          data={{ version: props.dataVersion, epoch: props.dataEpoch }}
          toolbar={{ start: byControl, showFullPath: by === 'site' }}
        />
      )}
    </div>
  );
});
