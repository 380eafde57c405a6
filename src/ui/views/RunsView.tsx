// The Runs tab: a program's runs, oldest first, and every site that leaks in any of them: its live
// objects across the runs (a sparkline), its verdict in each, and the run it began to leak in. A
// click opens that run as the log to look at, with the site's objects and detail.

import { memo } from 'react';
import type { History, HistorySite } from '../../engine/runs/history.ts';
import { siteLabel, type Subject } from '../../shared/names.ts';
import { Sparkline } from '../components/Sparkline.tsx';
import { fmtInt } from '../format.ts';
import type { RunsState } from '../hooks/use-runs.ts';

export interface RunsViewProps {
  runs: RunsState;
  fullPath: boolean;
  onOpenRun: (file: File, subject: Subject) => void;
  onCancel: () => void;
}

function lastLine(s: HistorySite): number {
  return s.lines.findLast((l) => l !== null) ?? 0;
}

function SiteRow({
  s,
  h,
  fullPath,
  onOpen,
}: {
  s: HistorySite;
  h: History;
  fullPath: boolean;
  onOpen: (run: number) => void;
}) {
  const first = s.firstLeakRun!;
  const label = siteLabel({ file: s.file, line: lastLine(s), function: s.function }, fullPath);
  return (
    <tr data-testid="run-site">
      <td className="suspect-name">
        <button
          type="button"
          className="link"
          data-testid="run-site-open"
          title={`Open ${h.runs[first].log} at this site`}
          onClick={() => onOpen(first)}
        >
          {label}
        </button>
        {s.moves.length > 0 && <div className="suspect-reason">its line moved: {s.moves.join('; ')}</div>}
      </td>
      <td className="suspect-type">{s.type}</td>
      <td>
        <Sparkline values={s.live.map((v) => v ?? 0)} />
      </td>
      <td className="num" data-testid="run-site-live">
        {s.live.map((v) => (v === null ? '–' : fmtInt(v))).join(' · ')}
      </td>
      <td data-testid="run-site-first">
        run {first + 1} <span className="muted">({h.runs[first].log})</span>
      </td>
    </tr>
  );
}

export const RunsView = memo(function RunsView({ runs, fullPath, onOpenRun, onCancel }: RunsViewProps) {
  const h = runs.history;
  if (runs.status === 'reading')
    return (
      <div className="empty-view" data-testid="runs-reading">
        Reading run {(runs.reading?.run ?? 0) + 1} of {runs.files.length}
        {runs.reading ? ` (${runs.reading.name}, ${Math.round(runs.reading.percent)}%)` : ''}…{' '}
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  if (!h)
    return (
      <div className="empty-view">
        {runs.error
          ? `Could not read the runs: ${runs.error}`
          : 'Open the logs of several runs of one program with Open runs…'}
      </div>
    );
  const open = (site: HistorySite) => (run: number) => {
    const line = site.lines[run] ?? lastLine(site);
    const file = site.files[run] ?? site.file;
    onOpenRun(runs.files[run], { kind: 'site', site: { file, line, function: site.function } });
  };
  return (
    <div className="table-tab runs-view">
      <p className="view-description">
        {h.runs.length} runs of one program, oldest first: each site that leaks in any run, its live objects at the end
        of each run, and the run it began to leak in. Sites are matched by file, line and function, following a line
        that moved. Each run was read and summed up; only the open log is held in memory.
        {runs.status === 'cancelled' && ' Reading was cancelled: the runs read so far are shown.'}
      </p>
      <ol className="runs-list" data-testid="runs-list">
        {h.runs.map((r, i) => (
          <li key={i}>
            {r.log}{' '}
            <span className="muted">
              · {fmtInt(r.lines)} lines · {fmtInt(r.live)} live ·
            </span>{' '}
            <span className={r.leaks ? 'verdict verdict-leak' : 'verdict verdict-other'}>
              {r.leaks ? `${r.leaks} leaking site${r.leaks > 1 ? 's' : ''}` : 'no leak'}
            </span>
          </li>
        ))}
      </ol>
      {h.sites.length === 0 ? (
        <p data-testid="runs-none">No site leaks in any of these runs.</p>
      ) : (
        <table className="suspect-table" data-testid="runs-sites">
          <thead>
            <tr>
              <th scope="col">Allocation site</th>
              <th scope="col">Makes most</th>
              <th scope="col">Live across runs</th>
              <th scope="col" className="num">
                Live at the end of each run
              </th>
              <th scope="col">Began to leak in</th>
            </tr>
          </thead>
          <tbody>
            {h.sites.map((s, i) => (
              <SiteRow key={i} s={s} h={h} fullPath={fullPath} onOpen={open(s)} />
            ))}
          </tbody>
        </table>
      )}
      <p className="muted" data-testid="runs-never">
        {fmtInt(h.neverLeak.sites)} other sites never leak ({fmtInt(h.neverLeak.liveLastRun)} objects in the last run).
      </p>
    </div>
  );
});
