// The Summary's downloads for columnar engines: the log's events, live objects and NEW/DEL pairs as
// Parquet files, the same as `reftrace export` writes, made by the worker and saved as
// `<log name>-<table>.parquet`.

import { useState } from 'react';
import { getApi } from '../data/worker-client.ts';
import { downloadBlob } from '../data/download.ts';

import type { FleetTableName } from '../../engine/query/fleet/schema.ts';

const TABLES: { name: FleetTableName; title: string }[] = [
  { name: 'events', title: 'Every NEW and DEL, in log order' },
  { name: 'live', title: 'The objects alive at the end' },
  { name: 'pairs', title: 'Each NEW with the DEL that ended it, and its lifetime' },
];

export function ParquetDownloads({ exportName, disabled }: { exportName: string; disabled: boolean }) {
  const [making, setMaking] = useState<FleetTableName | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = (name: FleetTableName) => {
    setMaking(name);
    setError(null);
    getApi()
      .exportParquet(name)
      .then(
        (blob) => downloadBlob(blob, `${exportName}-${name}.parquet`),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setMaking(null));
  };
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
            onClick={() => save(t.name)}
          >
            {making === t.name ? `${t.name}.parquet…` : `${t.name}.parquet`}
          </button>
        ))}
      </span>
      {error && (
        <span className="summary-problems" role="alert" data-testid="parquet-error">
          {' '}
          Could not make it: {error}
        </span>
      )}
    </>
  );
}
