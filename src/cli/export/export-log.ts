// Writes one analysed log as its tables (events, live, pairs, runs) into a folder. Each file is
// written under a temporary name and renamed when whole, so a fleet glob never reads half a file.
// Nothing is written through a symlink the exporter did not create: a folder that is a symlink is
// refused, a leftover `.partial` (file or symlink) is removed, not followed, and the new one is
// created exclusively (it fails if anything appears there meanwhile); the rename replaces a link
// at the final name rather than writing through it.

import { lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../engine/engine.ts';
import { ROW_GROUP_ROWS } from '../../engine/query/fleet/parquet.ts';
import type { FleetTableName } from '../../engine/query/fleet/schema.ts';
import { writeCsv } from './csv-file.ts';
import { writeParquet } from './parquet-file.ts';

export type ExportFormat = 'parquet' | 'csv';
export const EXPORT_FORMATS: ExportFormat[] = ['parquet', 'csv'];

export async function exportLog(
  engine: Engine,
  folder: string,
  format: ExportFormat,
  rowGroupRows = ROW_GROUP_ROWS,
): Promise<Record<FleetTableName, number>> {
  if (isSymlink(folder)) throw new Error(`${folder} is a symbolic link: not written through`);
  mkdirSync(folder, { recursive: true });
  const rows = { events: 0, live: 0, pairs: 0, runs: 0 };
  for (const table of engine.ask('fleet')) {
    const path = join(folder, `${table.name}.${format}`);
    const partial = path + '.partial';
    rmSync(partial, { force: true }); // a leftover, or a planted symlink: the link itself goes
    try {
      if (format === 'parquet') await writeParquet(partial, table, rowGroupRows, 'reftrace export');
      else writeCsv(partial, table, rowGroupRows);
      renameSync(partial, path);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
    rows[table.name] = table.rows;
  }
  return rows;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
