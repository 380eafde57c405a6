// Writes a fleet table as one Parquet file through a file descriptor the exporter opened itself
// (created, never an existing file or a symlink: see export-log.ts), flushing as it goes.

import { closeSync, openSync, writeSync } from 'node:fs';
import { ByteWriter } from 'hyparquet-writer';
import { writeParquetTable } from '../../engine/query/fleet/parquet.ts';
import type { FleetTable } from '../../engine/query/fleet/schema.ts';

/** Bytes held before they are written. */
const FLUSH_BYTES = 1 << 20;

export async function writeParquet(path: string, table: FleetTable, rowGroupRows: number, createdBy: string) {
  // 'wx': fails if anything (a file, a planted symlink) is already there.
  const fd = openSync(path, 'wx');
  try {
    await writeParquetTable(fdWriter(fd), table, rowGroupRows, createdBy);
  } finally {
    closeSync(fd);
  }
}

/** hyparquet-writer's file writer, over a descriptor instead of a path it would reopen (and follow) per flush. */
function fdWriter(fd: number): ByteWriter {
  const writer = new ByteWriter();
  const flush = () => {
    writeSync(fd, new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  writer.ensure = (size: number) => {
    if (writer.index > FLUSH_BYTES) flush();
    if (writer.index + size > writer.buffer.byteLength) {
      const grown = new ArrayBuffer(Math.max(writer.buffer.byteLength * 2, writer.index + size));
      new Uint8Array(grown).set(new Uint8Array(writer.buffer));
      writer.buffer = grown;
      writer.view = new DataView(grown);
    }
  };
  writer.getBuffer = () => {
    throw new Error('getBuffer is not supported by a file writer');
  };
  writer.getBytes = () => {
    throw new Error('getBytes is not supported by a file writer');
  };
  writer.finish = flush;
  return writer;
}
