// The engine against the seed's meaning: real samples, synthetic logs with known counts, any chunking.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../../src/engine/analysis.ts';
import { Engine } from '../../../src/engine/engine.ts';
import { SeriesIndex } from '../../../src/engine/query/series-index.ts';
import { generateLog, type GeneratorOptions } from '../../support/reflog-generator.ts';
import { chunked, fixture, SMALL } from '../../support/fixtures.ts';

function analyseBytes(bytes: Uint8Array, chunkSize = 1 << 20): Analysis {
  return analyseChunks(chunked(bytes, chunkSize));
}

function generated(opts: GeneratorOptions) {
  const g = generateLog(opts, 64 * 1024);
  const parts = [...g.chunks];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    bytes.set(p, off);
    off += p.length;
  }
  return { bytes, summary: g.summary() };
}

describe('the real small sample', () => {
  const a = analyseBytes(fixture(SMALL));
  const s = a.summary();

  it('counts what the seed counts', () => {
    expect(s.lines).toBe(305);
    expect(s.counts).toEqual({ new: 171, del: 119, msg: 10, err: 0, bad: 0 });
    expect(s.live).toBe(61);
    expect(s.pairs).toBe(110);
    expect(s.untracked).toBe(9);
    expect(s.duplicates).toBe(0);
    expect(s.sawSof && s.sawHeader && s.sawEof).toBe(true);
    expect(s.introMessage).toBe('Small example: ex_cPyMemTrace_RefTrace.py style, include_builtins=False');
    expect(s.clockFirst).toBe(0.045742);
    expect(s.clockLast).toBe(0.050847);
  });

  it('types: new, del (untracked included) and untracked per type', () => {
    const t = a.jsonReport().types;
    expect(Object.keys(t)).toHaveLength(17);
    expect(t['StringAndTime']).toEqual([40, 20, 0]);
    expect(t['getset_descriptor']).toEqual([0, 6, 6]);
    expect(t['type']).toEqual([0, 3, 3]);
    expect(t['ModuleSpec']).toEqual([1, 0, 0]);
  });

  it('reads <frozen importlib._bootstrap> as one file name', () => {
    const q = new Engine(a).tables;
    const w = q.page({ table: 'live', filter: { text: 'ModuleSpec' }, offset: 0, limit: 10, fullPath: true });
    expect(w.matched).toBe(1);
    expect(w.rows[0]).toMatchObject({
      type: 'ModuleSpec',
      file: '<frozen importlib._bootstrap>',
      line: 688,
      function: 'spec_from_loader',
      address: '0x7f2afc0b59f0',
      logLine: 289,
    });
  });

  it('keeps a message with an embedded newline whole', () => {
    const q = new Engine(a).tables;
    const w = q.page({ table: 'messages', filter: { text: 'embedded newline' }, offset: 0, limit: 5 });
    expect(w.rows).toHaveLength(1);
    expect(w.rows[0].text).toBe('A message with an embedded newline:\nsecond line of the same message');
    expect(w.rows[0].logLine).toBe(275);
  });

  it('reads short addresses and negative LiveCnt', () => {
    const q = new Engine(a).tables;
    const w = q.page({
      table: 'untracked',
      filter: { text: 'type' },
      sort: [{ column: 'clock', desc: false }],
      offset: 0,
      limit: 10,
    });
    const types = w.rows.filter((r) => r.type === 'type');
    expect(types.map((r) => r.address)).toEqual(['0x338faba0', '0x3389e150', '0x33972990']);
    expect(types.map((r) => r.liveCnt)).toEqual([-1, -2, -3]);
  });
});

describe('chunk boundaries', () => {
  const bytes = fixture(SMALL);
  const expected = JSON.stringify(analyseBytes(bytes).jsonReport());
  for (const size of [1, 7, 4096, 1 << 20]) {
    it(`gives the same result for chunks of ${size} bytes`, () => {
      expect(JSON.stringify(analyseBytes(bytes, size).jsonReport())).toBe(expected);
    });
  }
  it('gives the same result for a synthetic log with odd names in chunks of 1, 7 and 4096', () => {
    const { bytes: big } = generated({ lines: 3000, seed: 11, oddNames: true, duplicateRate: 0.01 });
    const whole = JSON.stringify(analyseBytes(big).jsonReport());
    for (const size of [1, 7, 4096]) expect(JSON.stringify(analyseBytes(big, size).jsonReport())).toBe(whole);
  });
});

