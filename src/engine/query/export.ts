// Export of a table as it is shown (its filter and sort applied) to CSV or JSON, in pieces so a
// million rows never make one giant string. Text cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) get a leading apostrophe.

import type { Cell, ColumnInfo, Row, TableQuery } from '../types.ts';
import type { TableQueries } from './table-query.ts';

export type ExportFormat = 'csv' | 'json';
const ROWS_PER_PIECE = 5000;

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
}

export function* exportTable(
  queries: TableQueries,
  q: Omit<TableQuery, 'offset' | 'limit'>,
  format: ExportFormat,
): Generator<string> {
  // A growth window has its own columns.
  const columns = queries.columns(q.table, q.view);
  const { order } = queries.order(q);
  if (format === 'csv') yield columns.map((c) => csvCell(c.title)).join(',') + '\r\n';
  else yield '[\n';
  for (let off = 0; off < order.length; off += ROWS_PER_PIECE) {
    const w = queries.window({ ...q, offset: off, limit: ROWS_PER_PIECE });
    const lines = w.rows.map((r, i) =>
      format === 'csv'
        ? columns.map((c) => csvCell(r[c.id])).join(',') + '\r\n'
        : (off + i > 0 ? ',\n' : '') + JSON.stringify(Object.fromEntries(columns.map((c) => [c.id, r[c.id]]))),
    );
    yield lines.join('');
  }
  if (format === 'json') yield '\n]\n';
}

/** Rows the caller has (the comparison's, a few thousand at most), written as exportTable writes a table. */
export function* exportRows(columns: ColumnInfo[], rows: Row[], format: ExportFormat): Generator<string> {
  if (format === 'csv') {
    yield columns.map((c) => csvCell(c.title)).join(',') + '\r\n';
    for (const r of rows) yield columns.map((c) => csvCell(r[c.id] ?? null)).join(',') + '\r\n';
    return;
  }
  yield '[\n';
  yield rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.id, r[c.id] ?? null])))).join(',\n');
  yield '\n]\n';
}
