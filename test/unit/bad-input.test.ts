// The bad-input corpus (test/fixtures/bad/, outcomes in expected.json): each file goes through the
// engine (and the CLI for the gzip cases and a few others). Exact numbers, problem kinds and lines;
// every problem has a detail; nothing throws. Most files are the real small sample with a line or
// two changed, so the numbers also show that everything around the bad line is still analysed.
// Outcomes judged wrong for a user are it.todo (see the "todo" entries of expected.json).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zc, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../src/engine/analysis.ts';
import { MAX_LINE_BYTES } from '../../src/engine/log-parser.ts';
import type { JsonReport } from '../../src/engine/types.ts';
import { main } from '../../src/cli/main.ts';
import { countsOf, fixedChunks, invariantViolations, referenceCounts } from '../support/fuzz.ts';

const DIR = join(import.meta.dirname, '../fixtures/bad');
const path = (f: string) => join(DIR, f);
const bytesOf = (f: string) => new Uint8Array(readFileSync(path(f)));

type Problem = [number, string];
interface Expected {
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
  todo?: { counts?: string; problems?: string; exit?: string };
}
const manifest = JSON.parse(readFileSync(path('expected.json'), 'utf8')) as Record<string, Expected | string[]>;
const cases = Object.entries(manifest).filter((e): e is [string, Expected] => !e[0].startsWith('_'));

function numbersOf(r: JsonReport) {
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
function expectedNumbers(x: Expected) {
  const { lines, new: n, del, msg, live, pairs, untracked, duplicates, sawEof } = x;
  return { lines, new: n, del, msg, live, pairs, untracked, duplicates, sawEof };
}
const problemsOf = (r: JsonReport): Problem[] => r.problems.map((p) => [p.line, p.kind]);

/** Engine, one chunk; the same report must come out of small and odd chunk sizes. */
function analyse(file: string): { a: Analysis; r: JsonReport } {
  const bytes = bytesOf(file);
  const a = analyseChunks([bytes], file);
  const r = a.jsonReport();
  for (const size of [7, 4093]) expect(analyseChunks(fixedChunks(bytes, size), file).jsonReport(), `chunks of ${size}`).toEqual(r);
  return { a, r };
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, (s) => {
    out += s;
  });
  return { code, out };
}
async function cliJson(file: string): Promise<{ code: number; r: JsonReport & { budget?: unknown } }> {
  const { code, out } = await cli(['analyse', path(file), '--json']);
  return { code, r: JSON.parse(out) };
}

const base = analyseChunks([bytesOf('base.log')], 'base.log').jsonReport();

describe('bad-input corpus: manifest', () => {
  it('lists every fixture file and only those', () => {
    const files = readFileSync(path('make-fixtures.ts'), 'utf8').match(/write\(\s*'([^']+)'/g)!.map((m) => m.replace(/write\(\s*'/, '').replace(/'$/, ''));
    expect(cases.map(([f]) => f).sort()).toEqual([...files, 'base.log'].sort());
  });

  // The numbers in expected.json are not copied from the engine: a plain reading of each file
  // (FORMAT.md's rules, test/support/fuzz.ts) gives the same ones.
  it.each(cases.filter(([, x]) => x.via === 'engine' && x.new !== undefined))('%s: the numbers agree with a plain reading of the file', (file, x) => {
    const ref = referenceCounts(Buffer.from(bytesOf(file)).toString('latin1'));
    expect({ ...ref, err: undefined }).toEqual({ new: x.new, del: x.del, msg: x.msg, err: undefined, live: x.live, pairs: x.pairs, untracked: x.untracked, duplicates: x.duplicates });
  });
});

describe('bad-input corpus: engine', () => {
  for (const [file, x] of cases.filter(([, x]) => x.via === 'engine')) {
    describe(file, () => {
      const run = () => analyse(file);
      if (x.todo?.counts) it.todo(`counts: ${x.todo.counts}`);
      else
        it(`counts (${x.what})`, () => {
          const { r } = run();
          expect(numbersOf(r)).toEqual(expectedNumbers(x));
          expect(r.counts.err).toBe(0);
          for (const [type, counts] of Object.entries(x.types ?? {})) expect(r.types[type], type).toEqual(counts);
        });
      if (x.todo?.problems) it.todo(`problems: ${x.todo.problems}`);
      else
        it('problems: kinds and lines, each with a detail', () => {
          const { r } = run();
          expect(problemsOf(r)).toEqual(x.problems);
          expect(r.counts.bad).toBe(x.problems!.length);
        });
      it('invariants hold and every problem has a detail', () => {
        const { r } = run();
        expect(invariantViolations(r, bytesOf(file))).toEqual([]);
        for (const p of r.problems) expect(p.detail.length, `${p.line} ${p.kind}`).toBeGreaterThan(10);
      });
    });
  }
});

