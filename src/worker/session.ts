// The worker's state: the open analysis (and an optional baseline to compare with), parsed from a
// chunk source with progress reports, cancellable, and queried between chunks. No DOM: runs in a
// worker and in Node tests alike.

import { Analysis } from '../engine/analysis.ts';
import type { LogParser } from '../engine/parse/log-parser.ts';
import { parseInParallel } from '../engine/parse/parallel/drive.ts';
import { fileNameOf, childLogFollower } from '../engine/parse/child-logs.ts';
import { compareRows } from '../engine/query/compare.ts';
import { exportRows, exportTable, type ExportFormat } from '../engine/query/export.ts';
import type { FleetTableName } from '../engine/query/fleet/schema.ts';
import { fleetTables } from '../engine/query/fleet/tables.ts';
import { SeriesIndex } from '../engine/query/series-index.ts';
import { TableQueries } from '../engine/query/table-query.ts';
import { typeLiveSeries, type TypeSeriesQuery } from '../engine/query/type-series.ts';
import { leakQueriesOf } from '../engine/query/leak-queries.ts';
import type { Phase } from '../engine/query/phases.ts';
import { siteLiveSeries, type LivePoint } from '../engine/query/site-series.ts';
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
  Summary,
  Suspect,
  TableId,
  TableQuery,
  TableWindow,
  TimeView,
  TypeSeries,
} from '../engine/types.ts';
import type {
  CompareQuery,
  CompareWindow,
  GroupMomentsQuery,
  LogSource,
  ObjectGroupQuery,
  PhaseTableQuery,
  PhaseWindow,
  Progress,
  ReftraceApi,
  SingleSource,
  SuspectsQuery,
} from './api.ts';
import { phaseRows, phaseWindow } from './phase-table.ts';
import { droppedFilesResolver, findRoot, readBlobSyncInWorker } from './nested-files.ts';
import type { DecodeShard } from './decode-service.ts';
import { shardsOverPorts } from './decode-workers.ts';
import { openSource, type ChunkSource } from './source-reader.ts';
import { yieldToEventLoop } from './yield.ts';

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

export interface SessionOptions {
  /** Test hook: throw a RangeError (as an allocation failure would) after this many bytes. */
  failAfterBytes?: number;
  openSource?: (source: SingleSource, signal: AbortSignal) => Promise<ChunkSource>;
  /** Reads a Blob synchronously (child logs are read inside the parent's parse). */
  readBlobSync?: (blob: Blob) => Uint8Array;
  /** Decoders for big plain files in place of the page's decode workers (tests: in-process services). */
  decodeShards?: () => DecodeShard[];
  /** Test hook: report progress at most this often (default PROGRESS_EVERY_MS; 0: after every chunk). */
  progressEveryMs?: number;
}

class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export class AnalysisSession implements ReftraceApi {
  /** The page's decode workers (none until it attaches them: parse in this thread alone). */
  private decoders = shardsOverPorts([]);
  private analysis: Analysis | null = null;
  private queries: TableQueries | null = null;
  private baseline: Analysis | null = null;
  private abort: AbortController | null = null;
  private generation = 0;
  private seriesIndex: SeriesIndex | null = null;
  private phaseCache: { analysis: Analysis; key: string; rows: Row[] } | null = null;
  /** Total time spent in table and series queries (reported with progress, for benchmarks). */
  private queryMs = 0;

