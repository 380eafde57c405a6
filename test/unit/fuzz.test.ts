// Fuzzing the engine with 3,100 mutated copies of the real samples and of small generated
// logs: bytes flipped, lines cut, shuffled, duplicated, dropped, junk lines, files truncated, and
// random chunk boundaries. Deterministic: every case is derived from its seed (Rng in
// test/support/fuzz.ts), and a failure names the seed and the source so it can be replayed.
//
// For every case: nothing throws; the invariants of invariantViolations() hold (new = live + pairs +
// duplicates, del = pairs + untracked, per-type sums equal the totals, problems well formed, lines
// counted right); the same bytes split into random chunks give the identical report and summary.
// When only whole lines are moved, cut or added (no byte flips), the counts also equal a plain
// reading of the lines (referenceCounts), which shares no code with the engine.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import {
  countsOf,
  fixedChunks,
  flipBytes,
  invariantViolations,
  mutateLines,
  randomChunks,
  referenceCounts,
  Rng,
  splitLines,
  type CuttingMutation,
} from '../support/fuzz.ts';
import { generateLog, type GeneratorOptions } from '../support/reflog-generator.ts';

interface Source {
  name: string;
  bytes: Uint8Array;
  /** Standard columns (no Sizeof): the plain reading applies. */
  standard: boolean;
}

function logsUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? logsUnder(p) : f.endsWith('.log') ? [p] : [];
    });
}
const SAMPLES_DIR = join(import.meta.dirname, '../fixtures/samples');
const samples: Source[] = logsUnder(SAMPLES_DIR).map((p) => ({
  name: p.slice(SAMPLES_DIR.length + 1),
  bytes: new Uint8Array(readFileSync(p)),
  standard: true,
}));

const GENERATED: GeneratorOptions[] = [
  { lines: 300, seed: 11, duplicateRate: 0.03, untrackedRate: 0.03, msgRate: 0.02 },
  { lines: 300, seed: 12, oddNames: true, duplicateRate: 0.02, msgRate: 0.02, message: 'first\nsecond line' },
  { lines: 250, seed: 13, crlf: true, oddNames: true, untrackedRate: 0.05 },
  { lines: 250, seed: 14, eof: false, message: null, leakEvery: 3 },
  { lines: 200, seed: 15, sizeof: true, oddNames: true, duplicateRate: 0.02 },
  { lines: 200, seed: 16, sizeof: true, crlf: true, msgRate: 0.05 },
  { lines: 120, seed: 17, duplicateRate: 0.2, untrackedRate: 0.2, oddNames: true },
  { lines: 60, seed: 18, msgRate: 0.3, message: 'a\n\nb' },
];
const generated: Source[] = GENERATED.map((o) => ({
  name: `generated ${JSON.stringify(o)}`,
  bytes: new Uint8Array(Buffer.concat([...generateLog(o).chunks])),
  standard: !o.sizeof,
}));
const sources = [...samples, ...generated];
const standardSources = sources.filter((s) => s.standard);

/**
 * Known engine bug (reported, see the it.todo below): a NEW/DEL line of exactly the fixed record
 * length whose last byte is a CR is read by the fast path when it lies inside one chunk (dRSS not
 * checked, the CR kept) but by the general path when a chunk boundary splits it (CR stripped, one
 * byte short, "record cut short"). Such inputs are left out of the chunking comparison only.
 */
function hitsFixedLengthCrBug(bytes: Uint8Array): boolean {
  return splitLines(bytes).some((l) => (l.length === 245 || l.length === 262) && l[l.length - 1] === 13);
}

interface Outcome {
  failures: string[];
  cases: number;
  skippedChunking: number;
}

