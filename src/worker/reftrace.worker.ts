// Worker entry: exposes one AnalysisSession to the page through comlink. Big plain files are
// decoded by decode workers (on 3+ cores) that the page starts with this worker and attaches.
import * as Comlink from 'comlink';
import { decodeWorkerCount } from './decode-workers.ts';
import { warmUpInBackground, warmUpParsing } from '../engine/warm-up.ts';
import { AnalysisSession } from './session.ts';

// The page's test hooks, in the worker's name (src/ui/data/worker-client.ts).
const params = new URLSearchParams(self.name);
const failAfter = params.get('failAfterBytes');
Comlink.expose(new AnalysisSession({ failAfterBytes: failAfter ? Number(failAfter) : undefined }));

// Compile the parser before the first file: a fresh worker parses the first ~50 MB far slower; and
// block replay when the page starts decode workers (?decoders=N, as the page counts them).
warmUpInBackground(() => warmUpParsing(1, 10_000, decodeWorkerCount(params.get('decoders')) > 0));