describe('synthetic logs match the generator', () => {
  const cases: [string, GeneratorOptions][] = [
    ['plain', { lines: 50_000, seed: 1 }],
    ['Sizeof column', { lines: 50_000, seed: 2, sizeof: true }],
    ['odd names (spaces, over-wide values)', { lines: 50_000, seed: 3, oddNames: true }],
    ['duplicates', { lines: 50_000, seed: 4, duplicateRate: 0.01 }],
    ['CRLF, no EOF', { lines: 20_000, seed: 5, crlf: true, eof: false }],
    ['Sizeof with odd names', { lines: 20_000, seed: 6, sizeof: true, oddNames: true }],
  ];
  for (const [name, opts] of cases) {
    it(name, () => {
      const { bytes, summary: g } = generated(opts);
      const a = analyseBytes(bytes, 65_536);
      const s = a.summary();
      expect(s.counts.new).toBe(g.new);
      expect(s.counts.del).toBe(g.del);
      expect(s.counts.msg).toBe(g.msg);
      expect(s.live).toBe(g.live);
      expect(s.pairs).toBe(g.pairs);
      expect(s.untracked).toBe(g.untracked);
      expect(s.duplicates).toBe(g.duplicates);
      expect(a.jsonReport().types).toEqual(g.types);
      expect(s.hasSizeof).toBe(!!opts.sizeof);
      const kinds = a.jsonReport().problems.map((p) => p.kind);
      expect(kinds).toEqual(opts.eof === false ? ['no-eof'] : []);
    });
  }
});

