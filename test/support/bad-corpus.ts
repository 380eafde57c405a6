// The bad-input corpus (test/fixtures/bad/, outcomes in expected.json): each file goes through the
// engine (and the CLI for the gzip cases and a few others). Exact numbers, problem kinds and lines;
// every problem has a detail; nothing throws. Most files are the real small sample with a line or
// two changed, so the numbers also show that everything around the bad line is still analysed.
// Outcomes judged wrong for a user are it.todo (the "todo" entries of expected.json, and a few below).
// gzip files: what the CLI analyses is checked against what zlib inflates (see "gunzip" in
// expected.json): Node's Gunzip may drop its last 16 KiB output chunk before damage, and the CLI
// then inflates the first member again without its checksum to read the bytes beyond; so it is all
// of it whenever that raw inflate succeeds, else a prefix at most 16 KiB short. After a read error
// the partial last line of what was read is dropped, so the report is the engine's reading of the
// whole lines of those bytes, its no-eof (when no EOF line was read) saying that the read stopped.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zc, gunzipSync, inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { analyseChunks, type Analysis } from '../../src/engine/analysis.ts';
import type { JsonReport } from '../../src/engine/types.ts';
import { main } from '../../src/cli/main.ts';
import { fixedChunks } from './fuzz.ts';

export const DIR = join(import.meta.dirname, '../fixtures/bad');
export const path = (f: string) => join(DIR, f);
export const bytesOf = (f: string) => new Uint8Array(readFileSync(path(f)));

export type Problem = [number, string];
export interface Expected {
  what: string;
  via: 'engine' | 'cli';
  exit?: number;
  lines?: number;
  new?: number;
  del?: number;
  msg?: number;
  live?: number;
  pairs?: number;
  untracked?: number;
  duplicates?: number;
  sawEof?: boolean;
  problems?: Problem[];
  types?: Record<string, [number, number, number]>;
  /** gzip files: bytes zlib inflates up to the damage or the end, and bytes the CLI analysed. */
  gunzip?: { inflates: number; analysed: number };
  todo?: { counts?: string; problems?: string; exit?: string };
}
export const manifest = JSON.parse(readFileSync(path('expected.json'), 'utf8')) as Record<string, Expected | string[]>;
export const cases = Object.entries(manifest).filter((e): e is [string, Expected] => !e[0].startsWith('_'));

export function numbersOf(r: JsonReport) {
  return {
    lines: r.lines,
    new: r.counts.new,
    del: r.counts.del,
    msg: r.counts.msg,
    live: r.live,
    pairs: r.pairs,
    untracked: r.untracked,
    duplicates: r.duplicates,
    sawEof: r.sawEof,
  };
}
export function expectedNumbers(x: Expected) {
  const { lines, new: n, del, msg, live, pairs, untracked, duplicates, sawEof } = x;
  return { lines, new: n, del, msg, live, pairs, untracked, duplicates, sawEof };
}
export const problemsOf = (r: JsonReport): Problem[] => r.problems.map((p) => [p.line, p.kind]);

/** Engine, one chunk; the same report must come out of small and odd chunk sizes. */
export function analyse(file: string): { a: Analysis; r: JsonReport } {
  const bytes = bytesOf(file);
  const a = analyseChunks([bytes], file);
  const r = a.jsonReport();
  for (const size of [7, 4093])
    expect(analyseChunks(fixedChunks(bytes, size), file).jsonReport(), `chunks of ${size}`).toEqual(r);
  return { a, r };
}

/** main() with stdout collected; stderr is captured by the spy of the CLI describe block. */
export async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, (s) => {
    out += s;
  });
  return { code, out };
}
/** The CLI's --json report, its leak suspects apart (the engine's jsonReport has none). */
export async function cliJson(
  file: string,
): Promise<{ code: number; r: JsonReport & { budget?: unknown }; suspects: unknown[] }> {
  const { code, out } = await cli(['analyse', path(file), '--json']);
  // The leak verdict (suspects, leaks, warnings) and the sites reftrace history reads come on top
  // of the engine's report.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { suspects, leaks, warnings, sites, sitesBelow, ...r } = JSON.parse(out);
  expect(Array.isArray(suspects), 'suspects').toBe(true);
  expect(typeof leaks?.headline, 'leaks').toBe('string');
  expect(Array.isArray(warnings), 'warnings').toBe(true);
  return { code, r, suspects };
}

export const base = analyseChunks([bytesOf('base.log')], 'base.log').jsonReport();

/**
 * The bytes zlib can inflate from a .gz file up to its damage or its end, found without the CLI:
 * gunzipSync for a valid file (how: 'gunzip'), else a raw inflate of the first member with a sync
 * flush ('raw'), else the stored blocks read by hand ('stored').
 */
export function inflatable(gz: Uint8Array): { data: Uint8Array; valid: boolean; how: 'gunzip' | 'raw' | 'stored' } {
  try {
    return { data: gunzipSync(gz), valid: true, how: 'gunzip' };
  } catch {
    // fall through
  }
  expect([...gz.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]); // no optional header fields: the deflate data starts at byte 10
  try {
    return { data: inflateRawSync(gz.subarray(10), { finishFlush: zc.Z_SYNC_FLUSH }), valid: false, how: 'raw' };
  } catch {
    return { data: storedBlocks(gz.subarray(10)), valid: false, how: 'stored' };
  }
}

/** The data of the stored (uncompressed) deflate blocks at the start of raw deflate data, up to the first other block. */
export function storedBlocks(raw: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let p = 0;
  while (p + 5 <= raw.length && ((raw[p] >> 1) & 3) === 0) {
    const len = raw[p + 1] | (raw[p + 2] << 8);
    expect(raw[p + 3] | (raw[p + 4] << 8)).toBe(len ^ 0xffff); // NLEN
    out.push(raw.subarray(p + 5, p + 5 + len));
    const last = raw[p] & 1;
    p += 5 + len;
    if (last) break;
  }
  return Buffer.concat(out);
}
