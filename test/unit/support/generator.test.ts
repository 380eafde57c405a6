// Tests of the synthetic log generator itself: the other tests trust its bytes and summary.
import { describe, expect, it } from 'vitest';
import { generateLog, type GeneratorOptions, type GeneratorSummary } from '../../support/reflog-generator.ts';

function generate(opts: GeneratorOptions, chunkBytes?: number) {
  const g = generateLog(opts, chunkBytes);
  const chunks = [...g.chunks];
  const bytes = Buffer.concat(chunks);
  return { chunks, bytes, text: bytes.toString('latin1'), summary: g.summary() };
}

/** Records of a log, parsed by layout as FORMAT.md prescribes (Type may hold spaces or overflow). */
function parseRecords(text: string, sizeof: boolean) {
  const typeAt = 4 + 1 + 12 + 1 + 16 + 1 + 16 + 1 + (sizeof ? 17 : 0);
  return text
    .split('\n')
    .filter((l) => /^(NEW|DEL):/.test(l))
    .map((l) => {
      const left = l.slice(0, typeAt).trim().split(/ +/);
      const type = l[typeAt + 32] === ' ' ? l.slice(typeAt, typeAt + 32).trimEnd() : l.slice(typeAt).split(' ')[0];
      const right = l.trimEnd().split(/ +/).slice(-4);
      return {
        tag: left[0],
        clock: Number(left[1]),
        addr: left[2],
        liveCnt: Number(left[3]),
        type,
        rss: Number(right[2]),
        drss: Number(right[3]),
      };
    });
}

/** Recomputes the summary from the bytes alone, with the analyser's rules. */
function summaryFromText(text: string, sizeof: boolean): Omit<GeneratorSummary, 'bytes' | 'lines' | 'msg'> {
  const live = new Map<string, string>();
  const s = {
    new: 0,
    del: 0,
    live: 0,
    pairs: 0,
    untracked: 0,
    duplicates: 0,
    types: {} as Record<string, [number, number, number]>,
  };
  for (const r of parseRecords(text, sizeof)) {
    const c = (s.types[r.type] ??= [0, 0, 0]);
    if (r.tag === 'NEW:') {
      s.new++;
      c[0]++;
      if (live.has(r.addr)) s.duplicates++;
      live.set(r.addr, r.type);
    } else {
      s.del++;
      c[1]++;
      if (live.delete(r.addr)) s.pairs++;
      else {
        s.untracked++;
        c[2]++;
      }
    }
  }
  s.live = live.size;
  return s;
}

const REAL_HDR =
  'HDR:        Clock          Address          LiveCnt Type                             File                                                                             Line Function                                              RSS             dRSS';

const VARIANTS: Record<string, GeneratorOptions> = {
  plain: { lines: 30_000 },
  sizeof: { lines: 30_000, sizeof: true, seed: 7 },
  odd: { lines: 30_000, oddNames: true, seed: 3, duplicateRate: 0.01, untrackedRate: 0.02 },
  oddSizeof: { lines: 30_000, oddNames: true, sizeof: true, duplicateRate: 0.005, leakEvery: 0 },
};

