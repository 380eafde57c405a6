// The Summary tab: the leak suspects first (its `lead`), then what was read and what it adds up
// to. Numbers update while parsing.

import type { ReactNode } from 'react';
import type { IgnoreList, Summary } from '../../engine/types.ts';
import { useQuery } from '../hooks/use-query.ts';
import { CutText } from '../components/CutText.tsx';
import { ParquetDownloads } from '../components/ParquetDownloads.tsx';
import { fmtBytes, fmtClock, fmtInt, fmtMB } from '../format.ts';
import type { ParseState } from '../hooks/use-parse.ts';
import type { TabId } from '../url-state.ts';

interface Stat {
  label: string;
  value: number;
  testId?: string;
  hint: string;
  tab?: TabId;
  warn?: boolean;
}

function stats(s: Summary, allocationSites: number | null): Stat[] {
  return [
    { label: 'New', value: s.counts.new, testId: 'summary-new', hint: 'NEW lines: objects created' },
    { label: 'Del', value: s.counts.del, testId: 'summary-del', hint: 'DEL lines: objects deleted' },
    {
      label: 'Live',
      value: s.live,
      testId: 'summary-live',
      hint: 'Created and not deleted by the end of the log',
      tab: 'live',
    },
    {
      label: 'Pairs',
      value: s.pairs,
      testId: 'summary-pairs',
      hint: 'Created and deleted within the log',
      tab: 'pairs',
    },
    {
      label: 'Untracked',
      value: s.untracked,
      testId: 'summary-untracked',
      hint: 'DELs of objects never seen created',
      tab: 'untracked',
    },
    {
      label: 'Duplicates',
      value: s.duplicates,
      testId: 'summary-duplicates',
      hint: 'NEWs of an address that was already live',
      tab: 'duplicates',
      warn: s.duplicates > 0,
    },
    { label: 'Types', value: s.types, hint: 'Distinct types', tab: 'types' },
    {
      // The rows of the Sites tab (with the ignore list), not every place a DEL line names.
      label: 'Allocation sites',
      value: allocationSites ?? s.sites,
      testId: 'summary-sites',
      hint: 'Places (file:line function) where objects were made: the rows of the Sites tab',
      tab: 'sites',
    },
    { label: 'Messages', value: s.counts.msg, hint: 'MSG lines', tab: 'messages' },
    { label: 'Errors', value: s.counts.err, hint: 'ERR lines', tab: 'messages', warn: s.counts.err > 0 },
    {
      label: 'Problems',
      value: s.problems,
      hint: 'Lines the parser could not read as expected',
      tab: 'messages',
      warn: s.problems > 0,
    },
  ];
}

export function SummaryView({
  load,
  onOpenTab,
  lead,
  exportName,
  ignore,
}: {
  load: ParseState;
  onOpenTab: (t: TabId) => void;
  lead?: ReactNode;
  exportName: string;
  /** The ignore list: the cards count what the tabs show. */
  ignore: IgnoreList;
}) {
  // The Sites card counts the Sites tab's rows (its total, before any filter).
  const sitesTable = useQuery('rows', { table: 'sites', offset: 0, limit: 0, ignore }, load.dataVersion);
  const allocationSites = sitesTable.value?.total ?? null;
  const s = load.summary;
  if (!s) return <div className="empty-view">{load.status === 'failed' ? 'Nothing was read.' : 'Reading…'}</div>;
  const p = load.progress;
  const span = s.clockFirst !== null && s.clockLast !== null ? s.clockLast - s.clockFirst : null;
  return (
    <div className="summary">
      {lead}
      {[stats(s, allocationSites).slice(0, 6), stats(s, allocationSites).slice(6)].map((group, i) => (
        <div key={i} className="stat-grid">
          {group.map((st) => (
            <div key={st.label} className={`stat${st.warn ? ' warn' : ''}`} title={st.hint}>
              <div className="stat-label">{st.label}</div>
              <div className="stat-value" data-testid={st.testId}>
                {fmtInt(st.value)}
              </div>
              {st.tab && (
                <button type="button" className="link" onClick={() => onOpenTab(st.tab!)}>
                  Show
                </button>
              )}
            </div>
          ))}
        </div>
      ))}

      <div className="summary-cols">
        <dl className="facts">
          <dt>Read</dt>
          <dd data-testid="summary-state" className={s.stopped || s.notALog ? 'summary-problems' : undefined}>
            {s.notALog
              ? 'Not a ReferenceTracing log: nothing in it reads as one.'
              : s.stopped
                ? `Stopped early: ${s.stopped.message}`
                : load.status === 'parsing'
                  ? 'Reading… (the numbers grow as the file is read)'
                  : 'The whole file'}
          </dd>
          <dt>File</dt>
          <dd className="break" data-testid="summary-file">
            {load.name}
          </dd>
          <dt>Size</dt>
          <dd>
            {p?.totalBytes ? `${fmtMB(p.totalBytes)} (${fmtInt(p.totalBytes)} bytes)` : `${fmtInt(s.bytes)} bytes read`}
          </dd>
          <dt>Lines</dt>
          <dd data-testid="summary-lines">{fmtInt(s.lines)}</dd>
          <dt>Clock span</dt>
          <dd>
            {span === null
              ? '—'
              : `${fmtClock(s.clockFirst)} – ${fmtClock(s.clockLast)} s (${fmtClock(span)} s of CPU time)`}
          </dd>
          <dt>RSS</dt>
          <dd>
            {s.rssFirst === null
              ? 'not in this log'
              : `${fmtBytes(s.rssFirst)} at start → ${fmtBytes(s.rssLast)} at end, peak ${fmtBytes(s.rssMax)}`}
          </dd>
          <dt>End of log</dt>
          <dd>
            {s.sawEof
              ? 'EOF line present'
              : 'No EOF line: the traced program may not have finished (or the log was cut short).'}
          </dd>
          {s.counts.bad > 0 && (
            <>
              <dt>Unreadable lines</dt>
              <dd>{fmtInt(s.counts.bad)}</dd>
            </>
          )}
          {s.headerColumns.length > 0 && (
            <>
              <dt>Columns</dt>
              <dd className="muted">{s.headerColumns.join(' · ')}</dd>
            </>
          )}
          {!s.notALog && (
            <>
              <dt title="The same files as reftrace export writes (README, Exporting a fleet)">For DuckDB, Polars</dt>
              <dd>
                <ParquetDownloads exportName={exportName} disabled={load.status === 'parsing'} />
              </dd>
            </>
          )}
        </dl>
        <div className="intro">
          <div className="intro-label">Opening message</div>
          {s.introMessage ? (
            <blockquote data-testid="summary-intro">
              <CutText text={s.introMessage} />
            </blockquote>
          ) : (
            <div className="muted">None (the log starts without one).</div>
          )}
          {(s.problems > 0 || s.counts.err > 0) && (
            <p className="summary-problems">
              {s.problems > 0 && (
                <>
                  {fmtInt(s.problems)} problem{s.problems === 1 ? '' : 's'} found while reading.{' '}
                </>
              )}
              {s.counts.err > 0 && (
                <>
                  {fmtInt(s.counts.err)} ERR line{s.counts.err === 1 ? '' : 's'} in the log.{' '}
                </>
              )}
              <button type="button" className="link" onClick={() => onOpenTab('messages')}>
                See Messages &amp; problems
              </button>
            </p>
          )}
          {s.problems > s.problemsKept && (
            <p className="muted">Only the first {fmtInt(s.problemsKept)} problems are listed.</p>
          )}
        </div>
      </div>
    </div>
  );
}
