// What one decode worker does: read a byte range of the file and decode it with the parse's
// BlockDecoder. Blocks of one parse are decoded in the order they were asked for (a decoder numbers
// names in the order it meets them, and the parser maps them back in that order); each read starts
// at once, so the next block's bytes arrive while this one decodes. No DOM: Node tests use it in-process.

import { BlockDecoder, type DecodedBlock } from '../engine/parse/parallel/block-decoder.ts';
import type { FixedOffsets } from '../engine/format/layout.ts';

export interface DecodeShard {
  /** Decodes [start, end) of blob for parse `job` (a larger job starts a new decoder). */
  decode(job: number, fx: FixedOffsets, blob: Blob, start: number, end: number): Promise<DecodedBlock>;
}

export class DecodeService implements DecodeShard {
  private job = -1;
  private decoder: BlockDecoder | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  decode(job: number, fx: FixedOffsets, blob: Blob, start: number, end: number): Promise<DecodedBlock> {
    const bytes = blob.slice(start, end).arrayBuffer();
    bytes.catch(() => {}); // reported through the result below
    const run = this.queue.then(async () => {
      const buf = new Uint8Array(await bytes);
      // A cancelled parse may still send a block after the next parse began: never mix their names.
      if (job < this.job) throw new Error('stale decode request');
      if (job > this.job || !this.decoder) {
        this.job = job;
        this.decoder?.release(); // its record kernel serves the new decoder
        this.decoder = new BlockDecoder(fx);
      }
      return this.decoder.decode(buf);
    });
    this.queue = run.catch(() => {});
    return run;
  }
}
