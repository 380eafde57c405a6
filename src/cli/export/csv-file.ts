// Writes a fleet table as CSV (RFC 4180: a header row, CRLF, quoted where needed; cells a
// spreadsheet would run as a formula get the viewer's leading apostrophe), a piece at a time.

import { closeSync, openSync, writeSync } from 'node:fs';
import { csvCell } from '../../engine/query/export.ts';
import type { FleetTable } from '../../engine/query/fleet/schema.ts';

/** Rows joined into one string before it is written: a few MB at most. */
const ROWS_PER_WRITE = 8192;

export function writeCsv(path: string, table: FleetTable, batchRows: number): void {
  // 'wx': fails if anything (a file, a planted symlink) is already there (see export-log.ts).
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, table.columns.map((c) => csvCell(c.name)).join(',') + '\r\n');
    for (const batch of table.batches(batchRows)) {
      const columns = batch.values;
      for (let start = 0; start < batch.rows; start += ROWS_PER_WRITE) {
        const lines: string[] = [];
        const end = Math.min(batch.rows, start + ROWS_PER_WRITE);
        for (let r = start; r < end; r++) lines.push(columns.map((values) => csvCell(values[r])).join(',') + '\r\n');
        writeSync(fd, lines.join(''));
      }
    }
  } finally {
    closeSync(fd);
  }
}
