// Worker entry: exposes one AnalysisSession to the page through comlink. Big plain files are
// decoded by decode workers (on 3+ cores), started with this worker so the first file does not wait.
import * as Comlink from 'comlink';
import { decodeWorkerCount, startDecodeWorkers } from './decode-workers.ts';
import { warmUpInBackground, warmUpParsing } from '../engine/warm-up.ts';
import { AnalysisSession } from './session.ts';

// The page's test hooks, in the worker's name (src/ui/data/worker-client.ts).
const params = new URLSearchParams(self.name);
const failAfter = params.get('failAfterBytes');
// ?decoders=N (tests, benchmarks): 0 parses in this worker alone.
const shards = startDecodeWorkers(decodeWorkerCount(params.get('decoders')));

Comlink.expose(new AnalysisSession({ failAfterBytes: failAfter ? Number(failAfter) : undefined, decodeShards: () => shards }));

// Compile the parser before the first file: a fresh worker parses the first ~50 MB far slower.
warmUpInBackground(() => warmUpParsing(1, 10_000, shards.length > 0));
