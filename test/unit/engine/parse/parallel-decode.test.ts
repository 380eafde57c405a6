// The parallel parse (blocks decoded apart, then replayed in order into the parser) must give exactly
// what a plain parse gives: the same report, summary and store (events, ids, pairs, messages,
// problems), for every sample, generated log and bad-input fixture, at any block size and number
// of decoders. A layout change after the blocks were sent is read raw (the fallback).

import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../../../src/engine/analysis.ts';
import { BlockDecoder } from '../../../../src/engine/parse/parallel/block-decoder.ts';
import { STANDARD_LAYOUT } from '../../../../src/engine/format/layout.ts';
import { warmUpDecoding, warmUpLog, warmUpParsing } from '../../../../src/engine/warm-up.ts';
import { analyseInBlocks, parseInBlocks, randomPlan } from '../../../support/decode-in-blocks.ts';
import { storeDigest } from '../../../support/store-digest.ts';
import { fixture, fixtureLogs, SMALL } from '../../../support/fixtures.ts';
import { Rng } from '../../../support/fuzz.ts';
import { generateLog, type GeneratorOptions } from '../../../support/reflog-generator.ts';

const view = (a: Analysis) => ({ report: a.jsonReport(), summary: a.summary(), store: storeDigest(a) });

const GENERATED: GeneratorOptions[] = [
  { lines: 1500, seed: 21, duplicateRate: 0.03, untrackedRate: 0.03, msgRate: 0.02 },
  { lines: 800, seed: 22, oddNames: true, msgRate: 0.02, message: 'first\nsecond line' },
  { lines: 800, seed: 23, crlf: true, oddNames: true },
  { lines: 800, seed: 24, sizeof: true, oddNames: true, duplicateRate: 0.02, eof: false },
];

/**
 * The small sample under an HDR without the dRSS column its records have, and 40 messages before the
 * first record: the parser switches to the standard columns at that record, inside a block decoded
 * with the HDR's layout, so the rest must be read raw.
 */
function layoutChangesLate(): Uint8Array {
  const lines = Buffer.from(fixture(SMALL)).toString('latin1').split('\n');
  const hdr = lines.findIndex((l) => l.startsWith('HDR:'));
  lines[hdr] = 'HDR: Clock Address LiveCnt Type File Line Function RSS';
  const msgs = Array.from({ length: 40 }, (_, i) => `MSG:     0.04570${i % 10} # waiting ${i}`);
  lines.splice(hdr + 1, 0, ...msgs);
  return new Uint8Array(Buffer.from(lines.join('\n'), 'latin1'));
}
const sources: [string, Uint8Array][] = [
  ...fixtureLogs('samples').map((p): [string, Uint8Array] => [p, fixture(p)]),
  ...fixtureLogs('bad').map((p): [string, Uint8Array] => [p, fixture(p)]),
  ...GENERATED.map((o): [string, Uint8Array] => [
    JSON.stringify(o),
    new Uint8Array(Buffer.concat([...generateLog(o).chunks])),
  ]),
  ['the layout changes after the blocks were sent', layoutChangesLate()],
  ['records after an early EOF, records between messages and tagless lines', stateChanges()],
];

/** Fixed-length records where the parser's state keeps its fast path off: after EOF, after a message, after a cut record. */
function stateChanges(): Uint8Array {
  const lines = Buffer.from(fixture(SMALL)).toString('latin1').split('\n');
  const rec = lines.findIndex((l) => l.startsWith('NEW:'));
  const record = lines[rec];
  lines.splice(
    rec + 20,
    0,
    'MSG:     0.045900 # a message, then a record, then a tagless line',
    record,
    'tagless text',
  );
  lines.splice(rec + 40, 0, record.slice(0, 60), record, 'more tagless text');
  lines.splice(Math.floor(lines.length / 2), 0, 'EOF');
  return new Uint8Array(Buffer.from(lines.join('\n'), 'latin1'));
}