  private timed<T>(fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      this.queryMs += performance.now() - t;
    }
  }

  constructor(private readonly options: SessionOptions = {}) {}

  async open(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    const analysis = new Analysis(sourceName(source));
    this.analysis = analysis;
    this.queries = new TableQueries(analysis.store);
    return this.parse(analysis, source, onProgress);
  }

  async openBaseline(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    const analysis = new Analysis(sourceName(source));
    this.baseline = analysis;
    return this.parse(analysis, source, onProgress);
  }

  cancel(): void {
    this.abort?.abort();
  }

  summary(): Summary | null {
    return this.analysis?.summary() ?? null;
  }

  columns(table: TableId, view?: TimeView): ColumnInfo[] {
    return this.queries?.columns(table, view) ?? [];
  }

  table(q: TableQuery): TableWindow {
    if (!this.queries) return { table: q.table, total: 0, matched: 0, offset: 0, rows: [] };
    const queries = this.queries;
    return this.timed(() => queries.window(q));
  }

  series(q: SeriesQuery): SeriesPoint[] {
    const a = this.analysis;
    if (!a) return [];
    // The index keeps per-block summaries as the store grows, so each query is fresh and cheap.
    if (this.seriesIndex?.store !== a.store) this.seriesIndex = new SeriesIndex(a.store);
    const index = this.seriesIndex;
    return this.timed(() => index.query(q));
  }

  typeSeries(q: TypeSeriesQuery): TypeSeries[] {
    const a = this.analysis;
    return a ? this.timed(() => typeLiveSeries(a.store, q)) : [];
  }

  exportTable(q: Omit<TableQuery, 'offset' | 'limit'>, format: ExportFormat): Blob {
    if (!this.queries) return new Blob([]);
    return new Blob([...exportTable(this.queries, q, format)], {
      type: format === 'csv' ? 'text/csv' : 'application/json',
    });
  }

  attachDecoders(ports: MessagePort[]): void {
    this.decoders = shardsOverPorts(ports);
  }

  decoderDied(index: number, message: string): void {
    this.decoders.died(index, message);
  }

  async exportParquet(name: FleetTableName): Promise<Blob> {
    if (!this.analysis) return new Blob([]);
    const table = fleetTables(this.analysis.store).find((t) => t.name === name);
    if (!table) throw new Error(`No table "${name}"`);
    // The Parquet writer is loaded when first asked for: most sessions never export.
    const { parquetBlob } = await import('./parquet-blob.ts');
    return parquetBlob(table, 'RefTrace Viewer');
  }

  exportCompare(q: Omit<CompareQuery, 'offset' | 'limit'>, columns: ColumnInfo[], format: ExportFormat): Blob {
    const { rows } = this.compare({ ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER });
    return new Blob([...exportRows(columns, rows, format)], {
      type: format === 'csv' ? 'text/csv' : 'application/json',
    });
  }

  compare(q: CompareQuery): CompareWindow {
    if (!this.analysis || !this.baseline) return { total: 0, matched: 0, offset: 0, rows: [], names: null };
    let rows = compareRows(this.baseline.store, this.analysis.store, q.by, q.fullPath, q.ignore);
    const total = rows.length;
    const text = q.text?.trim().toLowerCase();
    if (text) rows = rows.filter((r) => String(r.key).toLowerCase().includes(text));
    for (const s of [...(q.sort ?? [])].reverse()) {
      const dir = s.desc ? -1 : 1;
      rows.sort((a, b) => {
        const x = a[s.column];
        const y = b[s.column];
        return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
      });
    }
    return {
      total,
      matched: rows.length,
      offset: q.offset,
      rows: rows.slice(q.offset, q.offset + q.limit),
      names: [this.baseline.name, this.analysis.name],
    };
  }

  suspects(q: SuspectsQuery): Suspect[] {
    const a = this.analysis;
    return a ? this.timed(() => leakQueriesOf(a.store).suspects(q.by, q.limit, q.ignore)) : [];
  }

  snapshot(at: number, ignore?: IgnoreList): HeapSnapshot {
    const a = this.analysis;
    return a ? this.timed(() => leakQueriesOf(a.store).snapshot(at, ignore)) : { at, alive: 0, types: {}, sites: [] };
  }

  growth(from: number, to: number, ignore?: IgnoreList): GrowthReport {
    const a = this.analysis;
    const none = { from, to, aliveFrom: 0, aliveTo: 0, createdAndAlive: 0, types: {}, sites: [] };
    return a ? this.timed(() => leakQueriesOf(a.store).growth(from, to, ignore)) : none;
  }

  lifetimes(q: ObjectGroupQuery): LifetimeHistogram {
    const a = this.analysis;
    if (!a) return { edges: [], buckets: [], pairs: 0, alive: 0, temporary: 0 };
    const s = a.store;
    const type = q.type === undefined ? undefined : s.types.strings.indexOf(q.type);
    if (type === -1) return { edges: [], buckets: [], pairs: 0, alive: 0, temporary: 0 };
    return this.timed(() => leakQueriesOf(s).lifetimes({ site: q.site, type }, q.temporaryNews ?? 1));
  }

  groupMoments(q: GroupMomentsQuery): GroupMoments {
    const a = this.analysis;
    const type = q.type === undefined ? undefined : a?.store.types.strings.indexOf(q.type);
    if (!a || type === -1)
      return {
        at: q.at === null ? null : { t: q.at, alive: 0 },
        growth: q.window && { ...q.window, aliveFrom: 0, aliveTo: 0, createdAndAlive: 0 },
      };
    return this.timed(() => leakQueriesOf(a.store).groupMoments({ site: q.site, type }, q.at, q.window, q.ignore));
  }

  phases(ignore?: IgnoreList): Phase[] {
    const a = this.analysis;
    return a ? this.timed(() => leakQueriesOf(a.store).phases(ignore)) : [];
  }

  phaseTable(q: PhaseTableQuery): PhaseWindow {
    return this.timed(() => phaseWindow(this.phaseRowsOf(q.ignore), q));
  }

  exportPhases(q: Omit<PhaseTableQuery, 'offset' | 'limit'>, columns: ColumnInfo[], format: ExportFormat): Blob {
    const { rows } = this.phaseTable({ ...q, offset: 0, limit: Number.MAX_SAFE_INTEGER });
    return new Blob([...exportRows(columns, rows, format)], {
      type: format === 'csv' ? 'text/csv' : 'application/json',
    });
  }

  /** The phases' rows, kept while the log and the ignore list stay the same (the table is scrolled a window at a time). */
  private phaseRowsOf(ignore: IgnoreList | undefined): Row[] {
    const a = this.analysis;
    if (!a) return [];
    const key = `${a.store.version}/${a.store.notes.msgLine.length}/${JSON.stringify(ignore ?? null)}`;
    if (this.phaseCache?.analysis !== a || this.phaseCache.key !== key)
      this.phaseCache = { analysis: a, key, rows: phaseRows(leakQueriesOf(a.store).phases(ignore)) };
    return this.phaseCache.rows;
  }

  siteId(site: SiteName): number {
    const s = this.analysis?.store;
    if (!s) return -1;
    for (let i = 0; i < s.sites.size; i++)
      if (
        s.sites.line[i] === site.line &&
        s.files.strings[s.sites.file[i]] === site.file &&
        s.funcs.strings[s.sites.func[i]] === site.function
      )
        return i;
    return -1;
  }

  siteSeries(site: number, buckets: number): LivePoint[] {
    const a = this.analysis;
    return a ? this.timed(() => siteLiveSeries(a.store, site, buckets)) : [];
  }

  /** Feeds a source into an analysis; ends with a final progress report. Never throws. */
  private async parse(analysis: Analysis, source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
    this.cancel();
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const started = Date.now();
    let src: ChunkSource | null = null;
    let bytesDone = () => src?.bytesRead() ?? 0;
    let parseMs = 0;
    let decodeWorkers = 0;
    const queryMsAtStart = this.queryMs;
    const report = (done: boolean) => {
      const elapsedMs = Date.now() - started;
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
        const resolve = droppedFilesResolver(source.files, this.options.readBlobSync ?? readBlobSyncInWorker);
        follow = childLogFollower(analysis, root.name, 0, resolve, seen);
      } else {
        single = source;
      }
      src = await (this.options.openSource ?? openSource)(single, abort.signal);
      const p = analysis.beginFile(src.name, follow);
      parser = p;
      let lastReport = 0;
      const progress = () => {
        if (Date.now() - lastReport >= (this.options.progressEveryMs ?? PROGRESS_EVERY_MS)) {
          lastReport = Date.now();
          report(false);
        }
      };
      const checkStop = (bytes: number) => {
        if (abort.signal.aborted || generation !== this.generation) throw new CancelledError();
        if (this.options.failAfterBytes !== undefined && fed + bytes > this.options.failAfterBytes)
          throw new RangeError('Array buffer allocation failed');
      };
      /** Parses one piece of plain bytes, then lets queries and cancel in. */
      const feed = async (piece: Uint8Array) => {
        checkStop(piece.length);
        fed += piece.length;
        const t = performance.now();
        p.push(piece);
        parseMs += performance.now() - t;
        progress();
        await yieldToEventLoop();
      };
      const feedChunks = async (chunks: AsyncIterable<Uint8Array>) => {
        for await (const chunk of chunks)
          for (let off = 0; off < chunk.length; off += PARSE_STEP_BYTES)
            await feed(chunk.subarray(off, Math.min(chunk.length, off + PARSE_STEP_BYTES)));
      };
      const blob = src.plainBlob;
      const shards =
        blob && blob.size >= PARALLEL_MIN_BYTES ? (this.options.decodeShards?.() ?? this.decoders.shards) : [];
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
              await yieldToEventLoop();
            },
            decoding: (n) => (decodeWorkers = n),
          },
        );
      } else {
        await feedChunks(src.chunks);
      }
      parser.finish();
    } catch (e) {
      analysis.stopped = stopReason(e, fed, analysis.summary().lines);
      try {
        if (parser && !(e instanceof CancelledError)) parser.finish();
      } catch {
        // Out of memory again while finishing: the partial numbers stand as they are.
      }
    }
    if (src?.close) src.close();
    else if (source.kind === 'file') source.reads?.close(); // never opened: let the page drop the file
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
  if (e instanceof RangeError || (e instanceof Error && /memory|allocation/i.test(e.message)))
    return stop(
      'out-of-memory',
      `Too big for this tab: out of memory ${at} (line ${lines.toLocaleString('en-US')}). What was read is analysed below; ` +
        'open the whole log with the CLI (reftrace analyse LOG) or export it (reftrace export LOG --out DIR).',
    );
  return stop('error', `Stopped ${at}: ${e instanceof Error ? e.message : String(e)}`);
}
