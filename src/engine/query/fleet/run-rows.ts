// The runs table: one row per site holding objects at the end of the log, with its verdict, so a
// fleet of exported runs gives the same history `reftrace history` does (README, Exporting a fleet).

import type { Suspect } from '../../types.ts';
import { RUN_COLUMNS, type FleetTable } from './schema.ts';

export function runsTable(logFile: string, sites: Suspect[]): FleetTable {
  return {
    name: 'runs',
    columns: RUN_COLUMNS,
    rows: sites.length,
    *batches(size) {
      for (let start = 0; start < sites.length; start += size) {
        const part = sites.slice(start, start + size);
        yield {
          rows: part.length,
          values: [
            part.map(() => logFile),
            part.map((x) => x.file),
            Int32Array.from(part, (x) => x.line),
            part.map((x) => x.function),
            part.map((x) => x.type),
            Int32Array.from(part, (x) => x.live),
            Int32Array.from(part, (x) => x.kept),
            part.map((x) => x.verdict),
          ],
        };
      }
    },
  };
}
