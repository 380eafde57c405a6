// The worker's state: the open analysis (and an optional baseline to compare with), parsed from a
// chunk source with progress reports, cancellable, and queried between chunks. No DOM: runs in a
// worker and in Node tests alike.

import { Analysis } from '../engine/analysis.ts';
import { Engine } from '../engine/engine.ts';
import type { QueryAnswer, QueryArgs, QueryName } from '../engine/queries.ts';
import type { LogParser } from '../engine/parse/log-parser.ts';
import { parseInParallel } from '../engine/parse/parallel/drive.ts';
import { fileNameOf, childLogFollower } from '../engine/parse/child-logs.ts';
import type { Summary } from '../engine/types.ts';
import { runHistory, type History, type RunSummary } from '../engine/runs/history.ts';
import type { LogSource, Progress, ReftraceApi, RunsProgress, SingleSource } from './api.ts';
import { droppedFilesResolver, findRoot, readBlobSyncInWorker } from './nested-files.ts';
import type { DecodeShard } from './decode-service.ts';
import { shardsOverPorts } from './decode-workers.ts';
import { openSource, type ChunkSource } from './source-reader.ts';
import { throttledYield } from './yield.ts';

/** Parse at most this many bytes between yields, so queries and cancel are answered promptly. */
const PARSE_STEP_BYTES = 1 << 20;
/** Smaller files are parsed in this thread alone: starting the decode workers would not pay. */
const PARALLEL_MIN_BYTES = 16 << 20;
/** How far to look for the HDR (which gives the layout decode workers need) before reading plainly. */
const LAYOUT_SEARCH_BYTES = 16 << 20;
/** Bytes per decoded block: small enough that the first blocks come back soon, large enough that messaging is cheap. */
const BLOCK_BYTES = 4 << 20;
/** Blocks in flight per decode worker: one decoding, one being read. */
const IN_FLIGHT_PER_SHARD = 2;
const PROGRESS_EVERY_MS = 100;
/** A query or a cancel waits at most about this long, plus one piece's parse, during a parse. */
const YIELD_EVERY_MS = 10;
/**
 * The most memory one log's tables may take in this tab (its store: columns, names, anchors): past
 * it the parse stops with what it has and says so, before the browser kills the tab. A 16 GB log
 * (64M lines) fits; an endless ?url= stream or a gzip bomb of records does not.
 */
export const STORE_BUDGET_BYTES = 2 * 1024 ** 3;
/** Bytes read with no line of a log in them (no SOF, HDR, NEW, DEL, MSG) before a source is called not a log and no more is read. */
export const NOT_A_LOG_AFTER_BYTES = 64 * 1024 ** 2;

/** What the session reads and decodes with; tests give their own (slow or failing reads, in-process decoders). */
export interface SessionSeams {
  openSource?: (source: SingleSource, signal: AbortSignal) => Promise<ChunkSource>;
  /** Reads a Blob synchronously (child logs are read inside the parent's parse). */
  readBlobSync?: (blob: Blob) => Uint8Array;
  /** Decoders for big plain files in place of the page's decode workers. */
  decodeShards?: () => DecodeShard[];
  /** Milliseconds, for spacing progress reports (Date.now by default). */
  now?: () => number;
  /** The store budget (STORE_BUDGET_BYTES by default). */
  storeBudgetBytes?: number;
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The store passed the tab's budget. */
class BudgetError extends Error {}
/** So many bytes and not one line of a log: reading stops (finish() then says not a log). */
class NotALogError extends Error {}

export class AnalysisSession implements ReftraceApi {
  /** The page's decode workers (none until it attaches them: parse in this thread alone). */
  private decoders = shardsOverPorts([]);
  private analysis = new Analysis('');
  private baseline: Analysis | null = null;
  private engine = new Engine(this.analysis);
  private abort: AbortController | null = null;
  private generation = 0;
  /** Total time spent answering questions (reported with progress, for benchmarks). */
  private queryMs = 0;
  private readonly now: () => number;

  constructor(private readonly seams: SessionSeams = {}) {
    this.now = seams.now ?? Date.now;
  }

  async open(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    const analysis = new Analysis(sourceName(source));
    this.analysis = analysis;
    this.engine = new Engine(analysis, this.baseline);
    return this.parse(analysis, source, onProgress);
  }

