// Logs for the chart-series tests (series-index, type-series): generated logs as one buffer, logs
// with their clocks rewritten out of order, and nested runs read as the viewer reads them.

import { existsSync } from 'node:fs';
import { Analysis } from '../../src/engine/analysis.ts';
import { childLogFollower, fileNameOf } from '../../src/engine/parse/child-logs.ts';
import { fixture, FIXTURES } from './fixtures.ts';
import { joinLines, Rng, splitLines } from './fuzz.ts';
import { generateLog, type GeneratorOptions } from './reflog-generator.ts';

export const generated = (o: GeneratorOptions) => new Uint8Array(Buffer.concat([...generateLog(o).chunks]));

/** Record clocks rewritten (same width): random everywhere, or going back now and then. */
export function reclock(bytes: Uint8Array, seed: number, how: 'random' | 'jumps'): Uint8Array {
  const rng = new Rng(seed);
  let back = 0;
  const lines = splitLines(bytes).map((l) => {
    const text = Buffer.from(l).toString('latin1');
    const m = /^(NEW|DEL):( +)(\d+\.\d+)/.exec(text);
    if (!m) return l;
    const width = m[2].length + m[3].length;
    if (how === 'jumps' && rng.chance(0.002)) back += rng.next() * 0.5;
    const clock = how === 'random' ? rng.next() * 9 : Math.max(0, Number(m[3]) - back);
    const field = clock.toFixed(6).padStart(width);
    return new Uint8Array(Buffer.from(text.slice(0, 4) + field + text.slice(4 + width), 'latin1'));
  });
  return joinLines(lines);
}

/** A nested run: the root, with the children it names read in at that line (their clocks interleave). */
export function nested(dir: string, root: string): Analysis {
  const a = new Analysis(root);
  const resolve = (named: string) => {
    const name = fileNameOf(named);
    const rel = `samples/${dir}/${name}`;
    return existsSync(FIXTURES + rel) ? { name, chunks: () => [fixture(rel)] } : null;
  };
  const p = a.beginFile(root, childLogFollower(a, root, 0, resolve, new Set([root])));
  p.push(fixture(`samples/${dir}/${root}`));
  p.finish();
  return a;
}

/**
 * Parses `data` into `a` a piece at a time, calling check() after every piece and after the end:
 * line by line for small logs (so a query lands between a split record's two lines), else in the
 * pieces `chunker` cuts.
 */
export function feedPieceByPiece(
  a: Analysis,
  data: Uint8Array,
  rng: Rng,
  chunker: (rng: Rng, data: Uint8Array) => Uint8Array[],
  check: () => void,
): void {
  const p = a.beginFile('fed');
  const pieces =
    data.length < 200_000
      ? splitLines(data).map((l, i, all) => (i < all.length - 1 ? joinLines([l, new Uint8Array(0)]) : l))
      : chunker(rng, data);
  for (const piece of pieces) {
    p.push(piece);
    check();
  }
  p.finish();
  check();
}
