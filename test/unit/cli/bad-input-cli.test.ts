// The bad-input corpus through the CLI, gzip damage included (how the CLI's reading of a damaged
// .gz is judged: see support/bad-corpus.ts).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants as zc, gzipSync, gunzipSync, inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import type { JsonReport } from '../../../src/engine/types.ts';
import { readLog } from '../../../src/cli/read-log.ts';
import { invariantViolations, lineCount, referenceCounts } from '../../support/fuzz.ts';
import {
  path,
  bytesOf,
  cases,
  numbersOf,
  expectedNumbers,
  problemsOf,
  analyse,
  cli,
  cliJson,
  base,
  inflatable,
  storedBlocks,
} from '../../support/bad-corpus.ts';

describe('bad-input corpus: CLI', () => {
  // The CLI writes a one-line message to stderr for a file that is not a log: keep it off the test
  // output and check it.
  let stderr: MockInstance<typeof process.stderr.write>;
  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());
  const stderrText = () => stderr.mock.calls.map((c) => String(c[0])).join('');

  for (const [file, x] of cases.filter(([, x]) => x.via === 'cli' && x.new !== undefined)) {
    describe(file, () => {
      if (x.todo?.counts) it.todo(`counts: ${x.todo.counts}`);
      else
        it(`counts (${x.what})`, async () => {
          const { r } = await cliJson(file);
          expect(numbersOf(r)).toEqual(expectedNumbers(x));
        });
      if (x.todo?.problems) it.todo(`problems: ${x.todo.problems}`);
      else if (x.problems)
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

  /** A CLI report split into its read-errors and the rest (as the engine would report the inflated bytes). */
  function withoutReadErrors(r: JsonReport) {
    const errors = r.problems.filter((p) => p.kind === 'read-error');
    const rest = {
      ...r,
      file: '',
      budget: undefined,
      problems: r.problems.filter((p) => p.kind !== 'read-error'),
      counts: { ...r.counts, bad: r.counts.bad - errors.length },
    };
    return { errors, rest };
  }
  const engineReport = (bytes: Uint8Array) => ({ ...analyseChunks([bytes]).jsonReport(), file: '', budget: undefined });
  /** The whole lines of bytes: up to and including its last newline. */
  const wholeLines = (bytes: Uint8Array) => bytes.subarray(0, bytes.lastIndexOf(10) + 1);
  const STOPPED = 'no EOF line before the read stopped (see the read error)';
  /**
   * What the CLI reports, read-errors aside, for the bytes it read before a read error: the engine's
   * report of their whole lines (the partial last line is dropped), its no-eof (there must be one
   * when the EOF was not read) saying that the read stopped.
   */
  const stoppedReport = (bytes: Uint8Array) => {
    const r = engineReport(wholeLines(bytes));
    expect(r.problems.filter((p) => p.kind === 'no-eof')).toHaveLength(r.sawEof ? 0 : 1);
    return { ...r, problems: r.problems.map((p) => (p.kind === 'no-eof' ? { ...p, detail: STOPPED } : p)) };
  };
  /** The line a read error is reported at: the line being read (one past the whole lines when a partial one was pending). */
  const stopLine = (bytes: Uint8Array) =>
    lineCount(wholeLines(bytes)) + (wholeLines(bytes).length < bytes.length ? 1 : 0);

  const READ_ERROR: Record<string, string> = {
    'truncated.log.gz': 'gzip data ends early: the file is truncated; what was inflated was analysed',
    'badcrc.log.gz': 'gzip checksum does not match: the data is damaged; what was inflated was analysed',
    'corrupt.log.gz': 'gzip checksum does not match: the data is damaged; what was inflated was analysed',
    'invalid-deflate.log.gz':
      'gzip data is damaged (invalid block type); what was inflated before the damage was analysed',
  };

  // The CLI gunzips with engine/gzip: every byte inflated before damage is handed on, in one
  // streaming pass. What it analyses is what zlib can inflate (found here without the CLI: gunzip,
  // a raw inflate with a sync flush, or the stored blocks read by hand). After damage its partial
  // last line is dropped, and the whole lines are analysed exactly as the engine analyses them; the
  // manifest's numbers are the plain reading of those lines, and the read-error is at the line being
  // read when the data stopped.
  for (const [file, x] of cases.filter(([, x]) => x.gunzip)) {
    it(`${file}: the analysed bytes are ${x.gunzip!.analysed === x.gunzip!.inflates ? 'all' : 'a prefix'} of what zlib inflates (${x.gunzip!.analysed} of ${x.gunzip!.inflates})`, async () => {
      const { data: whole, valid, how } = inflatable(bytesOf(file));
      expect(whole.length).toBe(x.gunzip!.inflates);
      // Every file but corrupt.log.gz inflates to a prefix of the real log.
      if (file !== 'corrupt.log.gz')
        expect(Buffer.compare(whole, bytesOf('base.log').subarray(0, whole.length))).toBe(0);
      const a = await readLog(path(file));
      const analysed = a.summary().bytes;
      expect(analysed).toBe(x.gunzip!.analysed);
      // Nothing that inflates is lost, however it was found here.
      expect(how === 'stored' || analysed === whole.length).toBe(true);
      expect(analysed).toBe(whole.length);
      const prefix = whole.subarray(0, analysed);
      const { errors, rest } = withoutReadErrors(a.jsonReport());
      expect(rest).toEqual(valid ? engineReport(prefix) : stoppedReport(prefix));
      const lines = valid ? prefix : wholeLines(prefix);
      expect(lineCount(lines)).toBe(x.lines);
      expect(referenceCounts(Buffer.from(lines).toString('latin1'))).toEqual({
        new: x.new,
        del: x.del,
        msg: x.msg,
        err: 0,
        live: x.live,
        pairs: x.pairs,
        untracked: x.untracked,
        duplicates: x.duplicates,
      });
      // The read-error is at the line being read when the data stopped: one past the lines analysed
      // when it stopped inside a line (truncated), else the last line (badcrc, corrupt, invalid-deflate:
      // their inflated bytes end with a newline).
      expect(errors).toEqual(valid ? [] : [{ line: stopLine(prefix), kind: 'read-error', detail: READ_ERROR[file] }]);
      if (!valid) expect(stopLine(prefix)).toBe(x.lines! + (file === 'truncated.log.gz' ? 1 : 0));
      if (x.problems)
        expect(x.problems.filter(([, k]) => k === 'read-error').map(([l]) => l)).toEqual(
          valid ? [] : [stopLine(prefix)],
        );
      expect(invariantViolations(a.jsonReport())).toEqual([]);
    });
  }

  it('a truncated gzip: every whole line inflated before the end is analysed, the partial one dropped, the read-error where the data stops', async () => {
    const { code, r } = await cliJson('truncated.log.gz');
    const inflated = gunzipSync(bytesOf('truncated.log.gz'), { finishFlush: zc.Z_SYNC_FLUSH });
    // 151 whole lines of the sample, then the first 49 bytes of line 152 (Clock and Address of a NEW).
    const text = Buffer.from(inflated).toString('latin1');
    expect(text.split('\n').length).toBe(152);
    expect(text.slice(text.lastIndexOf('\n') + 1)).toBe('NEW:     0.048322   0x7f2afc39d570               ');
    expect(code).toBe(0);
    const { errors, rest } = withoutReadErrors(r);
    expect(rest).toEqual(stoppedReport(inflated)); // nothing lost but the partial line: the output came before the end
    expect(r.lines).toBe(151);
    // The cut NEW of line 152 is neither counted nor reported: no bad-record, no no-newline.
    expect(problemsOf(r)).toEqual([
      [152, 'read-error'],
      [151, 'no-eof'],
    ]);
    expect(r.problems[1].detail).toBe(STOPPED);
    expect(errors).toEqual([{ line: 152, kind: 'read-error', detail: READ_ERROR['truncated.log.gz'] }]);
  });

  it('a gzip with a bad checksum: all 305 lines of the sample are analysed (the report of the sample), then one read-error at line 305', async () => {
    const gz = bytesOf('badcrc.log.gz');
    expect(Buffer.compare(inflateRawSync(gz.subarray(10)), bytesOf('base.log'))).toBe(0); // only the trailer is damaged
    const { code, r } = await cliJson('badcrc.log.gz');
    expect(code).toBe(0);
    const { errors, rest } = withoutReadErrors(r);
    expect(rest).toEqual(stoppedReport(bytesOf('base.log')));
    expect(rest).toEqual({ ...base, file: '', budget: undefined }); // the EOF was read: no no-eof
    // The chunk Gunzip drops (6,609 bytes: the rest of line 277, a DEL of collections.deque cut after
    // its Type, and lines 278-305) is read from the second inflate: the DEL pairs with its NEW (line 5).
    expect(r.types['collections.deque']).toEqual([1, 1, 0]);
    expect(errors).toEqual([{ line: 305, kind: 'read-error', detail: READ_ERROR['badcrc.log.gz'] }]);
    expect(problemsOf(r)).toEqual([[305, 'read-error']]);
    // As a main file as a --recurse-files child: the same 72,145 bytes.
    expect((await readLog(path('badcrc.log.gz'))).summary().bytes).toBe(72145);
  });

  it('a gzip with corrupt data: every byte its first member inflates (72,004, garbage included) is analysed, then one read-error at its last line', async () => {
    const inflated = inflateRawSync(bytesOf('corrupt.log.gz').subarray(10), { finishFlush: zc.Z_SYNC_FLUSH });
    expect(inflated.length).toBe(72004);
    expect(inflated.at(-1)).toBe(10); // it ends with a newline: no partial line to drop
    expect(lineCount(inflated)).toBe(326);
    const { code, r } = await cliJson('corrupt.log.gz');
    expect(code).toBe(0);
    const { errors, rest } = withoutReadErrors(r);
    expect(rest).toEqual(stoppedReport(inflated));
    // The garbage's bad records stay (they are whole lines), the last one at line 326, where the read stopped.
    expect(r.problems.filter((p) => p.kind === 'bad-record').length).toBeGreaterThan(10);
    expect(r.problems.filter((p) => p.line > 278).length).toBeGreaterThan(3); // beyond the 65,536 bytes Gunzip hands on
    expect(problemsOf(r).slice(-3)).toEqual([
      [326, 'bad-record'],
      [326, 'read-error'],
      [326, 'no-eof'],
    ]);
    expect(errors).toEqual([{ line: 326, kind: 'read-error', detail: READ_ERROR['corrupt.log.gz'] }]);
    expect(invariantViolations(r)).toEqual([]);
  });

  it('an invalid deflate block after 150 lines: all 150 lines that inflated before it are analysed, exit 0, nothing on stderr', async () => {
    const gz = bytesOf('invalid-deflate.log.gz');
    expect(() => gunzipSync(gz)).toThrow(/invalid block type/);
    // Read by hand: one stored block holding lines 1-150 of the sample, then a block of type 3.
    const raw = gz.subarray(10);
    const stored = storedBlocks(raw);
    const lines150 = Buffer.from(
      Buffer.from(bytesOf('base.log')).toString('latin1').split('\n').slice(0, 150).join('\n') + '\n',
      'latin1',
    );
    expect(Buffer.compare(stored, lines150)).toBe(0);
    expect((raw[5 + stored.length] >> 1) & 3).toBe(3);
    stderr.mockClear();
    const { code, r } = await cliJson('invalid-deflate.log.gz');
    expect(code).toBe(0);
    expect(stderrText()).toBe('');
    const { errors, rest } = withoutReadErrors(r);
    expect(rest).toEqual(stoppedReport(stored));
    expect(r.lines).toBe(150);
    expect(errors).toEqual([{ line: 150, kind: 'read-error', detail: READ_ERROR['invalid-deflate.log.gz'] }]);
  });

  it('a multi-member gzip and a zero-padded one read whole: the report of the sample, no problem', async () => {
    // The first member alone is lines 1-150: reading only it would show.
    const gz = bytesOf('multi-member.log.gz');
    expect(lineCount(inflateRawSync(gz.subarray(10)))).toBe(150);
    expect(Buffer.compare(bytesOf('zero-padded.log.gz').subarray(-512), Buffer.alloc(512))).toBe(0);
    for (const f of ['multi-member.log.gz', 'zero-padded.log.gz', 'sample.log.gz']) {
      const { code, r } = await cliJson(f);
      expect(code, f).toBe(0);
      expect({ ...r, file: '', budget: undefined }, f).toEqual({ ...base, file: '', budget: undefined });
    }
  });

  it('the CLI --json report of a plain file is the engine report', async () => {
    for (const f of ['bad-address.log', 'png.log', 'crlf.log', 'split-type.log']) {
      const { code, r } = await cliJson(f);
      const { budget, ...rest } = r;
      expect(budget, f).toBeUndefined();
      expect(code, f).toBe(f === 'png.log' ? 2 : 0);
      expect({ ...rest, file: '' }, f).toEqual({ ...analyse(f).r, file: '' });
    }
  });

  it('a file that is not a log exits 2 with a one-line message on stderr; the report is still printed', async () => {
    for (const f of ['empty.log', 'png.log', 'readme.log', 'empty.gz']) {
      stderr.mockClear();
      const { code, r } = await cliJson(f);
      expect(code, f).toBe(2);
      const notALog = r.problems.filter((p) => p.kind === 'not-a-log');
      expect(notALog, f).toHaveLength(1);
      expect(stderrText(), f).toBe(`reftrace: ${path(f)}: ${notALog[0].detail}\n`);
    }
    // A budget does not let a non-log pass, in the text report either.
    stderr.mockClear();
    const text = await cli(['analyse', path('empty.log'), '--max-live', '10']);
    expect(text.code).toBe(2);
    expect(text.out).toMatch(/line 0: not-a-log: the file is empty/);
    expect(text.out).not.toMatch(/Budget/); // no "Budget: within limits." for a non-log
    expect(stderrText()).toBe(`reftrace: ${path('empty.log')}: the file is empty\n`);
    // The control: a log within a generous budget says so.
    const within = await cli(['analyse', path('base.log'), '--max-live', '1000']);
    expect([within.code, within.out]).toEqual([0, expect.stringMatching(/\nBudget: within limits\.\n$/)]);
    // Logs, damaged ones included, say nothing on stderr.
    stderr.mockClear();
    for (const f of ['base.log', 'no-sof.log', 'no-hdr.log', 'bad-address.log'])
      expect((await cliJson(f)).code, f).toBe(0);
    expect(stderrText()).toBe('');
  });

  it('the text report lists the problems with their line numbers', async () => {
    const { code, out } = await cli(['analyse', path('bad-address.log')]);
    expect(code).toBe(0);
    expect(out).toMatch(/line 11: bad-record: bad Address "0x7f2afc39bg30"/);
    expect(out).toMatch(/DEL 118/);
  });

  describe('--recurse-files with a gzipped child log (made in a temp dir)', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'reftrace-bad-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    /** A parent log (3 lines: SOF, the detach MSG, EOF) naming child.log.gz, beside it. */
    const parentWith = (child: Uint8Array) => {
      writeFileSync(join(dir, 'child.log.gz'), child);
      writeFileSync(
        join(dir, 'parent.log'),
        'SOF\nMSG:     0.1 # Detaching this Reference Tracing file wrapper. New file: child.log.gz\nEOF\n',
      );
      return join(dir, 'parent.log');
    };

    it('a truncated child: its recoverable lines are analysed, plus a read-error', async () => {
      const gz = gzipSync(bytesOf('base.log'));
      const child = gz.subarray(0, Math.floor(gz.length / 2)); // the cut of truncated.log.gz
      const inflated = gunzipSync(child, { finishFlush: zc.Z_SYNC_FLUSH });
      const direct = stoppedReport(inflated);
      const { code, out } = await cli(['analyse', parentWith(child), '--json', '--recurse-files']);
      const r = JSON.parse(out) as JsonReport;
      expect(code).toBe(0);
      // The parent's 3 lines and 1 MSG, and the child's 151 whole lines (the 49 bytes of line 152 are dropped).
      expect(numbersOf(r)).toEqual({
        lines: 154,
        new: 114,
        del: 29,
        msg: 6,
        live: 85,
        pairs: 29,
        untracked: 0,
        duplicates: 0,
        sawEof: true,
      });
      expect(numbersOf(r)).toEqual({
        ...numbersOf(direct),
        lines: 3 + direct.lines,
        msg: 1 + direct.counts.msg,
        sawEof: true,
      });
      expect(r.types).toEqual(direct.types);
      const { errors, rest } = withoutReadErrors(r);
      expect(rest.problems).toEqual(direct.problems.map((p) => ({ ...p, detail: `child.log.gz: ${p.detail}` })));
      // At line 152 of the child, where its data stops (the line being read), as for a main file.
      expect(errors).toEqual([
        {
          line: 152,
          kind: 'read-error',
          detail: `child.log.gz: reading the child log failed: ${READ_ERROR['truncated.log.gz']}`,
        },
      ]);
      expect(invariantViolations(r)).toEqual([]);
    });

    it('a multi-member and a zero-padded child are read whole', async () => {
      for (const f of ['multi-member.log.gz', 'zero-padded.log.gz']) {
        const { code, out } = await cli(['analyse', parentWith(bytesOf(f)), '--json', '--recurse-files']);
        const r = JSON.parse(out) as JsonReport;
        expect(code, f).toBe(0);
        expect(numbersOf(r), f).toEqual({ ...numbersOf(base), lines: 3 + 305, msg: 1 + 10 });
        expect(r.types, f).toEqual(base.types);
        expect(r.problems, f).toEqual([]);
      }
    });

    // A damaged child is read as a main file is: every byte that inflates before the damage (here
    // found by a raw inflate with a sync flush), then as a main file's bytes are after a read error
    // (partial last line dropped).
    const firstMember = (gz: Uint8Array): Uint8Array => {
      expect([...gz.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]); // the deflate data starts at byte 10
      try {
        return inflateRawSync(gz.subarray(10), { finishFlush: zc.Z_SYNC_FLUSH });
      } catch {
        return new Uint8Array(0);
      }
    };
    const prefixed = (ps: JsonReport['problems']) => ps.map((p) => ({ ...p, detail: `child.log.gz: ${p.detail}` }));

    it('a damaged child (bad checksum, corrupt data): every byte of its first member that inflates is analysed, one read-error names the damage', async () => {
      const sizes: number[] = [];
      for (const f of ['badcrc.log.gz', 'corrupt.log.gz']) {
        const data = firstMember(bytesOf(f));
        sizes.push(data.length);
        const direct = stoppedReport(data);
        const { code, out } = await cli(['analyse', parentWith(bytesOf(f)), '--json', '--recurse-files']);
        const r = JSON.parse(out) as JsonReport;
        expect(code, f).toBe(0);
        expect(numbersOf(r), f).toEqual({
          ...numbersOf(direct),
          lines: 3 + direct.lines,
          msg: 1 + direct.counts.msg,
          sawEof: true,
        });
        expect(r.types, f).toEqual(direct.types);
        const { errors, rest } = withoutReadErrors(r);
        expect(rest.problems, f).toEqual(prefixed(direct.problems));
        expect(errors, f).toEqual([
          {
            line: stopLine(data),
            kind: 'read-error',
            detail: `child.log.gz: reading the child log failed: ${READ_ERROR[f]}`,
          },
        ]);
        expect(invariantViolations(r), f).toEqual([]);
      }
      // The bytes the CLI reads from the same files as main files (since 0669e7d).
      expect(sizes).toEqual([72145, 72004]);
      for (const [i, f] of ['badcrc.log.gz', 'corrupt.log.gz'].entries())
        expect((await readLog(path(f))).summary().bytes, f).toBe(sizes[i]);
    });

    it('a bad-checksum child: all 305 lines of the sample, then the read-error at its last line; no other problem', async () => {
      const { code, out } = await cli(['analyse', parentWith(bytesOf('badcrc.log.gz')), '--json', '--recurse-files']);
      const r = JSON.parse(out) as JsonReport;
      expect(code).toBe(0);
      expect(numbersOf(r)).toEqual({ ...numbersOf(base), lines: 3 + 305, msg: 1 + 10 });
      expect(r.types).toEqual(base.types);
      expect(r.problems).toEqual([
        {
          line: 305,
          kind: 'read-error',
          detail: `child.log.gz: reading the child log failed: ${READ_ERROR['badcrc.log.gz']}`,
        },
      ]);
    });

    it('an invalid-deflate child: the 150 lines that inflate before its invalid block, then a read-error and a no-eof at line 150, the parent analysed', async () => {
      const stored = storedBlocks(bytesOf('invalid-deflate.log.gz').subarray(10));
      const direct = stoppedReport(stored);
      const { code, out } = await cli([
        'analyse',
        parentWith(bytesOf('invalid-deflate.log.gz')),
        '--json',
        '--recurse-files',
      ]);
      const r = JSON.parse(out) as JsonReport;
      expect(code).toBe(0);
      expect(numbersOf(r)).toEqual({
        ...numbersOf(direct),
        lines: 3 + 150,
        msg: 1 + direct.counts.msg,
        sawEof: true,
      });
      expect(r.problems).toEqual([
        {
          line: 150,
          kind: 'read-error',
          detail: `child.log.gz: reading the child log failed: ${READ_ERROR['invalid-deflate.log.gz']}`,
        },
        { line: 150, kind: 'no-eof', detail: `child.log.gz: ${STOPPED}` },
      ]);
      expect(invariantViolations(r)).toEqual([]);
    });
  });
});
