// Issue 26, items 1, 7 and 10: what the CLI prints is safe for a terminal and a CI log whatever the
// log holds (escape sequences, backspaces, CR, bidi overrides, workflow commands at a line's
// start), --json stays the same JSON, and big lists in the text report are capped with a count.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { SafeLines, terminalSafe } from '../../../src/cli/terminal-text.ts';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';

const DIR = mkdtempSync(join(tmpdir(), 'reftrace-hostile-out-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, (s) => (out += s));
  return { code, out };
}

/** The window title, the clipboard (OSC 52), a hidden link (OSC 8), clear screen, backspaces, CR. */
const TYPE = '\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07';
const TYPE2 = 'X\x08\x08\x08\x1b[2J\rok';
/** A right-to-left override: `admin)(daol 01:exe.py` on screen. */
const FILE = '/tmp/\u202eyp.exe';
const FUNC = '\x1b]8;;http://evil/\x07click\x1b]8;;\x07';
const ERR_TEXT = 'boom\n::add-mask::secret\n  ::error file=x::pwned\n##vso[task.setvariable variable=x]1';
/** Anything a terminal or a CI runner would act on. */
// eslint-disable-next-line no-control-regex
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const COMMAND_LINE = /^\s*(::|##)/m;

/** The small sample with hostile names swapped in, keeping the printf columns, and a multi-line ERR. */
function hostileLog(): string {
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));
  const lines = readFileSync(FIXTURES + SMALL, 'latin1').split('\n');
  const out = lines.map((l, i) => {
    if (!/^(NEW|DEL):/.test(l)) return l;
    let r = l.replace(/StringAndTime {19}/, pad(i % 2 ? TYPE : TYPE2, 32));
    r = r.replace('/tmp/reflogs/drivers/small.py', pad(FILE, '/tmp/reflogs/drivers/small.py'.length));
    return r.replace(/example_reference_tracing {15}/, pad(FUNC, 40));
  });
  const eof = out.indexOf('EOF');
  out.splice(eof, 0, `ERR:     0.049900 # ${ERR_TEXT}`);
  return out.join('\n');
}

describe('the text report is safe for a terminal and a CI log (issue 26)', () => {
  const path = join(DIR, 'hostile.log');
  writeFileSync(path, hostileLog());

  it.each([
    ['analyse', [] as string[]],
    ['analyse', ['--include-untracked', '--include-historical', '--full-path']],
    ['phases', []],
    ['snapshot', ['--at', '1e9', '--full-path']],
    ['growth', ['--from', '0', '--to', '1e9']],
  ])('%s %s: no control character, no bidi override, no workflow command at a line start', async (cmd, extra) => {
    const { code, out } = await run([cmd, path, ...extra]);
    expect(code).toBe(0);
    expect(out).not.toMatch(RAW);
    expect(out).not.toMatch(COMMAND_LINE);
    expect(out).not.toContain('##vso[');
    // Still there, visible.
    if (cmd !== 'phases') {
      expect(out).toContain('\\x1b]52;c;cHduZWQ=\\x07');
      expect(out).toContain('\\u202eyp.exe');
    }
  });

  it("the multi-line ERR's continuation is indented under it, its commands escaped", async () => {
    const { out } = await run(['analyse', path]);
    const errors = out.slice(out.indexOf('Errors [1]:')).split('\n').slice(1, 5);
    expect(errors).toEqual([
      expect.stringMatching(/^ {4}line \d+: boom$/),
      '      \\x3a:add-mask::secret',
      '        \\x3a:error file=x::pwned',
      '      \\x23#vso[task.setvariable variable=x]1',
    ]);
  });

  it('--json is escaped the same way and reads back as the same names', async () => {
    for (const cmd of [['analyse'], ['snapshot', '--at', '1e9'], ['growth', '--from', '0', '--to', '1e9']]) {
      const { out } = await run([cmd[0], path, ...cmd.slice(1), '--json']);
      expect(out).not.toMatch(RAW);
      const j = JSON.parse(out);
      expect(Object.keys(j.types)).toEqual(expect.arrayContaining([TYPE, TYPE2]));
    }
    const j = JSON.parse((await run(['snapshot', path, '--at', '1e9', '--json'])).out);
    expect(j.sites.map((x: { file: string }) => x.file)).toContain(FILE);
    expect(j.sites.map((x: { function: string }) => x.function)).toContain(FUNC);
  });

  it('terminalSafe: each unsafe character escaped visibly, plain text unchanged', () => {
    expect(terminalSafe('a\x1bb\x07\x08\r\t\x7f\x9b\u202e\u2066\u2028 é 日本\n')).toBe(
      'a\\x1bb\\x07\\x08\\x0d\\x09\\u007f\\u009b\\u202e\\u2066\\u2028 é 日本\n',
    );
    expect(terminalSafe('::x\n  ##[group]\n\u00a0::y\nok ::z ##[w]\n')).toBe(
      '\\x3a:x\n  \\x23#[group]\n\u00a0\\x3a:y\nok ::z \\u0023#[w]\n',
    );
    // A JSON text stays the same JSON.
    const value = { s: '\x7f\x85\u202e##[x]\n::y', '\u2028': 1 };
    expect(JSON.parse(terminalSafe(JSON.stringify(value, null, 1)))).toEqual(value);
  });

  it('SafeLines checks whole lines, however the text is cut into writes', () => {
    let out = '';
    const w = new SafeLines((s) => (out += s));
    for (const piece of ['   ', ':', ':add-mask::x\nok\n', '::', 'y']) w.out(piece);
    w.end();
    expect(out).toBe('   \\x3a:add-mask::x\nok\n\\x3a:y');
  });

  it('stderr messages are escaped too', async () => {
    const chunks: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (chunks.push(s), true)) as typeof process.stderr.write;
    try {
      await run(['analyse', join(DIR, 'no\x1b]0;x\x07such.log')]);
    } finally {
      process.stderr.write = write;
    }
    expect(chunks.join('')).toContain('no such file: ');
    expect(chunks.join('')).toContain('no\\x1b]0;x\\x07such.log');
  });
});