describe('bad-input corpus: what else is right', () => {
  it('structural damage leaves the per-type numbers of the sample untouched', () => {
    for (const f of ['no-sof.log', 'no-hdr.log', 'no-eof.log', 'crlf.log', 'after-eof.log', 'hdr-extra-column.log', 'hdr-no-type.log', 'hdr-no-file.log', 'multiline-msg.log', 'hdr-extra-title-only.log', 'missing-function.log', 'too-many-columns.log']) {
      expect(analyse(f).r.types, f).toEqual(base.types);
    }
  });

  it('CRLF line endings give exactly the report of LF ones', () => {
    expect({ ...analyse('crlf.log').r, file: '' }).toEqual({ ...base, file: '' });
  });

  it('an unknown extra column (in HDR and records) changes nothing, File/Line/Function/RSS included', () => {
    const { a, r } = analyse('hdr-extra-column.log');
    expect({ ...r, file: '' }).toEqual({ ...base, file: '' });
    const b = analyseChunks([bytesOf('base.log')]).summary();
    const s = a.summary();
    expect([s.sites, s.rssMax, s.rssLast, s.headerColumns.at(-1)]).toEqual([b.sites, b.rssMax, b.rssLast, 'Extra']);
  });

  it('problem details name what is wrong', () => {
    const detail = (f: string, line: number) => analyse(f).r.problems.find((p) => p.line === line)!.detail;
    expect(detail('bad-address.log', 11)).toContain('0x7f2afc39bg30');
    expect(detail('bad-clock.log', 5)).toContain('0.04S787');
    expect(detail('too-few-columns.log', 304)).toMatch(/LiveCnt/);
    expect(detail('hdr-no-type.log', 3)).toMatch(/Type/);
    expect(detail('hdr-no-file.log', 3)).toMatch(/File/);
    expect(detail('after-eof.log', 307)).toMatch(/2 line/);
    expect(detail('split-type.log', 7)).toMatch(/line 6/);
  });

  it('a bad record is skipped and the rest pairs by address: bad-address.log', () => {
    const { a } = analyse('bad-address.log');
    const s = a.store;
    // Line 10's NEW, never DELeted now, is replaced by line 14's NEW of the same address.
    expect([s.dupOld.length, s.lineOf(s.dupOld.data[0]), s.lineOf(s.dupNew.data[0])]).toEqual([1, 10, 14]);
  });

  it('a duplicate NEW replaces the live one: duplicate-new.log', () => {
    const { a } = analyse('duplicate-new.log');
    const s = a.store;
    expect([s.dupOld.length, s.lineOf(s.dupOld.data[0]), s.lineOf(s.dupNew.data[0])]).toEqual([1, 5, 6]);
    // The replacing NEW (line 6) is the one the DEL of line 278 pairs with.
    const i = Array.from({ length: s.pairNew.length }, (_, k) => k).find((k) => s.lineOf(s.pairDel.get(k)) === 278)!;
    expect(s.lineOf(s.pairNew.get(i))).toBe(6);
  });

  it('not a log: empty, PNG and README files say so and keep the README as the opening message', () => {
    for (const f of ['empty.log', 'png.log', 'readme.log']) expect(analyse(f).a.summary().notALog, f).toBe(true);
    const s = analyse('readme.log').a.summary();
    expect(s.introMessage).toBe(Buffer.from(bytesOf('readme.log')).toString('utf8').trimEnd());
    expect([s.sawSof, s.sawHeader, s.sawEof]).toEqual([false, false, false]);
    expect(analyse('base.log').a.summary().notALog).toBe(false);
  });

  it('a file cut mid-line is analysed up to the cut, the last (partial) record included', () => {
    const lines = Buffer.from(bytesOf('base.log')).toString('latin1').split('\n');
    const whole = analyseChunks([Buffer.from(lines.slice(0, 200).join('\n') + '\n', 'latin1')]).jsonReport();
    const cut = analyse('truncated-mid-line.log').r;
    expect(countsOf(cut)).toEqual(countsOf(whole));
    expect(cut.types).toEqual(whole.types);
  });

  it('Latin-1 bytes in a type, a file name and a message read as Latin-1', () => {
    const { a, r } = analyse('latin1.log');
    expect(Object.keys(r.types)).toContain('café');
    expect(a.store.files.strings).toContain('/tmp/reflogs/drivers/café.py');
    expect(a.store.notes.msgText[1]).toBe('Loop 0 start à la café');
  });

  it('a message over several lines keeps them all, blank and indented ones included', () => {
    const { a } = analyse('multiline-msg.log');
    const n = a.store.notes;
    expect(n.msgText.at(-1)).toBe('Finished, kept 20 objects\nsecond line\n\n    fourth line, indented');
    expect(n.msgLine.at(-1)).toBe(280);
    expect(n.msgText.at(-2)).toBe('A message with an embedded newline:\nsecond line of the same message');
  });

  it('a type name with a newline: the two lines make one record with the whole name', () => {
    const { a, r } = analyse('split-type.log');
    expect(r.types['range']).toBeUndefined();
    const s = a.store;
    const e = Array.from({ length: s.eventCount }, (_, k) => k).find((k) => s.lineOf(k) === 6)!;
    expect(s.types.strings[s.typeOf(e)]).toBe('range\niterator');
    // The File, Line and Function of line 7 belong to the record, and its RSS is known.
    const site = s.site.get(e);
    expect([s.files.strings[s.sites.file[site]], s.sites.line[site], s.funcs.strings[s.sites.func[site]]]).toEqual([
      '/tmp/reflogs/drivers/small.py',
      24,
      'example_reference_tracing',
    ]);
    expect(s.rssAt(e)).toBe(15687680);
  });

  it('a record cut at 4095 bytes counts as a NEW of its (huge) type', () => {
    const { r } = analyse('cut-4095.log');
    const huge = 'Huge' + 'x'.repeat(4095 - 52 - 4);
    expect(r.types[huge]).toEqual([1, 0, 0]);
    expect(r.problems[0].detail).toMatch(/counted as NEW/);
  });
});

