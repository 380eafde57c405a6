// The tables a log is exported as (events, live, pairs, and runs: its sites' verdicts): their
// columns and the shape of a batch of rows, format-neutral so the CLI can write them as Parquet or CSV.

export type FleetTableName = 'events' | 'live' | 'pairs' | 'runs';

/** string: text; double: float64; int32: whole number; int64: whole number that may exceed 2^31 (bytes). */
export type FleetColumnType = 'string' | 'double' | 'int32' | 'int64';

export interface FleetColumn {
  name: string;
  type: FleetColumnType;
  /** Only these columns hold nulls (an unknown RSS). */
  nullable: boolean;
}

/** One column's values in a batch: by type, string[], Float64Array, Int32Array or (number | null)[]. */
export type FleetValues = string[] | Float64Array | Int32Array | (number | null)[];

/** A slice of a table's rows, column by column (values[i] belongs to columns[i]). */
export interface FleetBatch {
  rows: number;
  values: FleetValues[];
}

export interface FleetTable {
  name: FleetTableName;
  columns: FleetColumn[];
  rows: number;
  /** The rows in order, `size` at a time (the last batch may be shorter; no batch when rows is 0). */
  batches(size: number): Generator<FleetBatch>;
}

const c = (name: string, type: FleetColumnType, nullable = false): FleetColumn => ({ name, type, nullable });

/** Columns of a row that is one event (the events and live tables). */
export const EVENT_COLUMNS: FleetColumn[] = [
  c('kind', 'string'),
  c('clock', 'double'),
  c('address', 'string'),
  c('live_count', 'int32'),
  c('type', 'string'),
  c('file', 'string'),
  c('line', 'int32'),
  c('function', 'string'),
  c('rss', 'int64', true),
  c('drss', 'int64', true),
  c('log_line', 'int32'),
  c('log_file', 'string'),
];

const side = (p: 'new' | 'del') => [
  c(`${p}_clock`, 'double'),
  c(`${p}_file`, 'string'),
  c(`${p}_line`, 'int32'),
  c(`${p}_function`, 'string'),
  c(`${p}_log_line`, 'int32'),
];

/** Columns of a site of a run: its objects alive at the end, kept, and its verdict. */
export const RUN_COLUMNS: FleetColumn[] = [
  c('log_file', 'string'),
  c('file', 'string'),
  c('line', 'int32'),
  c('function', 'string'),
  c('type', 'string'),
  c('live', 'int32'),
  c('kept', 'int32'),
  c('verdict', 'string'),
];

/** Columns of a NEW/DEL pair: each side's event, then what they share. */
export const PAIR_COLUMNS: FleetColumn[] = [
  ...side('new'),
  ...side('del'),
  c('address', 'string'),
  c('type', 'string'),
  c('lifetime', 'double'),
  c('log_file', 'string'),
  c('del_log_file', 'string'),
];