describe('big lists in the text report are capped with a count (issue 26, item 7)', () => {
  /** The first NEW again and again: 2999 duplicate NEWs (the sample's own DEL of it pairs one). */
  function duplicates(n: number): string {
    const lines = readFileSync(FIXTURES + SMALL, 'latin1').split('\n');
    const rec = lines.find((l) => l.startsWith('NEW:'))!;
    const eof = lines.indexOf('EOF');
    lines.splice(eof, 0, ...Array.from({ length: n }, () => rec));
    return lines.join('\n');
  }
  const path = join(DIR, 'dups.log');
  writeFileSync(path, duplicates(3000), 'latin1');

  it('the first 1000 duplicates and how many more; --all lists them all', async () => {
    const capped = (await run(['analyse', path])).out;
    const section = (out: string) => {
      const from = out.split('\n').findIndex((l) => l.startsWith('Duplicate NEWs'));
      const rest = out.split('\n').slice(from + 1);
      return rest.slice(
        0,
        rest.findIndex((l) => !l.startsWith('    ')),
      );
    };
    expect(capped).toContain('Duplicate NEWs (address already live; the newer replaced the older) [2999]:');
    expect(section(capped)).toHaveLength(1001);
    expect(section(capped).at(-1)).toBe('    … 1,999 more (reftrace analyse --all lists them all)');
    const all = (await run(['analyse', path, '--all'])).out;
    expect(section(all)).toHaveLength(2999);
  });
});

describe('a slow reader of the pipe (issue 26, item 7)', () => {
  it('the built CLI waits for it: the whole report arrives, exit 0, nothing on stderr', async () => {
    const { spawn } = await import('node:child_process');
    const { generateLog } = await import('../../support/reflog-generator.ts');
    const path = join(DIR, 'many.log');
    writeFileSync(path, Buffer.concat([...generateLog({ lines: 200_000, duplicateRate: 0.3, seed: 5 }).chunks]));
    const expected = (await run(['analyse', path, '--all'])).out;
    expect(expected.length).toBeGreaterThan(2 << 20);
    const bin = join(FIXTURES, '../../bin/reftrace.mjs');
    const child = spawn(process.execPath, [bin, 'analyse', path, '--all'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let got = 0;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    // Read 64 KiB, then nothing for a second, then the rest slowly.
    child.stdout.pause();
    await new Promise((ok) => setTimeout(ok, 1000));
    for await (const c of child.stdout) {
      got += (c as Buffer).length;
      if (got < 1 << 20) await new Promise((ok) => setTimeout(ok, 1));
    }
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The same report (its last line, the process time, may differ in length).
    expect(Math.abs(got - Buffer.byteLength(expected))).toBeLessThan(16);
  }, 60_000);
});

describe('every name is an ordinary key in the JSON (issue 26, item 9)', () => {
  it.each([
    ['analyse', [] as string[]],
    ['snapshot', ['--at', '1e9']],
    ['growth', ['--from', '0', '--to', '1e9']],
  ])('%s --json: a type named __proto__ is in types, and the types add up', async (cmd, extra) => {
    const { out } = await run([cmd, join(FIXTURES, 'bad/proto-type.log'), ...extra, '--json']);
    const j = JSON.parse(out);
    expect(Object.keys(j.types)).toContain('__proto__');
    if (cmd === 'snapshot')
      expect(Object.values(j.types as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(j.alive);
    if (cmd === 'growth')
      expect(Object.values(j.types as Record<string, number[]>).reduce((a, t) => a + t[1], 0)).toBe(j.aliveTo);
    if (cmd === 'analyse') expect(j.types.__proto__).toEqual([2, 0, 0]);
  });
});
