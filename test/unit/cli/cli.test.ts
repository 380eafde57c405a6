// The CLI: --json equals the seed analyser's numbers on every real sample; text sections; exit codes.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, (s) => (out += s));
  return { code, out };
}

async function json(args: string[]) {
  const r = await run([...args, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

const SAMPLES = ['small', 'nested', 'nested_named'].flatMap((dir) =>
  readdirSync(join(FIXTURES, 'samples', dir)).map((f) => join(FIXTURES, 'samples', dir, f)),
);

// The seed's own numbers, from test/reference/seed_json.py run on each sample (see README).
const SEED: Record<string, { lines: number; new: number; del: number; msg: number; live: number; pairs: number }> = {
  '20261125_072703_0_5187_O_0_PY3.13.5.log': { lines: 305, new: 171, del: 119, msg: 10, live: 61, pairs: 110 },
  '20261125_072716_0_5419_O_0_PY3.13.5.log': { lines: 38, new: 17, del: 12, msg: 5, live: 5, pairs: 12 },
  '20261125_072716_1_5419_O_1_PY3.13.5.log': { lines: 37, new: 15, del: 11, msg: 7, live: 4, pairs: 11 },
  '20261125_072716_2_5419_O_2_PY3.13.5.log': { lines: 49, new: 18, del: 25, msg: 2, live: 3, pairs: 15 },
  '20261125_072716_3_5419_O_2_PY3.13.5.log': { lines: 19, new: 7, del: 7, msg: 1, live: 0, pairs: 7 },
  'nested_outer.log': { lines: 38, new: 17, del: 12, msg: 5, live: 5, pairs: 12 },
  'nested_middle.log': { lines: 37, new: 15, del: 11, msg: 7, live: 4, pairs: 11 },
  'nested_inner.log': { lines: 49, new: 18, del: 25, msg: 2, live: 3, pairs: 15 },
  'nested_inner_sibling.log': { lines: 19, new: 7, del: 7, msg: 1, live: 0, pairs: 7 },
};

describe('reftrace analyse --json agrees with the seed', () => {
  for (const path of SAMPLES) {
    const name = path.split('/').pop()!;
    it(name, async () => {
      const j = await json(['analyse', path]);
      const seed = SEED[name];
      expect({
        lines: j.lines,
        new: j.counts.new,
        del: j.counts.del,
        msg: j.counts.msg,
        live: j.live,
        pairs: j.pairs,
      }).toEqual(seed);
      expect(j.untracked).toBe(j.counts.del - j.pairs);
      expect(j.duplicates).toBe(0);
      expect(j.problems).toEqual([]);
    });
  }

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('type counts equal the restored seed run live (python3)', async () => {
    for (const path of SAMPLES) {
      const seed = JSON.parse(
        execFileSync('python3', [join(FIXTURES, '../reference/seed_json.py'), path], { encoding: 'utf8' }),
      );
      const ours = await json(['analyse', path]);
      expect(ours.types).toEqual(seed.types);
      expect(ours.live).toBe(seed.live);
      expect(ours.pairs).toBe(seed.pairs);
    }
  });
});

describe('--recurse-files merges child logs where the parent names them', () => {
  it('relative filepath= names (nested_named)', async () => {
    const j = await json(['analyse', join(FIXTURES, 'samples/nested_named/nested_outer.log'), '--recurse-files']);
    // The seed, run in that folder: new 57, del 55, msg 15, live 12, pairs 45.
    expect([j.counts.new, j.counts.del, j.counts.msg, j.live, j.pairs]).toEqual([57, 55, 15, 12, 45]);
    expect(j.problems).toEqual([]);
  });
  it('absolute names of a moved run are found beside the parent (nested)', async () => {
    const j = await json([
      'analyse',
      join(FIXTURES, 'samples/nested/20261125_072716_0_5419_O_0_PY3.13.5.log'),
      '--recurse-files',
    ]);
    expect([j.counts.new, j.counts.del, j.counts.msg, j.live, j.pairs]).toEqual([57, 55, 15, 12, 45]);
  });
  it('a missing child is a problem, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reftrace-'));
    const parent = join(dir, 'parent.log');
    writeFileSync(
      parent,
      'SOF\nMSG:     0.1 # Detaching this Reference Tracing file wrapper. New file: gone.log\nEOF\n',
    );
    const j = await json(['analyse', parent, '--recurse-files']);
    expect(j.problems).toEqual([
      {
        line: 2,
        kind: 'missing-child',
        detail: 'child log not found: gone.log (open it together with its parent, or put it beside the parent)',
      },
    ]);
  });
});

describe('text report', () => {
  it('has the seed sections with their counts', async () => {
    const r = await run(['analyse', join(FIXTURES, SMALL), '--include-untracked', '--include-historical']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Initial Message:\nSmall example');
    expect(r.out).toContain('Untracked Objects [2]:');
    expect(r.out).toContain('Live Objects [61]:');
    expect(r.out).toContain('Previous Objects, sorted by clock [110]:');
    expect(r.out).toContain('Type count [17]:');
    expect(r.out).toMatch(/StringAndTime\s+40\s+20\s+20\n/);
    expect(r.out).toMatch(
      /0x7f2afc0b59f0 0\.049893\s+1 ModuleSpec\s+spec_from_loader\s+<frozen importlib\._bootstrap>#688/,
    );
    expect(r.out.match(/ NEW: t: /g)).toHaveLength(110);
  });
  it('--full-path shows whole paths, the default base names', async () => {
    const short = await run(['analyse', join(FIXTURES, SMALL)]);
    const full = await run(['analyse', join(FIXTURES, SMALL), '--full-path']);
    expect(short.out).toContain(' small.py#28');
    expect(full.out).toContain(' /tmp/reflogs/drivers/small.py#28');
  });
});

describe('exit codes', () => {
  it('a missing file: one-line error, exit 2', async () => {
    const r = spawnSync(process.execPath, [join(FIXTURES, '../../bin/reftrace.mjs'), 'analyse', '/no/such.log'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('reftrace: no such file: /no/such.log');
    expect(r.stdout).toBe('');
  });
  it('bad usage: exit 2', async () => {
    expect((await run(['analyse'])).code).toBe(2);
    expect((await run(['frobnicate', 'x'])).code).toBe(2);
    expect((await run(['analyse', join(FIXTURES, SMALL), '--max-live', 'lots'])).code).toBe(2);
  });
  it('--max-live: exit 1 when over budget, naming what is over', async () => {
    const over = await run([
      'analyse',
      join(FIXTURES, SMALL),
      '--max-live',
      '60',
      '--max-live-type',
      'StringAndTime=19',
    ]);
    expect(over.code).toBe(1);
    expect(over.out).toContain('all types: 61 live > 60 allowed');
    expect(over.out).toContain('StringAndTime: 20 live > 19 allowed');
    const within = await run([
      'analyse',
      join(FIXTURES, SMALL),
      '--max-live',
      '61',
      '--max-live-type',
      'StringAndTime=20',
    ]);
    expect(within.code).toBe(0);
    const j = await run(['analyse', join(FIXTURES, SMALL), '--json', '--max-live-type', 'Fraction=0']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).budget).toEqual({ exceeded: true, over: [{ type: 'Fraction', live: 20, max: 0 }] });
  });
});
