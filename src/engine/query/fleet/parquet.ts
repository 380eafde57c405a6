// A fleet table as Parquet, a row group per batch, into any hyparquet-writer Writer: a file for the
// CLI, memory parts for the page. Only one batch of rows is held at a time.

import type { SchemaElement, Writer } from 'hyparquet-writer';
// The writer's own module, not the package entry, whose Node build also pulls in `fs`.
import { ParquetWriter } from 'hyparquet-writer/src/parquet-writer.js';
import type { FleetColumn, FleetColumnType, FleetTable, FleetValues } from './schema.ts';

/**
 * Rows per row group (and per batch of CSV rows): what is held in memory at once. At 32k a batch's
 * garbage dies young; larger batches reach V8's old space and raise the peak RSS (docs/performance.md).
 */
export const ROW_GROUP_ROWS = 32 * 1024;

const PHYSICAL: Record<FleetColumnType, SchemaElement> = {
  string: { name: '', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  double: { name: '', type: 'DOUBLE' },
  int32: { name: '', type: 'INT32' },
  int64: { name: '', type: 'INT64' },
};

function schemaOf(columns: FleetColumn[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c): SchemaElement => ({
      ...PHYSICAL[c.type],
      name: c.name,
      repetition_type: c.nullable ? 'OPTIONAL' : 'REQUIRED',
    })),
  ];
}

/** The writer takes INT64 values as bigints; runs of one value (RSS mostly repeats) share one. */
function toBigInts(values: (number | null)[]): (bigint | null)[] {
  const out: (bigint | null)[] = [];
  let last = NaN;
  let lastBig = 0n;
  for (const v of values) {
    if (v === null) out.push(null);
    else {
      if (v !== last) lastBig = BigInt((last = v));
      out.push(lastBig);
    }
  }
  return out;
}

export async function writeParquetTable(
  out: Writer,
  table: FleetTable,
  rowGroupRows: number,
  createdBy: string,
): Promise<void> {
  const writer = new ParquetWriter({ writer: out, schema: schemaOf(table.columns), createdBy });
  for (const batch of table.batches(rowGroupRows)) {
    const columnData = table.columns.map((c, i) => {
      const values: FleetValues = batch.values[i];
      const data = c.type === 'int64' ? toBigInts(values as (number | null)[]) : values;
      // Min/max of names and addresses prune nothing a fleet query asks, and cost a string compare per row.
      return { name: c.name, data, statistics: c.type !== 'string' };
    });
    await writer.write({ columnData, rowGroupSize: batch.rows });
  }
  await writer.finish();
}
