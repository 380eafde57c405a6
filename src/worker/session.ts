// The worker's state: one analysis at a time, parsed from a chunk source with progress reports,
// cancellable, and queried between chunks. No DOM: runs in a worker and in Node tests alike.

import { Analysis } from '../engine/analysis.ts';
import { TableQueries } from '../engine/query/table-query.ts';
import { rssAndLiveSeries } from '../engine/query/series.ts';
import type { ColumnInfo, SeriesPoint, SeriesQuery, Summary, TableId, TableQuery, TableWindow } from '../engine/types.ts';
import type { LogSource, Progress, ReftraceApi } from './api.ts';
import { openSource, type ChunkSource } from './source-reader.ts';
import { yieldToEventLoop } from './yield.ts';

/** Parse at most this many bytes between yields, so queries and cancel are answered promptly. */
const PARSE_STEP_BYTES = 1 << 20;
const PROGRESS_EVERY_MS = 100;

export interface SessionOptions {
  /** Test hook: throw a RangeError (as an allocation failure would) after this many bytes. */
  failAfterBytes?: number;
  openSource?: (source: LogSource, signal: AbortSignal) => Promise<ChunkSource>;
}

export class AnalysisSession implements ReftraceApi {
  private analysis: Analysis | null = null;
  private queries: TableQueries | null = null;
  private abort: AbortController | null = null;
  private generation = 0;

  constructor(private readonly options: SessionOptions = {}) {}

  async open(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    this.cancel();
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const name = source.kind === 'file' ? source.name : source.url;
    const analysis = new Analysis(name);
    this.analysis = analysis;
    this.queries = new TableQueries(analysis.store);
    const started = Date.now();
    let src: ChunkSource | null = null;
    const report = (done: boolean) => {
      const elapsedMs = Date.now() - started;
      const bytesRead = src?.bytesRead() ?? 0;
      onProgress({
        bytesRead,
        totalBytes: src?.totalBytes ?? 0,
        elapsedMs,
        mbPerSec: elapsedMs > 0 ? bytesRead / 1e3 / elapsedMs : 0,
        summary: analysis.summary(),
        done,
      });
    };
    const parser = analysis.beginFile(name);
    try {
      src = await (this.options.openSource ?? openSource)(source, abort.signal);
      if (src.name !== name) {
        analysis.store.sourceFiles[0] = src.name;
      }
      let lastReport = 0;
      let fed = 0;
      for await (const chunk of src.chunks) {
        for (let off = 0; off < chunk.length; off += PARSE_STEP_BYTES) {
          if (abort.signal.aborted || generation !== this.generation) throw new CancelledError();
          const piece = chunk.subarray(off, Math.min(chunk.length, off + PARSE_STEP_BYTES));
          fed += piece.length;
          if (this.options.failAfterBytes !== undefined && fed > this.options.failAfterBytes)
            throw new RangeError('Array buffer allocation failed');
          parser.push(piece);
          if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
            lastReport = Date.now();
            report(false);
          }
          await yieldToEventLoop();
        }
      }
      parser.finish();
    } catch (e) {
      analysis.stoppedEarly = stopReason(e, parser.bytesRead);
      try {
        if (!(e instanceof CancelledError)) parser.finish();
      } catch {
        // Out of memory again while finishing: the partial numbers stand as they are.
      }
    }
    if (generation === this.generation) this.abort = null;
    report(true);
    return analysis.summary();
  }

  cancel(): void {
    this.abort?.abort();
  }

  summary(): Summary | null {
    return this.analysis?.summary() ?? null;
  }

  columns(table: TableId): ColumnInfo[] {
    return this.queries?.columns(table) ?? [];
  }

  table(q: TableQuery): TableWindow {
    if (!this.queries) return { table: q.table, total: 0, matched: 0, offset: 0, rows: [] };
    return this.queries.window(q);
  }

  series(q: SeriesQuery): SeriesPoint[] {
    return this.analysis ? rssAndLiveSeries(this.analysis.store, q) : [];
  }
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

function stopReason(e: unknown, bytes: number): string {
  const at = `after ${bytes.toLocaleString('en-US')} bytes`;
  if (e instanceof CancelledError) return `Cancelled ${at}.`;
  if (e instanceof RangeError || (e instanceof Error && /memory|allocation/i.test(e.message)))
    return `Out of memory ${at}: the browser could not allocate more. The results below cover the part that was read.`;
  return `Stopped ${at}: ${e instanceof Error ? e.message : String(e)}`;
}
