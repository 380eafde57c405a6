// The legend of the RSS / live-objects chart, as plain HTML in the chart's head: the same for the
// cheap preview drawn while a file is read and the recharts chart drawn after (recharts' own legend
// measures itself), and the "before" run's lines when a comparison shows them.

export function SeriesLegend({ hasRss, before }: { hasRss: boolean; before: { hasRss: boolean } | null }) {
  return (
    <span className="series-legend" data-testid="chart-legend">
      {hasRss && (
        <span>
          <span className="dot rss" /> RSS (max)
        </span>
      )}
      <span>
        <span className="dot live" /> Live objects (max)
      </span>
      {before && (
        <span data-testid="legend-before">
          <span className="dash live" /> {before.hasRss && <span className="dash rss" />} before
        </span>
      )}
    </span>
  );
}
