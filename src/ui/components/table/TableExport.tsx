// The CSV and JSON buttons of a table's toolbar, and the banner when an export failed.

import type { TableExport } from '../../hooks/use-export.ts';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
] as const;

export function ExportButtons({ exp }: { exp: TableExport }) {
  return (
    <span className="export" role="group" aria-label="Export the rows shown">
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="btn btn-small"
          data-testid={`export-${format}`}
          disabled={exp.exporting !== null}
          title={`Download these rows (filter and sort applied) as ${label}`}
          onClick={() => exp.start(format)}
        >
          {exp.exporting === format ? `${label}…` : label}
        </button>
      ))}
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
