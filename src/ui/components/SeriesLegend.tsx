// The legend of the RSS / live-objects chart, as plain HTML: shared by the cheap preview drawn
// while a file is read and the recharts chart drawn after (recharts' own legend measures itself).

import type { ReactNode } from 'react';

export function SeriesLegend({ hasRss, children }: { hasRss: boolean; children?: ReactNode }) {
  return (
    <div className="preview-legend">
      {hasRss && (
        <span>
          <span className="dot rss" /> RSS (max)
        </span>
      )}
      <span>
        <span className="dot live" /> Live objects (max)
      </span>
      {children}
    </div>
  );
}
