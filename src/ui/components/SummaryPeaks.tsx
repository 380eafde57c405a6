// The Summary's peaks: when the run held the most live objects and the highest RSS (clock, value,
// the phase it falls in), each with a button that sets T there (the Heap at T tab then shows what
// was alive at that instant). The chart's head has the same buttons (PeakButtons.tsx).

import { memo } from 'react';
import type { Peak } from '../../engine/query/peaks.ts';
import { useQuery } from '../hooks/use-query.ts';
import { peakWords } from './PeakButtons.tsx';

export const SummaryPeaks = memo(function SummaryPeaks({
  dataVersion,
  parsing,
  onPickT,
}: {
  dataVersion: number;
  parsing: boolean;
  onPickT: (t: number) => void;
}) {
  const answer = useQuery('peaks', parsing ? null : undefined, dataVersion);
  const peaks = answer.fresh ? answer.value : null;
  if (!peaks || (!peaks.live && !peaks.rss)) return null;
  const item = (which: 'live' | 'rss', label: string, p: Peak | null) =>
    p && (
      <li data-testid={`summary-peak-${which}`}>
        <span className="muted">{label}:</span>{' '}
        <span data-testid={`summary-peak-${which}-text`}>{peakWords(which, p)}</span>{' '}
        <button type="button" className="link" onClick={() => onPickT(p.clock)}>
          Set T there
        </button>
      </li>
    );
  return (
    <ul className="summary-peaks" aria-label="Peaks of the run">
      {item('live', 'Peak of live objects', peaks.live)}
      {item('rss', 'Peak of RSS', peaks.rss)}
    </ul>
  );
});