  async openBaseline(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    const analysis = new Analysis(sourceName(source));
    this.baseline = analysis;
    this.engine = new Engine(this.analysis, analysis);
    const summary = await this.parse(analysis, source, onProgress);
    // A "before" that is not a log is no baseline: nothing is compared with it (the page says why).
    if (summary.notALog && this.baseline === analysis) {
      this.baseline = null;
      this.engine = new Engine(this.analysis, null);
    }
    return summary;
  }

  async openRuns(sources: LogSource[], onProgress: (p: RunsProgress) => void): Promise<History> {
    const summaries: RunSummary[] = [];
    for (const [run, source] of sources.entries()) {
      const name = sourceName(source);
      // Each run is parsed, summed up and let go: memory holds one run's store at a time.
      const analysis = new Analysis(name);
      const generation = this.generation + 1;
      const s = await this.parse(analysis, source, (progress) =>
        onProgress({ run, runs: sources.length, name, progress }),
      );
      if (s.stopped?.reason === 'cancelled' || this.generation !== generation) break;
      summaries.push({ ...new Engine(analysis).ask('run', {}), log: name });
    }
    return runHistory(summaries);
  }

  cancel(): void {
    this.abort?.abort();
  }

  ask<N extends QueryName>(name: N, ...args: QueryArgs<N>): QueryAnswer<N> {
    const t = performance.now();
    try {
      return this.engine.ask(name, ...args);
    } finally {
      this.queryMs += performance.now() - t;
    }
  }

  attachDecoders(ports: MessagePort[]): void {
    this.decoders = shardsOverPorts(ports);
  }

  decoderDied(index: number, message: string): void {
    this.decoders.died(index, message);
  }

