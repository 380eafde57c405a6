// Fuzzing the engine with 3,100 mutated copies of the real samples and of small generated
// logs: bytes flipped, lines cut, shuffled, duplicated, dropped, junk lines, files truncated, and
// random chunk boundaries. Deterministic: every case is derived from its seed (Rng in
// test/support/fuzz.ts), and a failure names the seed and the source so it can be replayed.
//
// For every case: nothing throws; the invariants of invariantViolations() hold (new = live + pairs +
// duplicates, del = pairs + untracked, per-type sums equal the totals, problems well formed, lines
// counted right); the same bytes split into random chunks give the identical report and summary
// (every case: no input is left out of that comparison).
// When only whole lines are moved, cut or added (no byte flips), the counts also equal a plain
// reading of the lines (referenceCounts), which shares no code with the engine.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../../src/engine/analysis.ts';
import {
  countsOf,
  fixedChunks,
  flipBytes,
  invariantViolations,
  mutateLines,
  randomChunks,
  referenceCounts,
  Rng,
  type CuttingMutation,
} from '../../../support/fuzz.ts';
import { analyseInBlocks, randomPlan } from '../../../support/decode-in-blocks.ts';
import { fixture, fixtureLogs } from '../../../support/fixtures.ts';
import { generateLog, type GeneratorOptions } from '../../../support/reflog-generator.ts';

interface Source {
  name: string;
  bytes: Uint8Array;
  /** Standard columns (no Sizeof): the plain reading applies. */
  standard: boolean;
}

const samples: Source[] = fixtureLogs('samples').map((rel) => ({
  name: rel.slice('samples/'.length),
  bytes: new Uint8Array(fixture(rel)),
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

interface Outcome {
  failures: string[];
  cases: number;
}

/** Runs one mutated input through every check; appends what failed. */
async function check(o: Outcome, label: string, rng: Rng, bytes: Uint8Array, reference: boolean): Promise<void> {
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
    if (JSON.stringify(ref) !== JSON.stringify(got))
      o.failures.push(`${label}: counts ${JSON.stringify(got)} != plain reading ${JSON.stringify(ref)}`);
  }
  try {
    const chunks = randomChunks(rng, bytes);
    const b = analyseChunks(chunks);
    if (
      JSON.stringify(b.jsonReport()) !== JSON.stringify(report) ||
      JSON.stringify(b.summary()) !== JSON.stringify(summary)
    )
      o.failures.push(`${label}: a different report from ${chunks.length} random chunks`);
  } catch (e) {
    o.failures.push(`${label}: threw on random chunks ${(e as Error).stack}`);
  }
  try {
    // The parallel parse: blocks decoded apart, fed back in order.
    const b = await analyseInBlocks(bytes, randomPlan(rng, bytes.length));
    if (
      JSON.stringify(b.jsonReport()) !== JSON.stringify(report) ||
      JSON.stringify(b.summary()) !== JSON.stringify(summary)
    )
      o.failures.push(`${label}: a different report from decoded blocks`);
  } catch (e) {
    o.failures.push(`${label}: threw on decoded blocks ${(e as Error).stack}`);
  }
}

async function fuzz(
  cases: number,
  firstSeed: number,
  make: (rng: Rng, src: Source) => { bytes: Uint8Array; reference: boolean },
  pool = sources,
): Promise<Outcome> {
  const o: Outcome = { failures: [], cases: 0 };
  for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
    const rng = new Rng(seed);
    const src = pool[seed % pool.length];
    const { bytes, reference } = make(rng, src);
    await check(o, `seed ${seed} (${src.name})`, rng, bytes, reference);
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
    expect([r.lines, r.counts.new, r.counts.del, r.counts.msg, r.live, r.pairs, r.untracked]).toEqual([
      305, 171, 119, 10, 61, 110, 9,
    ]);
  });
});

describe('fuzz: the engine never throws and its numbers stay consistent', () => {
  it('1000 copies with 1-40 bytes flipped', async () => {
    const o = await fuzz(1000, 1_000, (rng, src) => ({
      bytes: flipBytes(rng, src.bytes, rng.range(1, 40)),
      reference: false,
    }));
    expect(o.failures.slice(0, 5)).toEqual([]);
    expect(o.cases).toBe(1000);
  });

  it('700 copies with whole lines shuffled, swapped, duplicated, dropped: the counts equal a plain reading', async () => {
    const o = await fuzz(
      700,
      10_000,
      (rng, src) => ({ bytes: mutateLines(rng, src.bytes, WHOLE_LINES, rng.range(1, 25)), reference: true }),
      standardSources,
    );
    expect(o.failures.slice(0, 5)).toEqual([]);
  });

  it('800 copies with lines cut, junk lines added, the file truncated: the counts equal a plain reading', async () => {
    const o = await fuzz(
      800,
      20_000,
      (rng, src) => ({ bytes: mutateLines(rng, src.bytes, CUTTING, rng.range(1, 25)), reference: true }),
      standardSources,
    );
    expect(o.failures.slice(0, 5)).toEqual([]);
  });

  it('600 copies of every source (Sizeof logs included) with lines mutated, then bytes flipped', async () => {
    const o = await fuzz(600, 30_000, (rng, src) => ({
      bytes: flipBytes(rng, mutateLines(rng, src.bytes, CUTTING, rng.range(1, 12)), rng.range(0, 12)),
      reference: false,
    }));
    expect(o.failures.slice(0, 5)).toEqual([]);
  });
});

