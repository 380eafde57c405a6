// A DuckDB connection for tests that read exported tables back with a real Parquet/CSV reader.
// Numbers come back as JS numbers (DuckDB gives BIGINT and COUNT as bigint).

import { DuckDBInstance } from '@duckdb/node-api';

export type SqlRow = Record<string, string | number | null>;

export interface Duck {
  all(sql: string): Promise<SqlRow[]>;
  close(): void;
}

function plain(v: unknown): string | number | null {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

export async function openDuck(): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    async all(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader
        .getRowObjectsJS()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A path quoted as an SQL string literal. */
export const sqlPath = (path: string) => `'${path.replace(/'/g, "''")}'`;
