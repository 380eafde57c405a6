// The worker's API as the page sees it (through comlink). Everything returned is plain data.

import type { ColumnInfo, SeriesPoint, SeriesQuery, Summary, TableId, TableQuery, TableWindow } from '../engine/types.ts';

export interface Progress {
  /** Bytes of the file read so far (compressed bytes for a .gz). */
  bytesRead: number;
  /** Size of the file when known (0 for a URL without Content-Length). */
  totalBytes: number;
  elapsedMs: number;
  /** Megabytes (10^6) per second so far. */
  mbPerSec: number;
  summary: Summary;
  done: boolean;
}

export type LogSource = { kind: 'file'; file: Blob; name: string } | { kind: 'url'; url: string };

export interface ReftraceApi {
  /**
   * Parses a log, reporting progress a few times a second; resolves when the parse ends
   * (finished, cancelled or stopped by an error) with the final summary. Opening a new
   * source cancels the one being parsed.
   */
  open(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary>;
  cancel(): void;
  summary(): Summary | null;
  columns(table: TableId): ColumnInfo[];
  table(q: TableQuery): TableWindow;
  series(q: SeriesQuery): SeriesPoint[];
}
