// The bad-input corpus (test/fixtures/bad/, outcomes in expected.json) through the engine: exact
// numbers, problem kinds and lines; every problem has a detail; nothing throws (see support/bad-corpus.ts).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../../../src/engine/analysis.ts';
import { MAX_LINE_BYTES } from '../../../../src/engine/format/limits.ts';
import type { JsonReport } from '../../../../src/engine/types.ts';
import { countsOf, fixedChunks, invariantViolations, referenceCounts } from '../../../support/fuzz.ts';
import {
  path,
  bytesOf,
  cases,
  numbersOf,
  expectedNumbers,
  problemsOf,
  analyse,
  base,
} from '../../../support/bad-corpus.ts';

describe('bad-input corpus: manifest', () => {
  it('lists every fixture file and only those', () => {
    const files = readFileSync(path('make-fixtures.ts'), 'utf8')
      .match(/write\(\s*'([^']+)'/g)!
      .map((m) => m.replace(/write\(\s*'/, '').replace(/'$/, ''));
    expect(cases.map(([f]) => f).sort()).toEqual([...files, 'base.log'].sort());
  });

  // The numbers in expected.json are not copied from the engine: a plain reading of each file
  // (FORMAT.md's rules, test/support/fuzz.ts) gives the same ones.
  it.each(cases.filter(([, x]) => x.via === 'engine' && x.new !== undefined))(
    '%s: the numbers agree with a plain reading of the file',
    (file, x) => {
      const ref = referenceCounts(Buffer.from(bytesOf(file)).toString('latin1'));
      expect({ ...ref, err: undefined }).toEqual({
        new: x.new,
        del: x.del,
        msg: x.msg,
        err: undefined,
        live: x.live,
        pairs: x.pairs,
        untracked: x.untracked,
        duplicates: x.duplicates,
      });
    },
  );
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
    for (const f of [
      'no-sof.log',
      'no-hdr.log',
      'no-eof.log',
      'crlf.log',
      'after-eof.log',
      'hdr-extra-column.log',
      'hdr-no-type.log',
      'hdr-no-file.log',
      'multiline-msg.log',
      'hdr-extra-title-only.log',
      'missing-function.log',
      'too-many-columns.log',
    ]) {
      expect(analyse(f).r.types, f).toEqual(base.types);
    }
  });

  it('CRLF line endings give exactly the report of LF ones', () => {
    expect({ ...analyse('crlf.log').r, file: '' }).toEqual({ ...base, file: '' });
  });

  it('an unknown extra column (in HDR and records): one header problem, nothing else changes, File/Line/Function/RSS included', () => {
    const { a, r } = analyse('hdr-extra-column.log');
    expect(r.problems).toEqual([{ line: 3, kind: 'header', detail: 'unknown column(s) Extra' }]);
    expect({ ...r, file: '', problems: [], counts: { ...r.counts, bad: 0 } }).toEqual({ ...base, file: '' });
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
    expect(detail('after-eof.log', 306)).toBe('2 line(s) after EOF were ignored, from this line on');
    expect(detail('split-type.log', 6)).toBe(
      'record cut short (a newline in its type name); counted as NEW of type "range"',
    );
    expect(detail('split-type.log', 7)).toMatch(/line 6/);
    expect(detail('cut-4095.log', 10)).toMatch(
      /^record cut short \(at pymemtrace's 4095-byte limit: .*\); counted as NEW of type "Hugexxx/,
    );
    // A whole line with a column missing or one too many is a bad record, not a cut one; still counted.
    for (const f of ['missing-function.log', 'too-many-columns.log'])
      expect(detail(f, 6), f).toMatch(
        /^record with missing or extra columns \(.+\); counted as NEW of type "range_iterator"$/,
      );
    expect(detail('truncated-mid-line.log', 200)).toMatch(
      /^record with missing or extra columns \(.+\); counted as NEW of type "datetime\.datetime"$/,
    );
    expect(detail('hdr-extra-title-only.log', 3)).toBe('unknown column(s) Extra');
    expect(detail('hdr-extra-title-only.log', 5)).toBe(
      "records do not have the HDR's columns (Clock Address LiveCnt Type File Line Function RSS dRSS Extra); reading them with the standard columns",
    );
    expect(detail('empty.log', 0)).toBe('the file is empty');
    expect(detail('png.log', 3)).toMatch(/binary data/);
    expect(detail('readme.log', 5)).toMatch(/does not look like a ReferenceTracing log/);
  });

  it('an HDR naming a column the records lack: the records are read whole (sites, RSS), one problem', () => {
    const { a, r } = analyse('hdr-extra-title-only.log');
    expect({ ...r, file: '', problems: [], counts: { ...r.counts, bad: 0 } }).toEqual({ ...base, file: '' });
    const b = analyseChunks([bytesOf('base.log')]).summary();
    const s = a.summary();
    expect([s.sites, s.rssMax, s.rssLast]).toEqual([b.sites, b.rssMax, b.rssLast]);
    expect(s.sites).toBeGreaterThan(1);
  });

  it('an HDR whose Line, Function or RSS title is damaged in its standard place: one header problem, the standard columns read', () => {
    const text = Buffer.from(bytesOf('base.log')).toString('latin1');
    const hdr = text.split('\n')[2];
    const baseA = analyseChunks([bytesOf('base.log')]);
    const b = baseA.summary();
    const baseFuncs = baseA.store.funcs.strings;
    expect(baseFuncs.length).toBeGreaterThan(1);
    /** base.log with part of its HDR (line 3) replaced. */
    const renamed = (from: string, to: string) => {
      expect(hdr).toContain(from);
      const bytes = Buffer.from(text.replace(hdr, hdr.replace(from, to)), 'latin1');
      const a = analyseChunks([bytes]);
      const r = a.jsonReport();
      for (const size of [7, 4093]) expect(analyseChunks(fixedChunks(bytes, size)).jsonReport()).toEqual(r);
      expect(numbersOf(r), to).toEqual(numbersOf(base));
      expect(r.types, to).toEqual(base.types);
      return { r, s: a.summary(), funcs: a.store.funcs.strings };
    };
    const standard = (titles: string) =>
      `unknown column title(s) ${titles} where the standard ones belong; reading the standard columns`;
    // Damaged or shortened titles where the standard ones stand: Function, Line and RSS are read as in the sample.
    for (const [from, to, titles] of [
      [' Function ', ' Funct1on ', 'Funct1on'],
      [' Function ', ' Func     ', 'Func'],
      [' Line ', ' Lin3 ', 'Lin3'],
      [' RSS ', ' R5S ', 'R5S'],
      [' Line Function ', ' Lin3 Funct1on ', 'Lin3, Funct1on'],
    ]) {
      const x = renamed(from, to);
      expect(x.r.problems, to).toEqual([{ line: 3, kind: 'header', detail: standard(titles) }]);
      expect(x.funcs, to).toEqual(baseFuncs);
      expect([x.s.sites, x.s.rssMax, x.s.rssLast], to).toEqual([b.sites, b.rssMax, b.rssLast]);
    }
    expect(b.rssMax).toBe(16015360);
    // A title removed (the HDR one shorter) or an unknown one added: not the standard places; said as such.
    const noFunction = renamed(' Function ', ' ');
    expect(noFunction.r.problems[0]).toEqual({ line: 3, kind: 'header', detail: 'no Function column in the HDR' });
    const both = renamed(' Function ', ' Funct1on Extra ');
    expect(both.r.problems[0]).toEqual({
      line: 3,
      kind: 'header',
      detail: 'unknown column(s) Funct1on, Extra; no Function column in the HDR',
    });
    // A known title does not make a problem: the control.
    expect(renamed(' Function ', ' Function ').r.problems).toEqual([]);
  });

  it('an HDR after the first records: a problem only when its columns differ from the standard ones', () => {
    const lines = Buffer.from(bytesOf('base.log')).toString('latin1').split('\n');
    const hdr = lines[2];
    const noHdr = [...lines.slice(0, 2), ...lines.slice(3)]; // the first record is line 4
    /** The HDR moved to line 11, after 6 records. */
    const late = (h: string) => {
      const bytes = Buffer.from([...noHdr.slice(0, 10), h, ...noHdr.slice(10)].join('\n'), 'latin1');
      const r = analyseChunks([bytes]).jsonReport();
      for (const size of [7, 4093]) expect(analyseChunks(fixedChunks(bytes, size)).jsonReport()).toEqual(r);
      expect(numbersOf(r)).toEqual(numbersOf(base));
      return r.problems;
    };
    const noHeader = {
      line: 4,
      kind: 'no-header',
      detail: 'no HDR line before the first record: assuming the standard columns',
    };
    expect(late(hdr)).toEqual([noHeader]);
    expect(late(hdr + '            Extra')).toEqual([
      noHeader,
      {
        line: 11,
        kind: 'header',
        detail:
          'HDR after the first records, with other columns (Clock Address LiveCnt Type File Line Function RSS dRSS Extra); keeping the standard columns',
      },
    ]);
    expect(late(hdr.replace(' Type ', ' Kind '))[1]).toMatchObject({
      line: 11,
      kind: 'header',
      detail: expect.stringMatching(/^HDR after the first records, with other columns \(Clock Address LiveCnt Kind /),
    });
  });

  it('a bad record is skipped and the rest pairs by address: bad-address.log', () => {
    const { a } = analyse('bad-address.log');
    const s = a.store;
    // Line 10's NEW, never DELeted now, is replaced by line 14's NEW of the same address.
    expect([s.seed.dupOld.length, s.lineOf(s.seed.dupOld.data[0]), s.lineOf(s.seed.dupNew.data[0])]).toEqual([
      1, 10, 14,
    ]);
  });

  it('a duplicate NEW replaces the live one: duplicate-new.log', () => {
    const { a } = analyse('duplicate-new.log');
    const s = a.store;
    expect([s.seed.dupOld.length, s.lineOf(s.seed.dupOld.data[0]), s.lineOf(s.seed.dupNew.data[0])]).toEqual([1, 5, 6]);
    // The replacing NEW (line 6) is the one the DEL of line 278 pairs with.
    const i = Array.from({ length: s.seed.pairNew.length }, (_, k) => k).find(
      (k) => s.lineOf(s.seed.pairDel.get(k)) === 278,
    )!;
    expect(s.lineOf(s.seed.pairNew.get(i))).toBe(6);
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

  it('a function named with spaces (`<generic parameters of SupportsAbs>`, as typing.py makes) is one name, not a bad line', () => {
    // Lines as pymemtrace writes them for objects made in a PEP 695 type-parameter scope (CPython 3.13).
    const rec = (tag: string, addr: string, fn: string, line: number) =>
      `${tag}: ${'0.329813'.padStart(12)} ${addr.padStart(16)} ${'10'.padStart(16)} ${'typing.TypeVar'.padEnd(32)} ` +
      `${'/usr/lib/python3.13/typing.py'.padEnd(80)} ${String(line).padStart(4)} ${fn.padEnd(40)} ${'19410944'.padStart(16)} ${'0'.padStart(16)}`;
    const lines = Buffer.from(bytesOf('base.log')).toString('latin1').split('\n');
    const at = lines.findIndex((l) => l.startsWith('HDR:')) + 1;
    lines.splice(
      at,
      0,
      rec('NEW', '0x7f0e9b3b49f0', '<generic parameters of SupportsAbs>', 2958),
      rec('NEW', '0x7f0e9b3b4a60', '<generic parameters of SupportsRound>', 2969),
      rec('DEL', '0x7f0e9b3b49f0', 'f', 3),
    );
    const a = analyseChunks([Buffer.from(lines.join('\n'), 'latin1')]);
    const s = a.store;
    expect(a.summary().problems).toBe(analyse('base.log').a.summary().problems);
    const names = Array.from(
      { length: s.sites.size },
      (_, i) => `${s.sites.line[i]} ${s.funcs.strings[s.sites.func[i]]}`,
    );
    expect(names).toContain('2958 <generic parameters of SupportsAbs>');
    expect(names).toContain('2969 <generic parameters of SupportsRound>');
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
  const withLine = (line: string) =>
    Buffer.from([...lines.slice(0, 100), line, ...lines.slice(100)].join('\n'), 'latin1');
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
      expect(problemsOf(r), how).toEqual([
        [101, 'too-long'],
        [101, 'unknown-line'],
      ]);
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
    const rec =
      lines[100].slice(0, 19) + '   0x1234567890ab' + lines[100].slice(36, 52) + 'T'.repeat(TEN) + lines[100].slice(84);
    const bytes = withLine(rec);
    each(bytes, (r, _a, how) => {
      expect(numbersOf(r), how).toEqual({ ...numbersOf(base), lines: 306, new: 172, live: 62 });
      expect(problemsOf(r), how).toEqual([
        [101, 'too-long'],
        [101, 'cut-short'],
      ]);
      expect(invariantViolations(r, bytes)).toEqual([]);
    });
  });
});
