// A Parquet file made in the worker for the page to save: hyparquet-writer's byte writer, emptied into
// the parts of a Blob after each row group, so no buffer ever grows to the whole file.

import type { Writer } from 'hyparquet-writer';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeParquetTable, ROW_GROUP_ROWS } from '../engine/query/fleet/parquet.ts';
import type { FleetTable } from '../engine/query/fleet/schema.ts';

class PartsWriter extends ByteWriter {
  readonly parts: Uint8Array<ArrayBuffer>[] = [];

  flush(): void {
    if (this.index > 0) this.parts.push(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }

  finish(): void {
    this.flush();
  }
}

export const PARQUET_MIME = 'application/vnd.apache.parquet';

/** The table as a Parquet file (the same schema and row groups as `reftrace export`). */
export async function parquetBlob(table: FleetTable, createdBy: string): Promise<Blob> {
  const out = new PartsWriter(1 << 20);
  await writeParquetTable(out as Writer, table, ROW_GROUP_ROWS, createdBy);
  return new Blob(out.parts, { type: PARQUET_MIME });
}