describe('a 10 MB line (made at run time)', () => {
  const lines = Buffer.from(bytesOf('base.log')).toString('latin1').split('\n');
  const TEN = 10 * 1024 * 1024;
  /** The sample with one line inserted as line 101. */
  const withLine = (line: string) => Buffer.from([...lines.slice(0, 100), line, ...lines.slice(100)].join('\n'), 'latin1');
  const each = (bytes: Uint8Array, fn: (r: JsonReport, a: Analysis, how: string) => void) => {
    for (const size of [bytes.length, 1 << 20, 65536, 4093]) {
      const a = analyseChunks(fixedChunks(bytes, size));
      fn(a.jsonReport(), a, `chunks of ${size}`);
    }
  };

  it('of junk: reported as too long and not a log line; the rest analysed', () => {
    const bytes = withLine('A'.repeat(TEN));
    each(bytes, (r, _a, how) => {
      expect(numbersOf(r), how).toEqual({ ...numbersOf(base), lines: 306 });
      expect(problemsOf(r), how).toEqual([[101, 'too-long'], [101, 'unknown-line']]);
      expect(r.problems[0].detail).toContain('10,485,760 bytes');
      expect(invariantViolations(r, bytes)).toEqual([]);
    });
  });

  it('of a message: kept, cut to the bytes read', () => {
    const bytes = withLine('MSG:     0.047000 # ' + 'm'.repeat(TEN));
    each(bytes, (r, a, how) => {
      expect(numbersOf(r), how).toEqual({ ...numbersOf(base), lines: 306, msg: 11 });
      expect(problemsOf(r), how).toEqual([[101, 'too-long']]);
      const text = a.store.notes.msgText.find((t) => t.startsWith('mmm'))!;
      expect(text.length).toBe(MAX_LINE_BYTES - 'MSG:     0.047000 # '.length);
    });
  });

  it('of a record with a 10 MB type name: counted, cut short, too long', () => {
    // Line 101 of the sample is a NEW; make the inserted line a NEW at a fresh address.
    const rec = lines[100].slice(0, 19) + '   0x1234567890ab' + lines[100].slice(36, 52) + 'T'.repeat(TEN) + lines[100].slice(84);
    const bytes = withLine(rec);
    each(bytes, (r, _a, how) => {
      expect(numbersOf(r), how).toEqual({ ...numbersOf(base), lines: 306, new: 172, live: 62 });
      expect(problemsOf(r), how).toEqual([[101, 'too-long'], [101, 'cut-short']]);
      expect(invariantViolations(r, bytes)).toEqual([]);
    });
  });
});

