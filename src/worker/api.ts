// The worker's API as the page sees it (through comlink). Everything returned is plain data.

import type { CompareBy } from '../engine/query/compare.ts';
import type { ExportFormat } from '../engine/query/export.ts';
import type { FleetTableName } from '../engine/query/fleet/schema.ts';
import type { TypeSeriesQuery } from '../engine/query/type-series.ts';
import type { Phase } from '../engine/query/phases.ts';
import type { LivePoint } from '../engine/query/site-series.ts';
import type {
  ColumnInfo,
  GroupMoments,
  GrowthReport,
  HeapSnapshot,
  IgnoreList,
  LifetimeHistogram,
  Row,
  SeriesPoint,
  SeriesQuery,
  SiteName,
  SortSpec,
  Summary,
  Suspect,
  TableId,
  TableQuery,
  TableWindow,
  TimeView,
  TypeSeries,
} from '../engine/types.ts';

export interface Progress {
  /** Bytes of the file read so far (compressed bytes for a .gz). */
  bytesRead: number;
  /** Size of the file when known (0 for a URL without Content-Length). */
  totalBytes: number;
  elapsedMs: number;
  /** Megabytes (10^6) per second so far. */
  mbPerSec: number;
  /** Time spent inside the parser (the rest is reading, queries and messaging). */
  parseMs: number;
  /** Time spent answering queries (tables, series) while this parse ran. */
  queryMs: number;
  /** Decode workers reading the file alongside the parser (0: the parser alone). */
  decodeWorkers: number;
  summary: Summary;
  done: boolean;
}

export interface NamedFile {
  file: Blob;
  name: string;
}

export type LogSource =
  /** reads: a port over which the page reads the file's slices for the worker (page-reads.ts). */
  | { kind: 'file'; file: Blob; name: string; reads?: MessagePort }
  /** Several files dropped at once: a nested run (parent and child logs). */
  | { kind: 'files'; files: NamedFile[] }
  | { kind: 'url'; url: string };

/** One stream of bytes: a file or a URL. */
export type SingleSource = Exclude<LogSource, { kind: 'files' }>;

export interface CompareQuery {
  by: CompareBy;
  fullPath?: boolean;
  /** Types and files left out of both logs' counts. */
  ignore?: IgnoreList;
  text?: string;
  sort?: SortSpec[];
  offset: number;
  limit: number;
}

export interface CompareWindow {
  total: number;
  matched: number;
  offset: number;
  rows: Row[];
  /** Names of the two logs compared (before, after), or null when there is no baseline. */
  names: [string, string] | null;
}

export interface ReftraceApi {
  /**
   * Parses a log, reporting progress a few times a second; resolves when the parse ends
   * (finished, cancelled or stopped by an error) with the final summary. Opening a new
   * source cancels the one being parsed.
   */
  open(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary>;
  cancel(): void;
  /** The ports of the page's decode workers (decode-workers.ts), used for big plain files from now on. */
  attachDecoders(ports: MessagePort[]): void;
  /** Decode worker `index` failed: its pending and later blocks fail, and the parse stops with its message. */
  decoderDied(index: number, message: string): void;
  summary(): Summary | null;
  /** A table's columns; a growth window has its own for types and sites. */
  columns(table: TableId, view?: TimeView): ColumnInfo[];
  table(q: TableQuery): TableWindow;
  series(q: SeriesQuery): SeriesPoint[];
  typeSeries(q: TypeSeriesQuery): TypeSeries[];
  /** The current table with its filter and sort, as a CSV or JSON file. */
  exportTable(q: Omit<TableQuery, 'offset' | 'limit'>, format: ExportFormat): Blob;
  /** The comparison with its filter and sort, as a CSV or JSON file with the columns the page shows. */
  /** A log's events, live objects or NEW/DEL pairs as a Parquet file, as `reftrace export` writes it (for DuckDB, Polars, Spark). */
  exportParquet(table: FleetTableName): Promise<Blob>;
  exportCompare(q: Omit<CompareQuery, 'offset' | 'limit'>, columns: ColumnInfo[], format: ExportFormat): Blob;
  /** Parses a second log to compare with (the "before"); the open log is the "after". */
  openBaseline(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary>;
  compare(q: CompareQuery): CompareWindow;
  /** Leak suspects by site or type, best first (README, "Leak suspects"). */
  suspects(q: SuspectsQuery): Suspect[];
  /** The heap at an instant, per type and per site. */
  snapshot(at: number, ignore?: IgnoreList): HeapSnapshot;
  /** Growth between two instants, per type and per site. */
  growth(from: number, to: number, ignore?: IgnoreList): GrowthReport;
  /** A site's or a type's lifetimes and temporaries (its row's detail). */
  lifetimes(q: ObjectGroupQuery): LifetimeHistogram;
  /** A site's or a type's objects alive at T and their growth over A..B, as its rows in those tables (its row's detail). */
  groupMoments(q: GroupMomentsQuery): GroupMoments;
  /** A site's live objects over clock (its row's detail; a type's is typeSeries with `only`). */
  siteSeries(site: number, buckets: number): LivePoint[];
  /** The spans between the log's messages and what each did to the heap. */
  phases(ignore?: IgnoreList): Phase[];
  /** The phases as a table: filtered by message, sorted, one window of rows (phase-table.ts). */
  phaseTable(q: PhaseTableQuery): PhaseWindow;
  /** The phases table with its filter and sort, as a CSV or JSON file with the columns the page shows. */
  exportPhases(q: Omit<PhaseTableQuery, 'offset' | 'limit'>, columns: ColumnInfo[], format: ExportFormat): Blob;
  /** The id of an allocation site by its name (full path), for siteSeries and lifetimes; -1 when the log has none. */
  siteId(site: SiteName): number;
}

export interface PhaseTableQuery {
  ignore?: IgnoreList;
  /** Case-insensitive substring of the message. */
  text?: string;
  sort?: SortSpec[];
  offset: number;
  limit: number;
}

export interface PhaseWindow {
  total: number;
  matched: number;
  offset: number;
  /** One row per phase: phase (its number), from, to, message, kind, line, new, del, netLive, createdAndAlive, rssDelta. */
  rows: Row[];
}

export interface SuspectsQuery {
  by: 'site' | 'type';
  limit: number;
  ignore?: IgnoreList;
}

export interface GroupMomentsQuery {
  site?: number;
  type?: string;
  at: number | null;
  window: { from: number; to: number } | null;
  ignore?: IgnoreList;
}

/** A site (by id, as a suspect or a sites row carries it) or a type (by name). */
export interface ObjectGroupQuery {
  site?: number;
  type?: string;
  /** A pair is temporary when fewer than this many NEWs happened between its NEW and DEL (default 1). */
  temporaryNews?: number;
}