/** Runs one mutated input through every check; appends what failed. */
function check(o: Outcome, label: string, rng: Rng, bytes: Uint8Array, reference: boolean): void {
  o.cases++;
  let report;
  let summary;
  try {
    const a = analyseChunks([bytes]);
    report = a.jsonReport();
    summary = a.summary();
  } catch (e) {
    o.failures.push(`${label}: threw ${(e as Error).stack}`);
    return;
  }
  const v = invariantViolations(report, bytes);
  if (v.length) o.failures.push(`${label}: ${v.join('; ')}`);
  if (reference) {
    const ref = referenceCounts(Buffer.from(bytes).toString('latin1'));
    const got = countsOf(report);
    if (JSON.stringify(ref) !== JSON.stringify(got)) o.failures.push(`${label}: counts ${JSON.stringify(got)} != plain reading ${JSON.stringify(ref)}`);
  }
  if (hitsFixedLengthCrBug(bytes)) {
    o.skippedChunking++;
    return;
  }
  try {
    const chunks = randomChunks(rng, bytes);
    const b = analyseChunks(chunks);
    if (JSON.stringify(b.jsonReport()) !== JSON.stringify(report) || JSON.stringify(b.summary()) !== JSON.stringify(summary))
      o.failures.push(`${label}: a different report from ${chunks.length} random chunks`);
  } catch (e) {
    o.failures.push(`${label}: threw on random chunks ${(e as Error).stack}`);
  }
}

function fuzz(cases: number, firstSeed: number, make: (rng: Rng, src: Source) => { bytes: Uint8Array; reference: boolean }, pool = sources): Outcome {
  const o: Outcome = { failures: [], cases: 0, skippedChunking: 0 };
  for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
    const rng = new Rng(seed);
    const src = pool[seed % pool.length];
    const { bytes, reference } = make(rng, src);
    check(o, `seed ${seed} (${src.name})`, rng, bytes, reference);
  }
  return o;
}

const WHOLE_LINES: CuttingMutation[] = ['shuffle', 'duplicate', 'drop', 'swap'];
const CUTTING: CuttingMutation[] = [...WHOLE_LINES, 'cut', 'truncate', 'junk'];

describe('fuzz: sources', () => {
  it('has the real samples and the generated logs, each analysed cleanly as is', () => {
    expect(samples.length).toBeGreaterThanOrEqual(9);
    for (const s of sources) {
      const r = analyseChunks([s.bytes]).jsonReport();
      expect(invariantViolations(r, s.bytes), s.name).toEqual([]);
      if (s.standard) expect(countsOf(r), s.name).toEqual(referenceCounts(Buffer.from(s.bytes).toString('latin1')));
      expect(r.counts.new, s.name).toBeGreaterThan(0);
    }
    const small = samples.find((s) => s.name.startsWith('small/'))!;
    const r = analyseChunks([small.bytes]).jsonReport();
    expect([r.lines, r.counts.new, r.counts.del, r.counts.msg, r.live, r.pairs, r.untracked]).toEqual([305, 171, 119, 10, 61, 110, 9]);
  });
});