describe('queries', () => {
  const { bytes } = generated({ lines: 20_000, seed: 9, duplicateRate: 0.005 });
  const a = analyseBytes(bytes);
  const q = new Engine(a).tables;
  const s = a.summary();

  it('windows cover every row exactly once', () => {
    const seen = new Set<string>();
    for (let off = 0; off < s.live; off += 97) {
      const w = q.page({ table: 'live', sort: [{ column: 'clock', desc: true }], offset: off, limit: 97 });
      for (const r of w.rows) seen.add(`${r.address}@${r.logLine}`);
      expect(w.total).toBe(s.live);
    }
    expect(seen.size).toBe(s.live);
  });

  it('sorts by lifetime descending, ties kept in pair order', () => {
    // Lifetimes are differences of %12.6f clocks: equal to the microsecond is equal, whatever the
    // rounding noise of the subtraction, and equal ones keep pair order (the order of their DELs).
    const w = q.page({ table: 'pairs', sort: [{ column: 'lifetime', desc: true }], offset: 0, limit: 2000 });
    const micros = w.rows.map((r) => Math.round((r.lifetime as number) * 1e6));
    let ties = 0;
    for (let i = 1; i < micros.length; i++) {
      expect(micros[i - 1]).toBeGreaterThanOrEqual(micros[i]);
      if (micros[i - 1] === micros[i]) {
        ties++;
        expect(w.rows[i - 1].delLogLine as number).toBeLessThan(w.rows[i].delLogLine as number);
      }
    }
    expect(ties).toBeGreaterThan(0);
    expect(micros[0]).toBeGreaterThan(micros[micros.length - 1]);
  });

  it('sorts by two keys: type ascending, then clock descending', () => {
    const w = q.page({
      table: 'live',
      sort: [
        { column: 'type', desc: false },
        { column: 'clock', desc: true },
      ],
      offset: 0,
      limit: 100_000,
    });
    for (let i = 1; i < w.rows.length; i++) {
      const [p, c] = [w.rows[i - 1], w.rows[i]];
      expect(String(p.type) <= String(c.type)).toBe(true);
      if (p.type === c.type) expect(p.clock as number).toBeGreaterThanOrEqual(c.clock as number);
    }
  });

  it('filters by text on type, file or function, and by clock window', () => {
    const all = q.page({ table: 'pairs', offset: 0, limit: 0 });
    const f = q.page({ table: 'pairs', filter: { text: 'RANDOM' }, offset: 0, limit: 100_000, fullPath: true });
    expect(f.matched).toBeGreaterThan(0);
    expect(f.matched).toBeLessThan(all.matched);
    for (const r of f.rows)
      expect(`${r.type} ${r.newFile} ${r.newFunction} ${r.delFile} ${r.delFunction}`.toLowerCase()).toContain('random');
    const mid = ((s.clockFirst ?? 0) + (s.clockLast ?? 0)) / 2;
    const win = q.page({ table: 'live', filter: { clockMin: mid }, offset: 0, limit: 100_000 });
    expect(win.matched).toBeGreaterThan(0);
    expect(win.matched).toBeLessThan(s.live);
    for (const r of win.rows) expect(r.clock as number).toBeGreaterThanOrEqual(mid);
  });

  it('filters pairs by lifetime range', () => {
    const w = q.page({
      table: 'pairs',
      filter: { lifetimeMin: 0.001, lifetimeMax: 0.01 },
      offset: 0,
      limit: 100_000,
    });
    expect(w.matched).toBeGreaterThan(0);
    for (const r of w.rows) {
      expect(r.lifetime as number).toBeGreaterThanOrEqual(0.001);
      expect(r.lifetime as number).toBeLessThanOrEqual(0.01);
    }
  });

  it('matches addresses with a 0x filter', () => {
    const first = q.page({ table: 'live', offset: 0, limit: 1 }).rows[0];
    const w = q.page({ table: 'live', filter: { text: String(first.address) }, offset: 0, limit: 10 });
    expect(w.rows.map((r) => r.address)).toContain(first.address);
  });

  it('types and sites add up to the totals', () => {
    const types = q.page({ table: 'types', offset: 0, limit: 10_000 }).rows;
    expect(types.reduce((n, r) => n + (r.new as number), 0)).toBe(s.counts.new);
    expect(types.reduce((n, r) => n + (r.live as number), 0)).toBe(s.live);
    const sites = q.page({ table: 'sites', offset: 0, limit: 10_000 }).rows;
    expect(sites.reduce((n, r) => n + (r.created as number), 0)).toBe(s.counts.new);
    expect(sites.reduce((n, r) => n + (r.live as number), 0)).toBe(s.live);
    expect(sites.reduce((n, r) => n + (r.freed as number), 0)).toBe(s.pairs);
  });

  it('duplicates list the replaced and the replacing NEW', () => {
    const w = q.page({ table: 'duplicates', offset: 0, limit: 5 });
    expect(w.total).toBe(s.duplicates);
    expect(w.total).toBeGreaterThan(0);
    expect(w.rows[0].oldLogLine as number).toBeLessThan(w.rows[0].newLogLine as number);
  });

  it('series ends at the final live count and keeps min <= max', () => {
    const pts = new SeriesIndex(a.store).query({ buckets: 200 });
    expect(pts.length).toBeGreaterThan(100);
    expect(pts.length).toBeLessThanOrEqual(200);
    const last = pts[pts.length - 1];
    expect(last.liveMin <= s.live && s.live <= last.liveMax).toBe(true);
    for (const p of pts) {
      expect(p.liveMin).toBeLessThanOrEqual(p.liveMax);
      expect(p.rssMin).toBeLessThanOrEqual(p.rssMax);
    }
  });
});

describe('memory per line', () => {
  it('stays under 40 bytes per NEW/DEL event', () => {
    const { bytes } = generated({ lines: 300_000, seed: 12 });
    const a = analyseBytes(bytes);
    const s = a.summary();
    expect(a.store.byteSize / (s.counts.new + s.counts.del)).toBeLessThan(40);
  });
});

describe('fixtures are the real samples', () => {
  it('small sample is byte-identical to shared/', () => {
    expect(fixture(SMALL).length).toBe(
      readFileSync(new URL('../../fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log', import.meta.url))
        .length,
    );
  });
});
