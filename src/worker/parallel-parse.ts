// Feeds a plain (uncompressed) file to a parser with its blocks decoded by several decode workers:
// blocks go round-robin, a few per worker in flight, and come back into the parser in file order.

import { type DecodedBlock } from '../engine/parse/parallel/block-decoder.ts';
import { DecodedCombos } from '../engine/parse/parallel/decoded-combos.ts';
import type { LogParser } from '../engine/parse/log-parser.ts';
import type { DecodeShard } from './decode-service.ts';

/** Bytes per block: small enough that the first blocks come back soon, large enough that messaging is cheap. */
export const BLOCK_BYTES = 4 << 20;
/** Blocks in flight per worker: one decoding, one being read. */
const IN_FLIGHT_PER_SHARD = 2;

export interface BlockHooks {
  /** Before a block is parsed, with its size: throws to stop (cancel, a forced allocation failure). */
  willParse(bytes: number): void;
  /** After: the bytes it covered and the parser's time (progress, then a yield for queries). */
  parsed(bytes: number, parseMs: number): Promise<void>;
}

/**
 * Parses blob from `from` on (the parser knows the layout by then). Returns where plain reading
 * must go on: blob.size when done, earlier when the layout changed and the rest must be read raw.
 */
export async function parseInParallel(
  parser: LogParser,
  blob: Blob,
  from: number,
  shards: DecodeShard[],
  job: number,
  hooks: BlockHooks,
): Promise<number> {
  const fx = parser.fastLayout;
  if (!fx || shards.length === 0) return from;
  const combos = shards.map(() => new DecodedCombos());
  const inFlight: { shard: number; start: number; end: number; block: Promise<DecodedBlock> }[] = [];
  let next = from;
  let sent = 0;
  const dispatch = () => {
    while (inFlight.length < shards.length * IN_FLIGHT_PER_SHARD && next < blob.size) {
      const end = Math.min(blob.size, next + BLOCK_BYTES);
      const shard = sent++ % shards.length;
      const block = shards[shard].decode(job, fx, blob, next, end);
      block.catch(() => {}); // awaited in order below; a failure after a stop must not be unhandled
      inFlight.push({ shard, start: next, end, block });
      next = end;
    }
  };
  dispatch();
  for (;;) {
    const f = inFlight.shift();
    if (!f) return blob.size;
    const block = await f.block;
    hooks.willParse(f.end - f.start);
    dispatch();
    const t = performance.now();
    const stop = parser.pushDecoded(block, combos[f.shard], fx);
    const ms = performance.now() - t;
    if (stop >= 0) {
      await hooks.parsed(stop, ms);
      return f.start + stop;
    }
    await hooks.parsed(f.end - f.start, ms);
  }
}