// Inputs the fuzzing found (or minimal versions of them) where the report depended on the chunk
// boundaries or on one byte of padding, fixed in the engine by "Hardening from the bad-input corpus
// and fuzzing". Each is checked in one chunk, split inside and around the damaged line (at every
// byte, and in 1-byte chunks, for the CR case), at fixed sizes around 245 and at random boundaries.
describe('fuzz findings, fixed: fixed-length (245-byte) records read as strictly as any line; a damaged HDR', () => {
  const small = samples.find((s) => s.name.startsWith('small/'))!;
  const lines = Buffer.from(small.bytes).toString('latin1').split('\n'); // the last element is ''
  const LINE6 = lines[5]; // NEW of range_iterator 0x7f2afc39bf60 (DELeted later), 245 bytes
  /** The small sample with line 6 replaced, lines ending in eol. */
  const withLine6 = (line: string, eol = '\n') =>
    new Uint8Array(Buffer.from(lines.map((l, i) => (i === 5 ? line : l)).join(eol), 'latin1'));
  const sample = analyseChunks([small.bytes]);
  const sampleReport = sample.jsonReport();

  /** Report and summary, but the byte count (a trailing space or a CR is one byte more or less). */
  const view = (a: ReturnType<typeof analyseChunks>) => JSON.stringify([a.jsonReport(), { ...a.summary(), bytes: 0 }]);

  /**
   * The one-chunk analysis, after checking that the same report and summary come from: a split at
   * every `step`-th byte of line 6 (and at each of its first and last bytes), 1-byte chunks when
   * step is 1, fixed chunks around the record length and random chunks.
   */
  function sameEverywhere(bytes: Uint8Array, step = 1) {
    const whole = analyseChunks([bytes]);
    const want = JSON.stringify([whole.jsonReport(), whole.summary()]);
    const text = Buffer.from(bytes).toString('latin1');
    const s =
      text.indexOf(
        '\n',
        text.indexOf('\n', text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 1) + 1,
      ) + 1; // line 6
    const e = text.indexOf('\n', s) + 1;
    const chunkings: Uint8Array[][] = [...[244, 245, 246, 247, 4093].map((n) => fixedChunks(bytes, n))];
    if (step === 1) chunkings.push(fixedChunks(bytes, 1));
    for (let at = s - 2; at <= e + 2; at++)
      if ((at - s) % step === 0 || at < s + 4 || at > e - 6)
        chunkings.push([bytes.subarray(0, at), bytes.subarray(at)]);
    const rng = new Rng(4242);
    for (let k = 0; k < 6; k++) chunkings.push(randomChunks(rng, bytes));
    const differ = chunkings.filter((c) => {
      const a = analyseChunks(c);
      return JSON.stringify([a.jsonReport(), a.summary()]) !== want;
    });
    expect(
      differ.map((c) =>
        c
          .map((x) => x.length)
          .slice(0, 8)
          .join(','),
      ),
    ).toEqual([]);
    expect(invariantViolations(whole.jsonReport(), bytes)).toEqual([]);
    return whole;
  }

  it('a 245-byte record line ending in CR gives the same report whatever the chunk boundaries', () => {
    // Line 6's last byte (dRSS "0") made a CR: without its CR the line is one byte short and its last
    // column is the RSS: a bad record, still counted.
    expect(LINE6.length).toBe(245);
    const cr = sameEverywhere(withLine6(LINE6.slice(0, 244) + '\r')).jsonReport();
    expect(countsOf(cr)).toEqual(countsOf(sampleReport));
    expect(cr.problems).toEqual([
      {
        line: 6,
        kind: 'bad-record',
        detail: expect.stringMatching(
          /^record with missing or extra columns \(.+\); counted as NEW of type "range_iterator"$/,
        ),
      },
    ]);
    // A CRLF log whose line 6 lost one space of its dRSS padding: 244 bytes and the CR. A good record.
    const crlf = analyseChunks([withLine6(LINE6, '\r\n')]);
    const short = sameEverywhere(withLine6(LINE6.slice(0, 230) + LINE6.slice(231), '\r\n'));
    expect(view(short)).toBe(view(crlf));
    expect(short.jsonReport().problems).toEqual([]);
  });

  it('"ZZ" in the padding of LiveCnt or Clock is a bad record, at 245 bytes and at 246 (a trailing space)', () => {
    const zzLiveCnt = LINE6.slice(0, 40) + 'ZZ' + LINE6.slice(42);
    const zzClock = LINE6.slice(0, 5) + 'ZZ' + LINE6.slice(7);
    expect(zzLiveCnt.slice(34, 51)).toBe('      ZZ        1');
    expect(zzClock.slice(4, 17)).toBe(' ZZ  0.045848');
    for (const [line, field] of [
      [zzLiveCnt, 'LiveCnt'],
      [zzClock, 'Clock'],
    ]) {
      for (const padded of [line, line + ' ']) {
        const r = sameEverywhere(withLine6(padded), 7).jsonReport();
        // Not counted: its DEL (line 119) is now untracked.
        expect(countsOf(r), `${field} ${padded.length}`).toEqual({
          ...countsOf(sampleReport),
          new: 170,
          pairs: 109,
          untracked: 10,
        });
        expect(r.types['range_iterator']).toEqual([0, 1, 1]);
        expect(r.problems, `${field} ${padded.length}`).toEqual([
          { line: 6, kind: 'bad-record', detail: expect.stringMatching(new RegExp(`^bad ${field} "ZZ": `)) },
        ]);
      }
    }
  });

  it('junk in dRSS is a bad record (counted: Clock, Address and LiveCnt are whole), at 245 bytes and at 246', () => {
    for (const line of [LINE6.slice(0, 244) + 'x', LINE6.slice(0, 232) + 'ZZ' + LINE6.slice(234)]) {
      for (const padded of [line, line + ' ']) {
        const r = sameEverywhere(withLine6(padded), 7).jsonReport();
        expect(countsOf(r)).toEqual(countsOf(sampleReport));
        expect(r.problems).toEqual([
          {
            line: 6,
            kind: 'bad-record',
            detail: expect.stringMatching(/^record with missing or extra columns .*range_iterator/),
          },
        ]);
      }
    }
  });

  it('a trailing space after a good record changes nothing', () => {
    expect(view(sameEverywhere(withLine6(LINE6 + ' '), 7))).toBe(view(sample));
  });

  it('an HDR without Function does not leak a Function from an earlier parse of the line (seeds 1277, 1281, 1921)', () => {
    // The fuzz's two flips of seed 1281, on the small sample: the HDR's "Function" damaged, and a byte
    // in line 6's Function column; the record does not fit the HDR nor the standard columns.
    const hdr = lines[2].replace('Function', 'Funct1on');
    const z = LINE6.slice(0, 210) + 'Z' + LINE6.slice(211);
    expect(LINE6.slice(201, 212)).toBe('           ');
    const bytes = new Uint8Array(
      Buffer.from(lines.map((l, i) => (i === 2 ? hdr : i === 5 ? z : l)).join('\n'), 'latin1'),
    );
    const a = sameEverywhere(bytes, 3);
    const r = a.jsonReport();
    expect(countsOf(r)).toEqual(countsOf(sampleReport));
    // The damaged title is reported at the HDR; it stands in Function's place, so the standard columns
    // are read (since e4a19cd): every other record's Function is read; line 6 is a bad record.
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, 'header'],
      [6, 'bad-record'],
    ]);
    expect(r.problems[0].detail).toBe(
      'unknown column title(s) Funct1on where the standard ones belong; reading the standard columns',
    );
    expect(a.store.funcs.strings).not.toContain('Z');
    expect(a.store.funcs.strings.filter((f) => f.includes('Z'))).toEqual([]);
    // The bad record adds an empty Function; the others are the sample's.
    expect(sample.store.funcs.strings).not.toContain('');
    expect(a.store.funcs.strings.filter((f) => f !== '')).toEqual(sample.store.funcs.strings);
  });
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
    expect(invariantViolations({ ...r, types })).toEqual([
      `sum of type new ${r.counts.new + 1} != new ${r.counts.new}`,
    ]);
    expect(
      invariantViolations({
        ...r,
        problems: [{ line: 1, kind: 'bad-record', detail: ' ' }],
        counts: { ...r.counts, bad: 1 },
      }),
    ).toHaveLength(1);
    expect(invariantViolations(r, new Uint8Array([10, 10]))).toHaveLength(1);
    // A read-error may be one line past the lines analysed (the partial line being read, dropped); nothing else may.
    const at = (kind: string, line: number) =>
      invariantViolations({
        ...r,
        problems: [{ line, kind, detail: 'x stopped' }],
        counts: { ...r.counts, bad: 1 },
      } as typeof r);
    expect(at('read-error', r.lines + 1)).toEqual([]);
    expect(at('read-error', r.lines + 2)).toHaveLength(1);
    expect(at('no-eof', r.lines + 1)).toEqual([`problem no-eof at line ${r.lines + 1} of ${r.lines}`]);
  });
});
