// The Summary's downloads for columnar engines: the log's events, live objects and NEW/DEL pairs as
// Parquet files, the same as `reftrace export` writes, made by the worker and saved as
// `<log name>-<table>.parquet`.

import { useCallback } from 'react';
import type { FleetTableName } from '../../engine/query/fleet/schema.ts';
import { ask } from '../data/worker-client.ts';
import { useDownload } from '../hooks/use-export.ts';

const TABLES: { name: FleetTableName; title: string }[] = [
  { name: 'events', title: 'Every NEW and DEL, in log order' },
  { name: 'live', title: 'The objects alive at the end' },
  { name: 'pairs', title: 'Each NEW with the DEL that ended it, and its lifetime' },
];

const makeParquet = async (table: FleetTableName) =>
  new Blob(await ask('parquet', { table }), { type: 'application/vnd.apache.parquet' });

export function ParquetDownloads({ exportName, disabled }: { exportName: string; disabled: boolean }) {
  const fileName = useCallback((name: FleetTableName) => `${exportName}-${name}.parquet`, [exportName]);
  const download = useDownload(makeParquet, fileName);
  const making = download.exporting;
  return (
    <>
      <span className="export" role="group" aria-label="Download as Parquet">
        {TABLES.map((t) => (
          <button
            key={t.name}
            type="button"
            className="btn btn-small"
            data-testid={`parquet-${t.name}`}
            disabled={disabled || making !== null}
            title={`${t.title}: a Parquet file for DuckDB, Polars or Spark`}
            onClick={() => download.start(t.name)}
          >
            {making === t.name ? `${t.name}.parquet…` : `${t.name}.parquet`}
          </button>
        ))}
      </span>
      {download.error && (
        <span className="summary-problems" role="alert" data-testid="parquet-error">
          {' '}
          Could not make it: {download.error}
        </span>
      )}
    </>
  );
}
