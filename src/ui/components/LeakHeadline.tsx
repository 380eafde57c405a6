// The Summary's first line: the log's leak verdict ("3 sites leak", "No leak found", or memory that
// grew where the traced objects did not), then the warnings about the log itself.

import { memo } from 'react';
import type { IgnoreList } from '../../engine/types.ts';
import { useQuery } from '../hooks/use-query.ts';

export const LeakHeadline = memo(function LeakHeadline({
  ignore,
  dataVersion,
  parsing,
}: {
  ignore: IgnoreList;
  dataVersion: number;
  parsing: boolean;
}) {
  const report = useQuery('leaks', parsing ? null : { ignore }, dataVersion);
  if (parsing) return null;
  const r = report.fresh ? report.value : null;
  if (report.error) return <p className="summary-problems">Could not judge the leaks: {report.error}</p>;
  if (!r) return <p className="leak-headline muted">Judging…</p>;
  const tone = r.leakingSites > 0 ? 'leak' : r.warnings.length > 0 ? 'warn' : 'ok';
  return (
    <div className="leak-verdict">
      <p className={`leak-headline leak-headline-${tone}`} data-testid="leak-headline" role="status">
        {r.headline}
      </p>
      {r.findings.length > 0 && (
        <ol className="leak-findings" data-testid="leak-findings">
          {r.findings.map((f, i) => (
            <li key={i} data-testid="leak-finding">
              {f.reason}
            </li>
          ))}
        </ol>
      )}
      {r.warnings.map((w) => (
        <div key={w.kind} className="banner banner-warn" role="note" data-testid={`leak-warning-${w.kind}`}>
          {w.message}
        </div>
      ))}
    </div>
  );
});
