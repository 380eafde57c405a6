// `reftrace export` errors, run through the installed bin: one line on stderr and exit 2 for each
// bad log, the other logs still exported; a usage error writes nothing.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';

const BIN = join(FIXTURES, '../../bin/reftrace.mjs');
const DIR = mkdtempSync(join(tmpdir(), 'reftrace-export-errors-'));
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, 'export', ...args], { encoding: 'utf8' });
const stderrLines = (s: string) => s.split('\n').filter((l) => l !== '');

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('reftrace export: errors', () => {
  it('a missing file and a file that is not a log: a line each, exit 2, the good log still exported', () => {
    const notALog = join(DIR, 'notes.txt');
    writeFileSync(notALog, 'shopping list\neggs\nmilk\n');
    const out = join(DIR, 'mixed');
    const r = cli(join(DIR, 'gone.log'), FIXTURES + SMALL, notALog, '--out', out);
    expect(r.status).toBe(2);
    const errors = stderrLines(r.stderr);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^reftrace: no such file: .*gone\.log$/);
    expect(errors[1]).toMatch(/^reftrace: .*notes\.txt: /);
    expect(r.stdout).toMatch(/: events 290, live 61, pairs 110\n$/);
    expect(readdirSync(out)).toEqual(['20261125_072703_0_5187_O_0_PY3.13.5']);
    expect(readdirSync(join(out, '20261125_072703_0_5187_O_0_PY3.13.5')).sort()).toEqual([
      'events.parquet',
      'live.parquet',
      'pairs.parquet',
      'runs.parquet',
    ]);
  });

  it.each([
    [['--format', 'xlsx', '--out', 'x'], /--format takes parquet or csv, not "xlsx"/],
    [['--format', 'csv'], /--out DIR is required/],
    [['--out'], /--out needs a value/],
    [['--out', 'x', '--zip'], /unknown option --zip/],
  ])('usage error %j: one line, exit 2, nothing written', (args, message) => {
    const out = join(DIR, 'usage');
    const r = cli(FIXTURES + SMALL, ...args.map((a) => (a === 'x' ? out : a)));
    expect(r.status).toBe(2);
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('no log given, or --out a file: exit 2', () => {
    expect(cli('--out', join(DIR, 'none')).status).toBe(2);
    const file = join(DIR, 'a-file');
    writeFileSync(file, '');
    const r = cli(FIXTURES + SMALL, '--out', file);
    expect(r.status).toBe(2);
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^reftrace: cannot create .*a-file/);
  });
});
