// A Parquet file as a list of byte parts: hyparquet-writer's byte writer, emptied into a new part
// after each row group, so no buffer ever grows to the whole file.

import type { Writer } from 'hyparquet-writer';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeParquetTable, ROW_GROUP_ROWS } from './parquet.ts';
import type { FleetTable } from './schema.ts';

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

/** The table as the parts of one Parquet file (the same schema and row groups as `reftrace export`). */
export async function parquetParts(table: FleetTable, createdBy: string): Promise<Uint8Array<ArrayBuffer>[]> {
  const out = new PartsWriter(1 << 20);
  await writeParquetTable(out as Writer, table, ROW_GROUP_ROWS, createdBy);
  return out.parts;
}