describe('bad-input corpus: CLI', () => {
  for (const [file, x] of cases.filter(([, x]) => x.via === 'cli' && x.new !== undefined)) {
    describe(file, () => {
      if (x.todo?.counts) it.todo(`counts: ${x.todo.counts}`);
      else
        it(`counts (${x.what})`, async () => {
          const { r } = await cliJson(file);
          expect(numbersOf(r)).toEqual(expectedNumbers(x));
        });
      if (x.todo?.problems) it.todo(`problems: ${x.todo.problems}`);
      else
        it('problems: kinds and lines', async () => {
          const { r } = await cliJson(file);
          expect(problemsOf(r)).toEqual(x.problems);
          expect(invariantViolations(r)).toEqual([]);
        });
      if (x.todo?.exit) it.todo(`exit status: ${x.todo.exit}`);
      else
        it(`exit status ${x.exit}`, async () => {
          expect((await cliJson(file)).code).toBe(x.exit);
        });
    });
  }

  it('a truncated gzip: everything inflated before the end is analysed, then a read-error', async () => {
    const { code, r } = await cliJson('truncated.log.gz');
    const inflated = gunzipSync(bytesOf('truncated.log.gz'), { finishFlush: zc.Z_SYNC_FLUSH });
    const direct = analyseChunks([inflated]).jsonReport();
    expect(code).toBe(0);
    expect({ ...r, file: '', budget: undefined, problems: r.problems.slice(0, -1) }).toEqual({ ...direct, file: '', budget: undefined, counts: { ...direct.counts, bad: direct.counts.bad + 1 } });
    expect(r.problems.at(-1)).toEqual({ line: 152, kind: 'read-error', detail: expect.stringMatching(/gzip.*unexpected end of file/) });
  });

  it('a gzip with a bad checksum or corrupt data: a read-error, no crash, a consistent partial analysis', async () => {
    for (const f of ['badcrc.log.gz', 'corrupt.log.gz']) {
      const { code, r } = await cliJson(f);
      expect(code, f).toBe(0);
      expect(r.problems.at(-1), f).toEqual({ line: r.lines, kind: 'read-error', detail: expect.stringMatching(/gzip.*incorrect data check/) });
      expect(invariantViolations(r), f).toEqual([]);
      expect(r.lines, f).toBeGreaterThan(150);
    }
  });
  // When fixed, the check: the CLI report equals analyseChunks([inflateRawSync(gz.subarray(10, -8))])
  // plus the read-error problem (327 lines).
  it.todo('corrupt.log.gz: the CLI analyses every byte zlib inflated before the error (today the last < 16 KiB of output is lost: 279 of 327 lines)');

  it('the CLI --json report of a plain file is the engine report', async () => {
    for (const f of ['bad-address.log', 'png.log', 'crlf.log', 'split-type.log']) {
      const { code, r } = await cliJson(f);
      const { budget, ...rest } = r;
      expect(budget, f).toBeUndefined();
      expect(code, f).toBe(0);
      expect({ ...rest, file: '' }, f).toEqual({ ...analyse(f).r, file: '' });
    }
  });

  it('the text report lists the problems with their line numbers', async () => {
    const { code, out } = await cli(['analyse', path('bad-address.log')]);
    expect(code).toBe(0);
    expect(out).toMatch(/line 11: bad-record: bad Address "0x7f2afc39bg30"/);
    expect(out).toMatch(/DEL 118/);
  });
});