describe('reflog generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generate({ lines: 5000, seed: 42 }).bytes;
    expect(generate({ lines: 5000, seed: 42 }).bytes.equals(a)).toBe(true);
    expect(generate({ lines: 5000, seed: 43 }).bytes.equals(a)).toBe(false);
    // Chunk size changes only the cut, not the bytes; a second pass regenerates the same bytes.
    expect(generate({ lines: 5000, seed: 42 }, 1000).bytes.equals(a)).toBe(true);
    const g = generateLog({ lines: 5000, seed: 42 });
    expect(Buffer.concat([...g.chunks]).equals(a)).toBe(true);
    expect(Buffer.concat([...g.chunks]).equals(a)).toBe(true);
    expect(g.summary().bytes).toBe(a.length);
  });

  describe.each(Object.entries(VARIANTS))('%s', (_name, opts) => {
    const { text, bytes, summary: s } = generate(opts);

    it('keeps the summary invariants', () => {
      expect(s.lines).toBe(opts.lines);
      expect(s.new + s.del + s.msg).toBe(s.lines);
      expect(s.new).toBe(s.live + s.pairs + s.duplicates);
      expect(s.del).toBe(s.pairs + s.untracked);
      const t = Object.values(s.types);
      expect(t.reduce((n, c) => n + c[0], 0)).toBe(s.new);
      expect(t.reduce((n, c) => n + c[1], 0)).toBe(s.del);
      expect(t.reduce((n, c) => n + c[2], 0)).toBe(s.untracked);
      expect(s.bytes).toBe(bytes.length);
      expect(s.untracked).toBeGreaterThan(0);
      expect(s.msg).toBeGreaterThan(0);
      if (opts.duplicateRate) expect(s.duplicates).toBeGreaterThan(0);
      else expect(s.duplicates).toBe(0);
    });

    it('has a summary that matches its bytes', () => {
      const { bytes: _b, lines: _l, msg: _m, ...rest } = s;
      expect(summaryFromText(text, !!opts.sizeof)).toEqual(rest);
      expect(text.split('\n').filter((l) => l.startsWith('MSG: ')).length).toBe(s.msg);
    });

    it('has intro, SOF, HDR, data lines and EOF', () => {
      const lines = text.split('\n');
      expect(lines.pop()).toBe(''); // ends with a newline
      expect(lines.slice(0, 3)).toEqual(['Synthetic reference trace', 'SOF', lines[2]]);
      expect(lines[2].startsWith('HDR: ')).toBe(true);
      if (!opts.sizeof) expect(lines[2]).toBe(REAL_HDR);
      else expect(lines[2]).toBe(REAL_HDR.replace(' Type', '           Sizeof Type'));
      expect(lines.at(-1)).toBe('EOF');
      expect(lines.length).toBe(s.lines + 4);
    });

    it('lays records out as cPyMemTrace does', () => {
      const width = opts.sizeof ? 262 : 245;
      const recs = text.split('\n').filter((l) => /^(NEW|DEL):/.test(l));
      if (!opts.oddNames) expect(recs.every((l) => l.length === width)).toBe(true);
      else expect(recs.filter((l) => l.length !== width).length).toBeGreaterThan(0);
      expect(
        text
          .split('\n')
          .filter((l) => l.startsWith('MSG:'))
          .every((l) => /^MSG: +\d+\.\d{6} # checkpoint \d+$/.test(l)),
      ).toBe(true);

      const parsed = parseRecords(text, !!opts.sizeof);
      const counts = new Map<string, number>();
      const bad: string[] = []; // collected, not asserted per line: 30k expect() calls are slow
      let prevClock = 0,
        prevRss = 0;
      for (const r of parsed) {
        if (!/^0x[1-9a-f][0-9a-f]*$/.test(r.addr)) bad.push(`address ${r.addr}`); // %p: no leading zeros
        if (!(r.clock > prevClock)) bad.push(`clock ${r.clock} after ${prevClock}`);
        if (r.drss !== r.rss - prevRss) bad.push(`dRSS ${r.drss} at ${r.clock}`);
        // LiveCnt is the tracer's per-type counter after the event.
        const n = (counts.get(r.type) ?? 0) + (r.tag === 'NEW:' ? 1 : -1);
        counts.set(r.type, n);
        if (r.liveCnt !== n) bad.push(`LiveCnt ${r.liveCnt} != ${n} at ${r.clock}`);
        prevClock = r.clock;
        prevRss = r.rss;
      }
      expect(bad.slice(0, 5)).toEqual([]);
      expect(parsed.some((r) => r.addr.length <= 10)).toBe(true); // short addresses occur
      expect(parsed.some((r) => r.drss !== 0 && r !== parsed[0])).toBe(true); // RSS moves
      expect(new Set(parsed.map((r) => r.addr)).size).toBeLessThan(parsed.length); // addresses reused
    });
  });

  it('writes the odd names real logs contain', () => {
    const { text } = generate(VARIANTS.odd);
    const recs = parseRecords(text, false);
    expect(recs.some((r) => r.type === 'symtable entry')).toBe(true);
    expect(recs.some((r) => r.type.length > 32)).toBe(true);
    expect(recs.some((r) => r.liveCnt < 0)).toBe(true);
    expect(text).toContain(' <frozen importlib._bootstrap> ');
    expect(text).toContain(' /home/u/dir with space/mod.py ');
    expect(text.split('\n').some((l) => / \/\S{81,} +\d+ \S+ +\d+ +-?\d+$/.test(l))).toBe(true); // > 80-char File
    // Plain logs stay splittable on whitespace (one token per column).
    const plain = generate(VARIANTS.plain)
      .text.split('\n')
      .filter((l) => /^(NEW|DEL):/.test(l));
    expect(plain.every((l) => l.trim().split(/ +/).length === 10)).toBe(true);
  });

  it('uses \\r\\n everywhere in crlf mode', () => {
    const { text, summary } = generate({ lines: 3000, crlf: true, message: 'first\nsecond' });
    expect(text.match(/\n/g)!.length).toBe(text.match(/\r\n/g)!.length);
    expect(text.startsWith('first\r\nsecond\r\nSOF\r\nHDR: ')).toBe(true);
    expect(text.endsWith('\r\nEOF\r\n')).toBe(true);
    expect(text.split('\r\n').length - 1).toBe(summary.lines + 5);
  });

  it('honours message, eof, leakEvery and chunk size', () => {
    const bare = generate({ lines: 2000, message: null, eof: false });
    expect(bare.text.startsWith('SOF\n')).toBe(true);
    expect(bare.text.split('\n').slice(-2)[0]).toMatch(/^(NEW|DEL|MSG):/);
    expect(bare.text.split('\n').length - 1).toBe(bare.summary.lines + 2);

    // Without untracked DELs or duplicates, only leaked objects and not-yet-freed ones stay live.
    const leaky = generate({ lines: 20_000, leakEvery: 10, untrackedRate: 0 }).summary;
    expect(leaky.live).toBeGreaterThanOrEqual(Math.floor(leaky.new / 10));
    expect(generate({ lines: 0 }).text).toBe(`Synthetic reference trace\nSOF\n${REAL_HDR}\nEOF\n`);

    const { chunks } = generate({ lines: 20_000 }, 64 * 1024);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(64 * 1024);
    for (const c of chunks) expect(c.length).toBeLessThan(64 * 1024 + 1024);
  });
});
