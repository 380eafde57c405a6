// Decode worker entry: one DecodeService, served over the port the page hands it (decode-workers.ts),
// its blocks transferred back without copying.
import * as Comlink from 'comlink';
import { blockBuffers } from '../engine/parse/parallel/block-decoder.ts';
import type { FixedOffsets } from '../engine/format/layout.ts';
import { warmUpDecoding, warmUpInBackground } from '../engine/warm-up.ts';
import { DecodeService } from './decode-service.ts';
import type { DecodePortMessage } from './decode-workers.ts';

const service = new DecodeService();
const api = {
  async decode(job: number, fx: FixedOffsets, blob: Blob, start: number, end: number) {
    const block = await service.decode(job, fx, blob, start, end);
    return Comlink.transfer(block, blockBuffers(block));
  },
};
self.addEventListener('message', (e: MessageEvent<DecodePortMessage>) => Comlink.expose(api, e.data.decodePort), {
  once: true,
});

// Compile the decoder before the first file (a fresh worker decodes the first blocks far slower).
warmUpInBackground(() => warmUpDecoding());
