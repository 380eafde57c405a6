// A row's verdict (leak, or what it is instead, and why) and its objects phase by phase: made in
// each phase, live at its end, and kept (never given back afterwards).

import { memo } from 'react';
import type { IgnoreList } from '../../engine/types.ts';
import type { Subject } from '../../shared/names.ts';
import { fmtClock, fmtInt, fmtRate } from '../format.ts';
import { useQuery } from '../hooks/use-query.ts';

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
        {v.verdict && <span className={`verdict verdict-${v.verdict === 'leak' ? 'leak' : 'other'}`}>{v.verdict}</span>}{' '}
        <span data-testid="detail-reason">{v.reason}</span>
        {v.verdict === 'leak' && (
          <span className="muted" data-testid="detail-rate">
            {' '}
            · keeps {fmtRate(v.growthPerSecond)} objects per second of clock
            {v.growingSince !== null && ` since ${fmtClock(v.growingSince)} s`}
            {v.growingDuring !== null && ` (during “${v.growingDuring}”)`}
          </span>
        )}
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
