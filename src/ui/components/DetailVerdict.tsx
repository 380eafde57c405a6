// A row's verdict at a glance (leak, or what it is instead; how fast it grows, per second and per
// phase; since when, as a clock and as the program's message then), and below it the reason and its
// objects phase by phase: made in each phase, live at its end, and kept (never given back afterwards).

import { memo } from 'react';
import type { IgnoreList } from '../../engine/types.ts';
import type { Subject } from '../../shared/names.ts';
import { growthWords } from '../display/growth-words.ts';
import { fmtInt } from '../format.ts';
import { useQuery } from '../hooks/use-query.ts';

/** The one line a detail always shows, open or collapsed: its verdict, its pace and its beginning. */
export const DetailGlance = memo(function DetailGlance({
  subject,
  ignore,
  dataVersion,
  parsing,
}: {
  subject: Subject;
  ignore: IgnoreList;
  dataVersion: number;
  parsing: boolean;
}) {
  const answer = useQuery('growthRates', parsing ? null : { subjects: [subject], ignore }, dataVersion);
  const r = answer.fresh ? answer.value?.[0] : null;
  if (!r) return <p className="detail-glance muted">…</p>;
  const w = growthWords(r);
  return (
    <p className="detail-glance" data-testid="detail-glance">
      {r.verdict ? (
        <span
          className={`verdict verdict-${r.verdict === 'leak' ? 'leak' : 'other'}`}
          data-testid="detail-verdict-word"
        >
          {r.verdict}
        </span>
      ) : (
        <span className="muted">holds nothing at the end</span>
      )}{' '}
      <span data-testid="detail-rate">
        {r.growing ? (
          <>
            grows {w.perSecond} of clock{w.perPhase && <>, {w.perPhase}</>}
          </>
        ) : (
          r.verdict && <span className="muted">not growing</span>
        )}
        {w.since && (
          <span data-testid="detail-since">
            {' '}
            · {r.growing ? 'since' : 'first object at'} {w.since}
            {w.during && <>, {w.during}</>}
          </span>
        )}
      </span>
    </p>
  );
});

/** More phases than this are shown as the first and last ones. */
const MAX_ROWS = 24;

export const DetailVerdict = memo(function DetailVerdict({
  subject,
  ignore,
  dataVersion,
  parsing,
}: {
  subject: Subject;
  ignore: IgnoreList;
  dataVersion: number;
  parsing: boolean;
}) {
  const answer = useQuery('subjectVerdict', parsing ? null : { subject, ignore }, dataVersion);
  const v = answer.fresh ? answer.value : null;
  if (!v) return null;
  const phases = v.phases;
  const shown =
    phases.length > MAX_ROWS ? [...phases.slice(0, MAX_ROWS / 2), null, ...phases.slice(-MAX_ROWS / 2)] : phases;
  return (
    <div className="detail-verdict" data-testid="detail-verdict">
      <p>
        <span className="muted">Why: </span>
        <span data-testid="detail-reason">{v.reason}</span>
      </p>
      {phases.length > 1 && (
        <table className="phase-mini" data-testid="detail-phases">
          <caption className="visually-hidden">Its objects per phase</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Phase
              </th>
              <th scope="col">Message</th>
              <th scope="col" className="num">
                Made
              </th>
              <th scope="col" className="num">
                Live at end
              </th>
              <th scope="col" className="num" title="Live at the phase's end and never given back afterwards">
                Kept
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) =>
              p === null ? (
                <tr key={`gap-${i}`}>
                  <td colSpan={5} className="muted">
                    … {fmtInt(phases.length - MAX_ROWS)} more phases
                  </td>
                </tr>
              ) : (
                <tr key={p.phase}>
                  <td className="num">{p.phase}</td>
                  <td className="phase-message">{p.message ?? '(before the first message)'}</td>
                  <td className="num">{fmtInt(p.made)}</td>
                  <td className="num">{fmtInt(p.liveAtEnd)}</td>
                  <td className="num">{fmtInt(p.kept)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
});
