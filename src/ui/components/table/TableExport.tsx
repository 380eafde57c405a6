// The CSV and JSON buttons of a table's toolbar, and the banner when an export failed.

import type { TableExport } from '../../hooks/use-export.ts';

export function ExportButtons({ exp }: { exp: TableExport }) {
  return (
    <span className="export" role="group" aria-label="Export the rows shown">
      <button
        type="button"
        className="btn btn-small"
        data-testid="export-csv"
        disabled={exp.exporting !== null}
        title="Download these rows (filter and sort applied) as CSV"
        onClick={() => exp.start('csv')}
      >
        {exp.exporting === 'csv' ? 'CSV…' : 'CSV'}
      </button>
      <button
        type="button"
        className="btn btn-small"
        data-testid="export-json"
        disabled={exp.exporting !== null}
        title="Download these rows (filter and sort applied) as JSON"
        onClick={() => exp.start('json')}
      >
        {exp.exporting === 'json' ? 'JSON…' : 'JSON'}
      </button>
    </span>
  );
}

export function ExportError({ exp }: { exp: TableExport }) {
  if (!exp.error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="export-error">
      <span>Could not export: {exp.error}</span>
      <button type="button" className="banner-close" aria-label="Dismiss" onClick={exp.dismissError}>
        ✕
      </button>
    </div>
  );
}
