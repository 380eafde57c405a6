// A lifetime histogram as horizontal bars, one per log-scale bucket (< 1 µs … ≥ 100 s), with the
// count beside each: plain HTML, so every number can be read (and tested) as text.

import type { LifetimeHistogram } from '../../engine/types.ts';
import { bucketLabels } from '../display/lifetime-buckets.ts';
import { fmtInt } from '../format.ts';

export function LifetimeBars({ hist }: { hist: LifetimeHistogram }) {
  const labels = bucketLabels(hist.edges);
  const max = Math.max(1, ...hist.buckets);
  return (
    <ol className="lifetime-bars" aria-label="Freed objects by lifetime">
      {hist.buckets.map((n, i) => (
        <li key={i} data-testid="lifetime-bucket" data-count={n}>
          <span className="lifetime-label">{labels[i]}</span>
          <span className="lifetime-track">
            <span className="lifetime-bar" style={{ width: `${(n / max) * 100}%` }} />
          </span>
          <span className="lifetime-count">{fmtInt(n)}</span>
        </li>
      ))}
    </ol>
  );
}
