// The one analysis worker of the page, reached through comlink. The page never parses: it hands
// the worker a Blob or a URL and then asks it for summaries, windows of rows and chart series.

import * as Comlink from 'comlink';
import type { CompareQuery, LogSource, Progress, ReftraceApi } from '../../worker/api.ts';
import type { Summary } from '../../engine/types.ts';
import { decodeWorkerCount, startDecodeWorkers } from '../../worker/decode-workers.ts';
import { serveFileReads } from '../../worker/page-reads.ts';
import { pageReadsWanted } from './page-reads-choice.ts';

export type Api = Comlink.Remote<ReftraceApi>;

// Named from the worker API, so the page depends on its shapes, not on where the engine keeps them.
/** How the comparison groups its rows: per type or per allocation site. */
export type CompareBy = CompareQuery['by'];
/** The file formats a table exports to. */
export type ExportFormat = Parameters<ReftraceApi['exportTable']>[1];

let api: Api | null = null;
const crashListeners = new Set<(message: string) => void>();

/** Test and benchmark hooks: `?failAfterBytes=N` and `?decoders=N` on the page are passed on to the worker (see reftrace.worker.ts). */
function workerHooks(): string {
  const page = new URLSearchParams(location.search);
  const hooks = new URLSearchParams();
  for (const name of ['failAfterBytes', 'decoders']) {
    const n = page.get(name);
    if (n && /^\d+$/.test(n)) hooks.set(name, n);
  }
  return hooks.toString();
}

function createWorker(): Worker {
  // The hooks travel in the worker's name, not in its URL: a worker script that the service worker
  // answers from its cache gets the cached file's URL, without the query.
  const worker = new Worker(new URL('../../worker/reftrace.worker.ts', import.meta.url), {
    type: 'module',
    name: workerHooks(),
  });
  worker.addEventListener('error', (e) => {
    const message = e.message || 'The analysis worker failed to start or crashed.';
    for (const l of crashListeners) l(message);
  });
  return worker;
}

export function getApi(): Api {
  if (!api) {
    const started = Comlink.wrap<ReftraceApi>(createWorker());
    // Started here, not by the analysis worker (decode-workers.ts says why), and attached before any file.
    const count = decodeWorkerCount(new URLSearchParams(location.search).get('decoders'));
    if (count > 0) {
      const ports = startDecodeWorkers(count, (index, message) => void started.decoderDied(index, message));
      void started.attachDecoders(Comlink.transfer(ports, ports));
    }
    api = started;
  }
  return api;
}

/** Called when the worker itself fails (script error, crash), which no promise would report. */
export function onWorkerCrash(listener: (message: string) => void): () => void {
  crashListeners.add(listener);
  return () => crashListeners.delete(listener);
}

/**
 * A file source with a port over which the page reads the file for the worker (see
 * src/worker/page-reads.ts), when asked for with ?pageReads=1.
 */
function withPageReads(source: LogSource): LogSource {
  if (source.kind !== 'file' || !pageReadsWanted(location.search)) return source;
  const reads = serveFileReads(source.file);
  return Comlink.transfer({ ...source, reads }, [reads]);
}

/** Starts a parse; progress arrives through a comlink proxy a few times a second. */
export function openLog(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
  return getApi().open(withPageReads(source), Comlink.proxy(onProgress));
}

export function cancelLog(): void {
  void getApi().cancel();
}

/** Parses a second log as the baseline ("before") of a comparison; the open log is the "after". */
export function openBaselineLog(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
  return getApi().openBaseline(withPageReads(source), Comlink.proxy(onProgress));
}
