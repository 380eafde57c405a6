// Export of a table as it is shown (its filter and sort applied) to CSV or JSON, in pieces so a
// million rows never make one giant string. Text cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) get a leading apostrophe.

import type { Cell, ExportQuery } from '../types.ts';
import type { TableQueries } from './table-query.ts';

const ROWS_PER_PIECE = 5000;

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
}

export function* exportTable(queries: TableQueries, q: ExportQuery): Generator<string> {
  const { format, ...query } = q;
  // A growth window has its own columns.
  const columns = queries.columns(q.table, q.view);
  const { order } = queries.order(query);
  if (format === 'csv') yield columns.map((c) => csvCell(c.title)).join(',') + '\r\n';
  else yield '[\n';
  for (let off = 0; off < order.length; off += ROWS_PER_PIECE) {
    const page = queries.page({ ...query, offset: off, limit: ROWS_PER_PIECE });
    const lines = page.rows.map((r, i) =>
      format === 'csv'
        ? columns.map((c) => csvCell(r[c.id])).join(',') + '\r\n'
        : (off + i > 0 ? ',\n' : '') + JSON.stringify(Object.fromEntries(columns.map((c) => [c.id, r[c.id]]))),
    );
    yield lines.join('');
  }
  if (format === 'json') yield '\n]\n';
}