  /** Feeds a source into an analysis; ends with a final progress report. Never throws. */
  private async parse(analysis: Analysis, source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    this.cancel();
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const started = this.now();
    let src: ChunkSource | null = null;
    let bytesDone = () => src?.bytesRead() ?? 0;
    let parseMs = 0;
    let decodeWorkers = 0;
    const queryMsAtStart = this.queryMs;
    const report = (done: boolean) => {
      const elapsedMs = this.now() - started;
      const bytesRead = bytesDone();
      onProgress({
        bytesRead,
        totalBytes: src?.totalBytes ?? 0,
        elapsedMs,
        mbPerSec: elapsedMs > 0 ? bytesRead / 1e3 / elapsedMs : 0,
        parseMs,
        queryMs: this.queryMs - queryMsAtStart,
        decodeWorkers,
        summary: analysis.summary(),
        done,
      });
    };
    let fed = 0;
    let parser: LogParser | null = null;
    let seen: Set<string> | null = null;
    try {
      let single: SingleSource;
      let follow: ((named: string, line: number) => void) | undefined;
      if (source.kind === 'files') {
        // A nested run: parse the root, reading children where the root (or a child) names them.
        const { root } = await findRoot(source.files);
        single = { kind: 'file', file: root.file, name: root.name };
        seen = new Set([root.name]);
        const resolve = droppedFilesResolver(source.files, this.seams.readBlobSync ?? readBlobSyncInWorker);
        follow = childLogFollower(analysis, root.name, 0, resolve, seen);
      } else {
        single = source;
      }
      src = await (this.seams.openSource ?? openSource)(single, abort.signal);
      const p = analysis.beginFile(src.name, follow);
      parser = p;
      let lastReport = 0;
      const progress = () => {
        if (this.now() - lastReport >= PROGRESS_EVERY_MS) {
          lastReport = this.now();
          report(false);
        }
      };
      const budget = this.seams.storeBudgetBytes ?? STORE_BUDGET_BYTES;
      const checkStop = () => {
        if (abort.signal.aborted || generation !== this.generation) throw new CancelledError();
        const stored = analysis.store.byteSize;
        if (stored > budget)
          throw new BudgetError(
            `Too big for this tab: the log’s tables reached ${(stored / 1e9).toFixed(2)} GB, this tab’s budget for one log, ` +
              `after ${fed.toLocaleString('en-US')} bytes (line ${analysis.summary().lines.toLocaleString('en-US')}). ` +
              'What was read is analysed below; open the whole log with the CLI (reftrace analyse LOG) or export it (reftrace export LOG --out DIR).',
          );
        if (fed >= NOT_A_LOG_AFTER_BYTES && !p.sawLogLine)
          throw new NotALogError(
            `Not a log: no SOF, HDR, NEW, DEL or MSG line in its first ${(fed / 1024 ** 2).toFixed(0)} MiB, so no more was read.`,
          );
      };
      const yieldNow = throttledYield(YIELD_EVERY_MS);
      /** Parses one piece of plain bytes, then lets queries and cancel in (every YIELD_EVERY_MS). */
      const feed = async (piece: Uint8Array) => {
        checkStop();
        fed += piece.length;
        const t = performance.now();
        p.push(piece);
        parseMs += performance.now() - t;
        progress();
        await yieldNow();
      };
      const feedChunks = async (chunks: AsyncIterable<Uint8Array>) => {
        for await (const chunk of chunks)
          for (let off = 0; off < chunk.length; off += PARSE_STEP_BYTES)
            await feed(chunk.subarray(off, Math.min(chunk.length, off + PARSE_STEP_BYTES)));
      };
      const blob = src.plainBlob;
      const shards =
        blob && blob.size >= PARALLEL_MIN_BYTES ? (this.seams.decodeShards?.() ?? this.decoders.shards) : [];
      if (blob && shards.length > 0) {
        bytesDone = () => fed;
        await parseInParallel(
          p,
          {
            size: blob.size,
            read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
            shards: shards.length,
            decode: (shard, fx, start, end) => shards[shard].decode(generation, fx, blob, start, end),
          },
          {
            firstBytes: 0,
            stepBytes: () => PARSE_STEP_BYTES,
            blockBytes: () => BLOCK_BYTES,
            layoutSearchBytes: LAYOUT_SEARCH_BYTES,
            inFlightPerShard: IN_FLIGHT_PER_SHARD,
          },
          {
            willParse: checkStop,
            parsed: async (bytes, ms) => {
              fed += bytes;
              parseMs += ms;
              progress();
              await yieldNow();
            },
            decoding: (n) => (decodeWorkers = n),
          },
        );
      } else {
        await feedChunks(src.chunks);
      }
      parser.finish();
    } catch (e) {
      // A cancel also aborts a URL's fetch, and the read the parse was waiting on fails with the
      // abort's error: the parse was still cancelled, not stopped by a failure.
      const cancelled = e instanceof CancelledError || abort.signal.aborted || generation !== this.generation;
      analysis.stopped = stopReason(cancelled ? new CancelledError() : e, fed, analysis.summary().lines);
      try {
        if (parser && !cancelled) parser.finish();
      } catch {
        // Out of memory again while finishing: the partial numbers stand as they are.
      }
    }
    if (source.kind === 'files' && seen) {
      for (const f of source.files)
        if (!seen.has(f.name))
          analysis.store.notes.addProblem(
            0,
            0,
            'missing-child',
            `${fileNameOf(f.name)} was opened too, but no log of this run names it as a child: open it on its own`,
          );
    }
    if (generation === this.generation) {
      this.abort = null;
    }
    report(true);
    return analysis.summary();
  }
}

function sourceName(source: LogSource): string {
  if (source.kind === 'file') return source.name;
  if (source.kind === 'url') return source.url;
  return source.files.map((f) => f.name).sort()[0] ?? 'logs';
}

type ParseStop = NonNullable<Summary['stopped']>;

function stopReason(e: unknown, bytes: number, lines: number): ParseStop {
  const at = `after ${bytes.toLocaleString('en-US')} bytes`;
  const stop = (reason: ParseStop['reason'], message: string): ParseStop => ({
    reason,
    message,
    atLine: lines,
    atByte: bytes,
  });
  if (e instanceof CancelledError) return stop('cancelled', `Cancelled ${at}.`);
  if (e instanceof BudgetError) return stop('out-of-memory', e.message);
  if (e instanceof NotALogError) return stop('error', e.message);
  if (e instanceof RangeError || (e instanceof Error && /memory|allocation/i.test(e.message)))
    return stop(
      'out-of-memory',
      `Too big for this tab: out of memory ${at} (line ${lines.toLocaleString('en-US')}). What was read is analysed below; ` +
        'open the whole log with the CLI (reftrace analyse LOG) or export it (reftrace export LOG --out DIR).',
    );
  return stop('error', `Stopped ${at}: ${e instanceof Error ? e.message : String(e)}`);
}
