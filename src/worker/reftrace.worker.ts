// Worker entry: exposes one AnalysisSession to the page through comlink.
import * as Comlink from 'comlink';
import { AnalysisSession } from './session.ts';

const params = new URLSearchParams(self.location.search);
const failAfter = params.get('failAfterBytes');
Comlink.expose(new AnalysisSession({ failAfterBytes: failAfter ? Number(failAfter) : undefined }));
