// The parallel parse with in-process decoders: the engine's one driver (parse/parallel/drive.ts),
// the same the worker runs over decode workers, with block sizes a test chooses. Tests compare it
// with a plain parse.

import { Analysis } from '../../src/engine/analysis.ts';
import { BlockDecoder } from '../../src/engine/parse/parallel/block-decoder.ts';
import { parseInParallel } from '../../src/engine/parse/parallel/drive.ts';
import type { Rng } from './fuzz.ts';

export interface BlockPlan {
  /** Bytes parsed with push() before the first block (more if the layout is not known by then). */
  firstBytes: number;
  /** Size of the next block (and of the plain steps). */
  blockSize: () => number;
  shards: number;
}

export interface BlocksOutcome {
  analysis: Analysis;
  /** Input offsets where a block's layout changed and plain reading took over. */
  fellBackAt: number[];
}

export async function parseInBlocks(bytes: Uint8Array, plan: BlockPlan, name = 'log'): Promise<BlocksOutcome> {
  const analysis = new Analysis(name);
  const parser = analysis.beginFile(name);
  const fellBackAt: number[] = [];
  let decoders: BlockDecoder[] = [];
  await parseInParallel(
    parser,
    {
      size: bytes.length,
      read: (start, end) => bytes.subarray(start, end),
      shards: plan.shards,
      // A copy, as a worker would read it: the decoder must not see bytes outside its block.
      decode: (shard, fx, start, end) => {
        if (decoders.length === 0) decoders = Array.from({ length: plan.shards }, () => new BlockDecoder(fx));
        return Promise.resolve(decoders[shard].decode(bytes.slice(start, end)));
      },
    },
    {
      firstBytes: plan.firstBytes,
      stepBytes: plan.blockSize,
      blockBytes: plan.blockSize,
      layoutSearchBytes: Infinity,
      inFlightPerShard: 2,
    },
    { willParse: () => {}, parsed: () => {}, fellBack: (at) => fellBackAt.push(at) },
  );
  parser.finish();
  for (const d of decoders) d.release();
  return { analysis, fellBackAt };
}

export async function analyseInBlocks(bytes: Uint8Array, plan: BlockPlan, name = 'log'): Promise<Analysis> {
  return (await parseInBlocks(bytes, plan, name)).analysis;
}

/** A random plan: tiny to large blocks, 1 to 4 decoders. */
export function randomPlan(rng: Rng, size: number): BlockPlan {
  const kind = rng.int(4);
  const blockSize = () =>
    kind === 0
      ? rng.range(1, 300)
      : kind === 1
        ? rng.range(200, 800)
        : kind === 2
          ? rng.range(800, 20_000)
          : rng.range(1, Math.max(2, size));
  return { firstBytes: rng.int(4) === 0 ? 0 : rng.range(0, 2000), blockSize, shards: rng.range(1, 4) };
}
