// Writes a fleet table as one Parquet file (hyparquet-writer's file writer flushes as it goes).

import { fileWriter } from 'hyparquet-writer';
import { writeParquetTable } from '../../engine/query/fleet/parquet.ts';
import type { FleetTable } from '../../engine/query/fleet/schema.ts';

export function writeParquet(path: string, table: FleetTable, rowGroupRows: number, createdBy: string): Promise<void> {
  return writeParquetTable(fileWriter(path), table, rowGroupRows, createdBy);
}
