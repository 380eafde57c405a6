// A row's detail, for a site or a type (a suspect, a row of Types or Sites): its verdict, pace and
// beginning at a glance, then its live count over the run (T and A..B marked), how many were alive
// at T and how it grew over A..B, the lifetimes of its freed objects in log-scale buckets, how many
// were temporary, and what to do next (its objects, ignore it). Asked of the worker once the parse
// has ended. On a wide screen it docks beside its table; above it, on a short window, it opens
// collapsed to its head and the glance line (More shows the rest), so the table keeps its rows.

import { lazy, memo, Suspense, useState } from 'react';
import type { GroupMoments, IgnoreList } from '../../engine/types.ts';
import { basename, siteLabel, subjectLabel, type Subject } from '../../shared/names.ts';
import { fmtClock, fmtInt } from '../format.ts';
import { useQuery } from '../hooks/use-query.ts';
import type { DetailMarks } from './DetailLiveChart.tsx';
import { DetailGlance, DetailVerdict } from './DetailVerdict.tsx';
import { DETAIL_BESIDE, SHORT_WINDOW, useMediaQuery } from '../hooks/use-media-query.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LifetimeBars } from './LifetimeBars.tsx';

const DetailLiveChart = lazy(() => import('./DetailLiveChart.tsx'));

const BUCKETS = 160;

/** Alive at T, and A → B with its change, as facts beside the chart. */
function MomentFacts({ m }: { m: GroupMoments }) {
  const g = m.growth;
  const d = g && g.aliveTo - g.aliveFrom;
  return (
    <>
      {m.at && (
        <>
          <dt>Alive at T ({fmtClock(m.at.t)} s)</dt>
          <dd data-testid="detail-at-t">{fmtInt(m.at.alive)}</dd>
        </>
      )}
      {g && (
        <>
          <dt>
            Alive at A → B ({fmtClock(g.from)}–{fmtClock(g.to)} s)
          </dt>
          <dd data-testid="detail-growth">
            {fmtInt(g.aliveFrom)} → {fmtInt(g.aliveTo)} ({d! > 0 ? '+' : ''}
            {fmtInt(d!)})
          </dd>
          <dt title="Made after A and still alive at B">Made in A..B, alive at B</dt>
          <dd data-testid="detail-created-alive">{fmtInt(g.createdAndAlive)}</dd>
        </>
      )}
    </>
  );
}

export interface DetailPanelProps {
  subject: Subject;
  fullPath: boolean;
  dataVersion: number;
  parsing: boolean;
  /** T and A..B, marked on its chart and counted beside it. */
  marks: DetailMarks;
  /** The ignore list, so its counts at T and over A..B equal its rows in those tables. */
  ignore: IgnoreList;
  onClose: () => void;
  /** Shows its objects in the Live tab; null when they are what the tab shows already. */
  onShowObjects: (() => void) | null;
  onIgnore: (kind: 'type' | 'file', name: string) => void;
}

export const DetailPanel = memo(function DetailPanel({
  subject,
  fullPath,
  dataVersion,
  parsing,
  marks,
  ignore,
  onClose,
  onShowObjects,
  onIgnore,
}: DetailPanelProps) {
  const lifetimes = useQuery('lifetimes', parsing ? null : { subject }, dataVersion);
  const series = useQuery('subjectSeries', parsing ? null : { subject, buckets: BUCKETS }, dataVersion);
  const hasMoments = marks.at !== null || marks.window !== null;
  // Its rows in the Heap at T and Growth A→B tables, with the same ignore list.
  const moments = useQuery(
    'moments',
    parsing || !hasMoments ? null : { subject, at: marks.at, window: marks.window, ignore },
    dataVersion,
  );
  const beside = useMediaQuery(DETAIL_BESIDE);
  const [open, setOpen] = useState(() => !matchMedia(SHORT_WINDOW).matches);
  const expanded = beside || open;
  const answer = { error: lifetimes.error ?? series.error };
  const h = lifetimes.fresh ? lifetimes.value : null;
  const points = series.fresh ? series.value : null;
  const d = h && points && { hist: h, points };
  const label = subjectLabel(subject, fullPath);

  let body;
  if (!expanded) body = null;
  else if (parsing) body = <p className="muted">Drawn when the file has been read.</p>;
  else if (answer.error) body = <p className="summary-problems">Could not load the detail: {answer.error}</p>;
  else if (!d || !h) body = <p className="muted">…</p>;
  else
    body = (
      <div className="detail-body">
        <DetailVerdict subject={subject} ignore={ignore} dataVersion={dataVersion} parsing={parsing} />
        <dl className="facts detail-facts">
          <dt>Alive at the end</dt>
          <dd data-testid="detail-alive">{fmtInt(h.alive)}</dd>
          <dt>Freed (pairs)</dt>
          <dd data-testid="detail-pairs">{fmtInt(h.pairs)}</dd>
          <dt title="Freed before any other object was made since it was (churn, not a leak)">Temporary</dt>
          <dd data-testid="detail-temporary">
            {fmtInt(h.temporary)}
            {h.pairs > 0 && ` (${Math.round((h.temporary / h.pairs) * 100)}% of pairs)`}
          </dd>
          {hasMoments && moments.fresh && moments.value && <MomentFacts m={moments.value} />}
        </dl>
        <figure className="detail-figure" data-testid="detail-live-chart">
          <figcaption>Live objects over the run</figcaption>
          {d.points.length === 0 ? (
            <p className="muted">None in this log.</p>
          ) : (
            <ErrorBoundary what="the live objects chart">
              <Suspense fallback={<p className="muted">Loading the chart…</p>}>
                <DetailLiveChart points={d.points} marks={marks} />
              </Suspense>
            </ErrorBoundary>
          )}
        </figure>
        <figure className="detail-figure">
          <figcaption>Lifetimes of its freed objects</figcaption>
          {h.pairs === 0 ? <p className="muted">None was freed.</p> : <LifetimeBars hist={h} />}
        </figure>
      </div>
    );

  return (
    <section
      className={`detail-panel${expanded ? '' : ' collapsed'}`}
      data-testid="detail-panel"
      aria-label={`Detail of ${label}`}
    >
      <div className="detail-head">
        <h3 data-testid="detail-title" title={subject.kind === 'site' ? siteLabel(subject.site, true) : subject.type}>
          <span className="muted">{subject.kind === 'site' ? 'Site' : 'Type'}</span> {label}
        </h3>
        {onShowObjects && (
          <button type="button" className="btn btn-small" data-testid="detail-objects" onClick={onShowObjects}>
            Show its objects
          </button>
        )}
        {subject.kind === 'type' ? (
          <button
            type="button"
            className="btn btn-small"
            data-testid="detail-ignore"
            onClick={() => onIgnore('type', subject.type)}
          >
            Ignore this type
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            data-testid="detail-ignore"
            title={`Leave ${subject.site.file} out of every table`}
            onClick={() => onIgnore('file', subject.site.file)}
          >
            Ignore {basename(subject.site.file)}
          </button>
        )}
        <span className="spacer" />
        {!beside && (
          <button
            type="button"
            className="link"
            data-testid="detail-more"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Less' : 'More'}
          </button>
        )}
        <button
          type="button"
          className="banner-close"
          data-testid="detail-close"
          aria-label="Close the detail"
          title="Close"
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <DetailGlance subject={subject} ignore={ignore} dataVersion={dataVersion} parsing={parsing} />
      {body}
    </section>
  );
});
