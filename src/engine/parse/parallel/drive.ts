// The parallel parse of one plain (uncompressed) input: plain steps until the HDR gives the layout,
// then blocks decoded by several decoders (round-robin, a few in flight per decoder) replayed into
// the parser in file order, then plain steps again if the layout changed on the way. The worker runs
// it over decode workers; the tests run it over in-process decoders.

import type { LogParser } from '../log-parser.ts';
import type { DecodedBlock } from './block-decoder.ts';
import { DecodedCombos } from './decoded-combos.ts';
import type { FixedOffsets } from '../../format/layout.ts';
import { replayBlock } from './replay.ts';

export interface ParallelInput {
  size: number;
  /** The plain bytes [start, end). */
  read(start: number, end: number): Promise<Uint8Array> | Uint8Array;
  /** Decoders: block [start, end) decoded with fx by decoder `shard` (each decoder sees its blocks in the order they are asked for). */
  shards: number;
  decode(shard: number, fx: FixedOffsets, start: number, end: number): Promise<DecodedBlock>;
}

export interface ParallelPlan {
  /** Bytes read plainly before the first block (more if the layout is not known by then). */
  firstBytes: number;
  /** Size of the next plain step. */
  stepBytes: () => number;
  /** Size of the next block. */
  blockBytes: () => number;
  /** Stop looking for the HDR after this many bytes: the rest is read plainly. */
  layoutSearchBytes: number;
  /** Blocks in flight per decoder. */
  inFlightPerShard: number;
}

export interface ParallelHooks {
  /** Before bytes are parsed: throws to stop (cancel). */
  willParse(bytes: number): void;
  /** After: the bytes parsed and the parser's time (progress, then a yield for queries). */
  parsed(bytes: number, parseMs: number): Promise<void> | void;
  /** The decoders start (once the layout is known), with how many there are. */
  decoding?(shards: number): void;
  /** A block's layout changed on the way: plain reading goes on from this offset of the input. */
  fellBack?(offset: number): void;
}

/** Parses the whole input into parser (without finish()). */
export async function parseInParallel(
  parser: LogParser,
  input: ParallelInput,
  plan: ParallelPlan,
  hooks: ParallelHooks,
): Promise<void> {
  const plainStep = async (from: number, bytes: number): Promise<number> => {
    const end = Math.min(input.size, from + Math.max(1, bytes));
    const piece = await input.read(from, end);
    hooks.willParse(piece.length);
    const t = performance.now();
    parser.push(piece);
    await hooks.parsed(piece.length, performance.now() - t);
    return end;
  };
  let offset = plan.firstBytes > 0 ? await plainStep(0, plan.firstBytes) : 0;
  while (offset < input.size && !parser.fastLayout && offset < plan.layoutSearchBytes)
    offset = await plainStep(offset, plan.stepBytes());
  const fx = parser.fastLayout;
  if (fx && input.shards > 0 && offset < input.size) {
    hooks.decoding?.(input.shards);
    offset = await decodeBlocks(parser, input, plan, hooks, fx, offset);
  }
  while (offset < input.size) offset = await plainStep(offset, plan.stepBytes());
}

/** The blocks from `from` on; returns where plain reading must go on (input.size when done). */
async function decodeBlocks(
  parser: LogParser,
  input: ParallelInput,
  plan: ParallelPlan,
  hooks: ParallelHooks,
  fx: FixedOffsets,
  from: number,
): Promise<number> {
  const combos = Array.from({ length: input.shards }, () => new DecodedCombos());
  const inFlight: { shard: number; start: number; end: number; block: Promise<DecodedBlock> }[] = [];
  let next = from;
  let sent = 0;
  const dispatch = () => {
    while (inFlight.length < input.shards * plan.inFlightPerShard && next < input.size) {
      const end = Math.min(input.size, next + Math.max(1, plan.blockBytes()));
      const shard = sent++ % input.shards;
      const block = input.decode(shard, fx, next, end);
      block.catch(() => {}); // awaited in order below; a failure after a stop must not be unhandled
      inFlight.push({ shard, start: next, end, block });
      next = end;
    }
  };
  dispatch();
  for (;;) {
    const f = inFlight.shift();
    if (!f) return input.size;
    const block = await f.block;
    hooks.willParse(f.end - f.start);
    dispatch();
    const t = performance.now();
    const stop = replayBlock(parser, block, combos[f.shard], fx);
    await hooks.parsed(stop >= 0 ? stop : f.end - f.start, performance.now() - t);
    if (stop >= 0) {
      hooks.fellBack?.(f.start + stop);
      return f.start + stop;
    }
  }
}
