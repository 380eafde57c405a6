// The one analysis worker of the page, reached through comlink. The page never parses: it hands
// the worker a Blob or a URL and then asks it for summaries, windows of rows and chart series.

import * as Comlink from 'comlink';
import type { LogSource, Progress, ReftraceApi, RunsProgress } from '../../worker/api.ts';
import type { History } from '../../engine/runs/history.ts';
import type { QueryAnswer, QueryArgs, QueryName } from '../../engine/queries.ts';
import type { Summary } from '../../engine/types.ts';
import { decodeWorkerCount, startDecodeWorkers } from '../../worker/decode-workers.ts';
import { askBatch } from './ask-batch.ts';

type Api = Comlink.Remote<ReftraceApi>;

let api: Api | null = null;
const crashListeners = new Set<(message: string) => void>();

function createWorker(): Worker {
  const worker = new Worker(new URL('../../worker/reftrace.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (e) => {
    const message = e.message || 'The analysis worker failed to start or crashed.';
    for (const l of crashListeners) l(message);
  });
  return worker;
}

/** The analysis worker, started on first use (main.tsx starts it early, so it compiles before the first file). */
function getApi(): Api {
  if (!api) {
    const started = Comlink.wrap<ReftraceApi>(createWorker());
    // Started here, not by the analysis worker (decode-workers.ts says why), and attached before any file.
    const count = decodeWorkerCount();
    if (count > 0) {
      const ports = startDecodeWorkers(count, (index, message) => void started.decoderDied(index, message));
      void started.attachDecoders(Comlink.transfer(ports, ports));
    }
    api = started;
  }
  return api;
}

/** Asks the worker one question about the open log (src/engine/queries.ts lists them): the page's one channel. */
export function ask<N extends QueryName>(name: N, ...args: QueryArgs<N>): Promise<Awaited<QueryAnswer<N>>> {
  return new Promise((resolve, reject) =>
    queueAsk({
      name,
      send: () => {
        try {
          (getApi().ask(name, ...args) as Promise<Awaited<QueryAnswer<N>>>).then(resolve, reject);
        } catch (e) {
          reject(e);
        }
      },
    }),
  );
}

/** What the Summary says first: the verdict and the suspects it lists. */
const READ_FIRST: ReadonlySet<QueryName> = new Set(['leaks', 'suspects']);
const queueAsk = askBatch<{ name: QueryName; send: () => void }>(
  (a) => READ_FIRST.has(a.name),
  (a) => a.send(),
);

/** Called when the worker itself fails (script error, crash), which no promise would report. */
export function onWorkerCrash(listener: (message: string) => void): () => void {
  crashListeners.add(listener);
  return () => crashListeners.delete(listener);
}

/** Starts a parse; progress arrives through a comlink proxy a few times a second. */
export function openLog(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
  return getApi().open(source, Comlink.proxy(onProgress));
}

export function cancelLog(): void {
  void getApi().cancel();
}

/** Reads a program's runs (oldest first) for their history; the open log stays open. */
export function openRunLogs(sources: LogSource[], onProgress: (p: RunsProgress) => void): Promise<History> {
  return getApi().openRuns(sources, Comlink.proxy(onProgress));
}

/** Parses a second log as the baseline ("before") of a comparison; the open log is the "after". */
export function openBaselineLog(source: LogSource, onProgress: (p: Progress) => void): Promise<Summary> {
  return getApi().openBaseline(source, Comlink.proxy(onProgress));
}

/** Starts the worker ahead of the first file, so it has compiled the parser by then. */
export function startWorker(): void {
  getApi();
}
