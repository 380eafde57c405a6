// Worker entry: exposes one AnalysisSession to the page through comlink. Big plain files are
// decoded by decode workers (on 3+ cores) that the page starts with this worker and attaches.
import * as Comlink from 'comlink';
import { decodeWorkerCount } from './decode-workers.ts';
import { warmUpInBackground, warmUpParsing } from '../engine/warm-up.ts';
import { AnalysisSession } from './session.ts';

Comlink.expose(new AnalysisSession());

// Compile the parser before the first file: a fresh worker parses the first ~50 MB far slower; and
// block replay when the page will start decode workers (as many as it counts).
warmUpInBackground(() => warmUpParsing(1, 10_000, decodeWorkerCount() > 0));
