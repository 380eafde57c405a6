// The worker's API as the page sees it (through comlink). Everything returned is plain data.

import type { QueryAnswer, QueryArgs, QueryName } from '../engine/queries.ts';
import type { History } from '../engine/runs/history.ts';
import type { Summary } from '../engine/types.ts';

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

/** Where reading a program's runs stands: which run, and its parse. */
export interface RunsProgress {
  run: number;
  runs: number;
  name: string;
  progress: Progress;
}

export interface NamedFile {
  file: Blob;
  name: string;
}

export type LogSource =
  | { kind: 'file'; file: Blob; name: string }
  /** Several files dropped at once: a nested run (parent and child logs). */
  | { kind: 'files'; files: NamedFile[] }
  | { kind: 'url'; url: string };

/** One stream of bytes: a file or a URL. */
export type SingleSource = Exclude<LogSource, { kind: 'files' }>;

export interface ReftraceApi {
  /**
   * Parses a log, reporting progress a few times a second; resolves when the parse ends
   * (finished, cancelled or stopped by an error) with the final summary. Opening a new
   * source cancels the one being parsed.
   */
  open(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary>;
  /** Parses a second log to compare with (the "before"); the open log is the "after". */
  openBaseline(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary>;
  /**
   * Reads a program's runs one after another (oldest first), keeping each run's summary and not its
   * store, and gives their history (which site began to leak in which run). The open log stays open.
   */
  openRuns(sources: LogSource[], onProgress: (p: RunsProgress) => void): Promise<History>;
  cancel(): void;
  /** The ports of the page's decode workers (decode-workers.ts), used for big plain files from now on. */
  attachDecoders(ports: MessagePort[]): void;
  /** Decode worker `index` failed: its pending and later blocks fail, and the parse stops with its message. */
  decoderDied(index: number, message: string): void;
  /** Any question about the open log (and its baseline), by name: src/engine/queries.ts lists them. */
  ask<N extends QueryName>(name: N, ...args: QueryArgs<N>): QueryAnswer<N>;
}