describe('fuzz: the engine never throws and its numbers stay consistent', () => {
  it('1000 copies with 1-40 bytes flipped', () => {
    const o = fuzz(1000, 1_000, (rng, src) => ({ bytes: flipBytes(rng, src.bytes, rng.range(1, 40)), reference: false }));
    expect(o.failures.slice(0, 5)).toEqual([]);
    expect(o.cases).toBe(1000);
    expect(o.skippedChunking).toBeLessThan(12);
  });

  it('700 copies with whole lines shuffled, swapped, duplicated, dropped: the counts equal a plain reading', () => {
    const o = fuzz(
      700,
      10_000,
      (rng, src) => ({ bytes: mutateLines(rng, src.bytes, WHOLE_LINES, rng.range(1, 25)), reference: true }),
      standardSources,
    );
    expect(o.failures.slice(0, 5)).toEqual([]);
    expect(o.skippedChunking).toBe(0);
  });

  it('800 copies with lines cut, junk lines added, the file truncated: the counts equal a plain reading', () => {
    const o = fuzz(
      800,
      20_000,
      (rng, src) => ({ bytes: mutateLines(rng, src.bytes, CUTTING, rng.range(1, 25)), reference: true }),
      standardSources,
    );
    expect(o.failures.slice(0, 5)).toEqual([]);
    expect(o.skippedChunking).toBeLessThan(8);
  });

  it('600 copies of every source (Sizeof logs included) with lines mutated, then bytes flipped', () => {
    const o = fuzz(600, 30_000, (rng, src) => ({
      bytes: flipBytes(rng, mutateLines(rng, src.bytes, CUTTING, rng.range(1, 12)), rng.range(0, 12)),
      reference: false,
    }));
    expect(o.failures.slice(0, 5)).toEqual([]);
    expect(o.skippedChunking).toBeLessThan(6);
  });

  it.todo(
    'a NEW/DEL line of exactly the record length (245 bytes) ending in CR gives the same report whatever the chunk boundaries ' +
      '(today: one chunk -> accepted silently by the fast path; split across chunks -> "record cut short (RSS is not a number)", RSS and site lost)',
  );
  it.todo(
    'a trailing space after a record changes nothing (today the fixed-length fast path accepts garbage the general path rejects: ' +
      '"ZZ" in the padding of LiveCnt or Clock, anything in dRSS; one byte more and the same line is a bad-record)',
  );
});

describe('fuzz: chunk boundaries', () => {
  it('every source split at 40 random sets of boundaries, and into 1-byte chunks, gives the identical report', () => {
    const failures: string[] = [];
    sources.forEach((src, k) => {
      const whole = analyseChunks([src.bytes]);
      const want = JSON.stringify([whole.jsonReport(), whole.summary()]);
      const rng = new Rng(40_000 + k);
      for (let i = 0; i <= 40; i++) {
        const chunks = i === 40 ? fixedChunks(src.bytes, 1) : randomChunks(rng, src.bytes);
        const a = analyseChunks(chunks);
        if (JSON.stringify([a.jsonReport(), a.summary()]) !== want) failures.push(`${src.name}: chunking ${i}`);
      }
    });
    expect(failures).toEqual([]);
  });

  it('the fuzz helpers are deterministic and really mutate', () => {
    const src = sources[0].bytes;
    const before = src.slice();
    const a = flipBytes(new Rng(7), src, 10);
    expect(flipBytes(new Rng(7), src, 10)).toEqual(a);
    expect(Buffer.compare(a, src)).not.toBe(0);
    const m = mutateLines(new Rng(8), src, CUTTING, 10);
    expect(mutateLines(new Rng(8), src, CUTTING, 10)).toEqual(m);
    expect(Buffer.compare(m, src)).not.toBe(0);
    expect(Buffer.compare(src, before)).toBe(0); // the source itself is untouched
    expect(new Rng(9).next()).toBe(new Rng(9).next());
    expect(new Rng(9).next()).not.toBe(new Rng(10).next());
  });

  it('the invariants catch a wrong report', () => {
    const r = analyseChunks([sources[0].bytes]).jsonReport();
    expect(invariantViolations(r)).toEqual([]);
    expect(invariantViolations({ ...r, live: r.live + 1 })).toHaveLength(1);
    expect(invariantViolations({ ...r, untracked: r.untracked + 1 })).toEqual([
      `del ${r.counts.del} != pairs ${r.pairs} + untracked ${r.untracked + 1}`,
      `sum of type untracked ${r.untracked} != untracked ${r.untracked + 1}`,
    ]);
    const types = { ...r.types, extra: [1, 0, 0] as [number, number, number] };
    expect(invariantViolations({ ...r, types })).toEqual([`sum of type new ${r.counts.new + 1} != new ${r.counts.new}`]);
    expect(invariantViolations({ ...r, problems: [{ line: 1, kind: 'bad-record', detail: ' ' }], counts: { ...r.counts, bad: 1 } })).toHaveLength(1);
    expect(invariantViolations(r, new Uint8Array([10, 10]))).toHaveLength(1);
  });
});