describe('parallel decode: the same analysis as a plain parse', () => {
  it.each(sources)('%s, at fixed block sizes and 1-3 decoders', async (_, bytes) => {
    const want = view(analyseChunks([bytes]));
    const sizes = bytes.length < 100_000 ? [1, 7, 245, 246, 247, 491, 4096, 65536] : [245, 491, 4096, 65536, 1 << 20];
    for (const size of sizes)
      for (const shards of [1, 3]) {
        const got = view(await analyseInBlocks(bytes, { firstBytes: 400, blockSize: () => size, shards }));
        expect(got, `blocks of ${size}, ${shards} decoders`).toEqual(want);
      }
  });

  it('at random block sizes, first parts and decoder counts (600 plans over every source)', async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 600; seed++) {
      const rng = new Rng(seed);
      const [name, bytes] = sources[seed % sources.length];
      const want = JSON.stringify(view(analyseChunks([bytes])));
      if (JSON.stringify(view(await analyseInBlocks(bytes, randomPlan(rng, bytes.length)))) !== want)
        failures.push(`seed ${seed}: ${name}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('decodes the records and keeps every other line raw, with its line index and real length', () => {
    const bytes = fixture(SMALL);
    const text = Buffer.from(bytes).toString('latin1');
    const b = new BlockDecoder(STANDARD_LAYOUT.fixed!).decode(bytes);
    const lines = text.split('\n').slice(1, -1); // after head, before the (empty) tail
    expect(b.head.length).toBe(text.indexOf('\n') + 1);
    expect(b.lineCount).toBe(lines.length);
    expect(b.tail.length).toBe(0);
    const otherIdx = [...b.otherLine];
    expect(otherIdx.map((i) => lines[i].slice(0, 4))).toEqual(
      lines.flatMap((l) => (/^(NEW|DEL):/.test(l) ? [] : [l.slice(0, 4)])),
    );
    expect(b.eventCount).toBe(lines.length - otherIdx.length);
    expect([...b.otherLength]).toEqual(otherIdx.map((i) => lines[i].length));
    // Every distinct Type..Function key once, in order of first use.
    expect(b.firstNewCombo).toBe(0);
    expect(b.newComboKeys.length).toBe((Math.max(...b.combo) + 1) * STANDARD_LAYOUT.fixed!.namesWidth);
  });

  it('reads the rest raw when the layout changes inside a block', async () => {
    const bytes = layoutChangesLate();
    const plain = analyseChunks([bytes]);
    expect(plain.jsonReport().problems.map((p) => p.kind)).toContain('header');
    expect(plain.summary().counts.new).toBe(171);
    const got = await parseInBlocks(bytes, { firstBytes: 400, blockSize: () => 4096, shards: 2 });
    expect(view(got.analysis)).toEqual(view(plain));
    expect(got.fellBackAt).toHaveLength(1);
  });

  it('a block without a newline is all head; the line continues in the next block', async () => {
    const bytes = fixture(SMALL);
    const want = view(analyseChunks([bytes]));
    expect(view(await analyseInBlocks(bytes, { firstBytes: 300, blockSize: () => 100, shards: 2 }))).toEqual(want);
    const b = new BlockDecoder(STANDARD_LAYOUT.fixed!).decode(bytes.slice(400, 500));
    expect([b.head.length, b.lineCount, b.tail.length]).toEqual([100, 0, 0]);
  });
});

describe('warm-up records', () => {
  it('are standard records the fast path and the block decoder read whole', () => {
    const body = warmUpLog(1000);
    const a = analyseChunks([
      new TextEncoder().encode('SOF\nHDR: Clock Address LiveCnt Type File Line Function RSS dRSS\n'),
      body,
      new TextEncoder().encode('EOF\n'),
    ]);
    const s = a.summary();
    // Like a real log: pairs, live objects, untracked DELs and duplicate NEWs, all read whole.
    expect(s.counts.new + s.counts.del).toBe(1000);
    expect(s.problems).toBe(0);
    expect(Math.min(s.pairs, s.live, s.untracked, s.duplicates)).toBeGreaterThan(0);
    expect(s.counts.new).toBe(s.live + s.pairs + s.duplicates);
    expect(s.counts.del).toBe(s.pairs + s.untracked);
    const b = new BlockDecoder(STANDARD_LAYOUT.fixed!).decode(body);
    expect([b.lineCount, b.eventCount, b.otherLine.length]).toEqual([999, 999, 0]);
    expect(() => warmUpParsing(1, 100)).not.toThrow();
    expect(() => warmUpParsing(1, 100, false)).not.toThrow();
    expect(() => warmUpDecoding(1, 100)).not.toThrow();
  });
});
