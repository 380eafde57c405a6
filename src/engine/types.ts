// Public shapes of the engine's answers. Plain data only: they cross the worker boundary
// (structured clone) and are printed by the CLI.

export type TableId =
  | 'live'
  | 'pairs'
  | 'types'
  | 'sites'
  | 'untracked'
  | 'duplicates'
  | 'messages'
  | 'problems';

export interface Summary {
  /** Lines read so far (every line of the file, including intro, SOF, HDR, EOF). */
  lines: number;
  bytes: number;
  counts: { new: number; del: number; msg: number; err: number; bad: number };
  live: number;
  pairs: number;
  untracked: number;
  duplicates: number;
  types: number;
  sites: number;
  /** First and last clock seen on a NEW/DEL/MSG/ERR line, or null before any. */
  clockFirst: number | null;
  clockLast: number | null;
  rssFirst: number | null;
  rssLast: number | null;
  rssMax: number | null;
  introMessage: string;
  sawSof: boolean;
  sawHeader: boolean;
  sawEof: boolean;
  hasSizeof: boolean;
  headerColumns: string[];
  /** Problems counted (all of them; only the first `problemsKept` are listed in the problems table). */
  problems: number;
  problemsKept: number;
  /** True when nothing in the file looked like a ReferenceTracing log. */
  notALog: boolean;
  /** Set when the parse stopped early (cancel, out of memory): the numbers cover what was read. */
  stopped: ParseStop | null;
}

/** Why and where a parse stopped before the end of its input. */
export interface ParseStop {
  /** 'error': anything else that ended it, such as a failed read or a decode worker that died. */
  reason: 'cancelled' | 'out-of-memory' | 'error';
  /** The sentence shown to people, e.g. "Cancelled after 1,048,576 bytes." */
  message: string;
  /** Lines read when it stopped. */
  atLine: number;
  /** Bytes handed to the parser when it stopped (decompressed bytes for a .gz). */
  atByte: number;
}

export interface SortSpec {
  column: string;
  desc: boolean;
}

export interface TableFilter {
  /** Case-insensitive substring of type, file or function; "0x…" also matches addresses. */
  text?: string;
  /** Clock window (inclusive) of the row's creation (NEW) clock, or of its own clock. */
  clockMin?: number;
  clockMax?: number;
  /** Lifetime window (pairs only). */
  lifetimeMin?: number;
  lifetimeMax?: number;
}

export interface TableQuery {
  table: TableId;
  sort?: SortSpec[];
  filter?: TableFilter;
  offset: number;
  limit: number;
  /** Show full file paths instead of basenames (the seed's --full-path). */
  fullPath?: boolean;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface TableWindow {
  table: TableId;
  /** Rows in the table before filtering. */
  total: number;
  /** Rows matching the filter. */
  matched: number;
  offset: number;
  rows: Row[];
}

export interface ColumnInfo {
  id: string;
  title: string;
  kind: 'text' | 'int' | 'float' | 'clock' | 'address' | 'bytes';
}

export interface SeriesPoint {
  /** Bucket start clock. */
  clock: number;
  rssMin: number;
  rssMax: number;
  liveMin: number;
  liveMax: number;
}

export interface SeriesQuery {
  buckets: number;
  clockMin?: number;
  clockMax?: number;
}

/** Live objects of one type over clock (issue: per-type timeline). */
export interface TypeSeries {
  type: string;
  points: { clock: number; live: number }[];
}

/** The `--json` shape of the CLI (see README). */
export interface JsonReport {
  file: string;
  lines: number;
  counts: { new: number; del: number; msg: number; err: number; bad: number };
  live: number;
  pairs: number;
  untracked: number;
  duplicates: number;
  types: Record<string, [number, number, number]>;
  clock: { first: number | null; last: number | null };
  sawEof: boolean;
  problems: { line: number; kind: string; detail: string }[];
}
