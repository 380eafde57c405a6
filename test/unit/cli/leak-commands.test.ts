// The CLI's leak commands (snapshot, growth, analyse's suspects): the numbers equal the engine's
// definitions on real logs (checked against a from-scratch parse of the cut log), and bad clocks
// are one-line errors with exit 2.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import { analyseCutAt, liveByType, liveLines } from '../../support/cut-oracle.ts';
import { fixture, FIXTURES, fixtureLogs, SMALL } from '../../support/fixtures.ts';
import { generateLog, SHAPES } from '../../support/reflog-generator.ts';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, (s) => (out += s));
  return { code, out };
}

const BIN = join(FIXTURES, '../../bin/reftrace.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('reftrace snapshot --at T --json', () => {
  it.each(fixtureLogs('samples'))('%s: the heap of the log cut at T, at five instants', async (rel) => {
    const bytes = fixture(rel);
    const whole = analyseChunks([bytes]);
    const [first, last] = [whole.store.clockFirst!, whole.store.clockLast!];
    for (const at of [first - 1, first, (first + last) / 2, last, last + 1]) {
      const r = await run(['snapshot', FIXTURES + rel, '--at', String(at), '--json']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      const cut = analyseCutAt(bytes, whole, at);
      expect(j.at).toBe(at);
      expect(j.alive).toBe(liveLines(cut).length);
      expect(j.types).toEqual(liveByType(cut));
      expect(j.sites.reduce((n: number, x: { alive: number }) => n + x.alive, 0)).toBe(j.alive);
      for (const x of j.sites) expect(Object.keys(x).sort()).toEqual(['alive', 'file', 'function', 'line']);
    }
  });

  it("after the last event: the end state (the analyse report's live count)", async () => {
    const j = JSON.parse((await run(['snapshot', FIXTURES + SMALL, '--at', '1e9', '--json'])).out);
    expect(j.alive).toBe(61);
    expect(j.sites[0]).toEqual({
      file: '/tmp/reflogs/drivers/small.py',
      line: 28,
      function: 'example_reference_tracing',
      alive: 20,
    });
  });
});

describe('reftrace growth --from A --to B --json', () => {
  it('equals the definitions: alive at A, at B, created after A and alive at B, per type', async () => {
    const bytes = fixture(SMALL);
    const whole = analyseChunks([bytes]);
    const [first, last] = [whole.store.clockFirst!, whole.store.clockLast!];
    const [a, b] = [first + (last - first) * 0.3, first + (last - first) * 0.7];
    const j = JSON.parse(
      (await run(['growth', FIXTURES + SMALL, '--from', String(a), '--to', String(b), '--json'])).out,
    );
    const atA = analyseCutAt(bytes, whole, a);
    const atB = analyseCutAt(bytes, whole, b);
    expect([j.from, j.to, j.aliveFrom, j.aliveTo]).toEqual([a, b, liveLines(atA).length, liveLines(atB).length]);
    let created = 0;
    atB.store.seed.liveMap.forEachValue((e) => (created += atB.store.clock.get(e) > a ? 1 : 0));
    expect(j.createdAndAlive).toBe(created);
    const typesA = liveByType(atA);
    const typesB = liveByType(atB);
    for (const [t, [x, y]] of Object.entries(j.types as Record<string, number[]>)) {
      expect(x, t).toBe(typesA[t] ?? 0);
      expect(y, t).toBe(typesB[t] ?? 0);
    }
    expect(j.sites.length).toBeGreaterThan(0);
    expect(Object.keys(j.sites[0]).sort()).toEqual([
      'aliveFrom',
      'aliveTo',
      'createdAndAlive',
      'file',
      'function',
      'line',
    ]);
  });
});

describe('reftrace analyse: leak suspects', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reftrace-leak-'));
  const log = join(dir, 'leaking.log');
  writeFileSync(log, Buffer.concat([...generateLog({ lines: 20_000, seed: 4, shapes: true, leakEvery: 0 }).chunks]));

  it('--json lists them in rank order, the steady leak first', async () => {
    const j = JSON.parse((await run(['analyse', log, '--json'])).out);
    expect(j.suspects[0]).toMatchObject({
      by: 'site',
      function: SHAPES.leak.site[2],
      type: SHAPES.leak.type,
      live: 400,
      new: 400,
    });
    expect(j.suspects[1]).toMatchObject({ function: SHAPES.cache.site[2], type: SHAPES.cache.type });
    const scores = j.suspects.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const key of [
      'file',
      'line',
      'function',
      'type',
      'score',
      'live',
      'new',
      'survival',
      'steadiness',
      'firstClock',
      'sparkline',
    ])
      expect(j.suspects[0]).toHaveProperty(key);
  });

  it('the text report has a Leak suspects section naming the leak first', async () => {
    const { out } = await run(['analyse', log]);
    const section = out.slice(out.indexOf('Leak suspects'));
    expect(section.split('\n')[1]).toMatch(/^\s+1\. leaky\.py:10 remember_forever\s+leak: grew in/);
    expect(section.split('\n')[2]).toMatch(/^\s+score \d/);
    expect((await run(['analyse', log, '--suspects', '0'])).out).not.toContain('Leak suspects');
  });
});

describe('reftrace analyse --max-score S: the leak gate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reftrace-gate-'));
  const log = join(dir, 'leaking.log');
  writeFileSync(log, Buffer.concat([...generateLog({ lines: 20_000, seed: 4, shapes: true, leakEvery: 0 }).chunks]));

  it('exit 1 naming the steady leak only: the plateaued cache and the churn stay under', async () => {
    const r = await run(['analyse', log, '--max-score', '2', '--suspects', '0']);
    expect(r.code).toBe(1);
    const gate = r.out.slice(r.out.indexOf('Leak gate'));
    expect(gate.trim().split('\n')).toEqual([
      'Leak gate: 1 site over score 2:',
      expect.stringMatching(
        /^ {2}leaky\.py:10 remember_forever: score 8\.\d\d > 2 \(400 LeakyRecord live, since \d+\.\d{6}\)$/,
      ),
    ]);
    // The gate sees every site, not only the --suspects listed (0 here).
    const j = JSON.parse((await run(['analyse', log, '--json', '--max-score', '1'])).out);
    expect(j.leakGate.exceeded).toBe(true);
    expect(j.leakGate.over.map((x: { function: string }) => x.function)).toEqual([
      SHAPES.leak.site[2],
      SHAPES.cache.site[2],
    ]);
    expect(j.leakGate.over.every((x: { score: number }) => x.score > 1)).toBe(true);
  });

  it('exit 0 under the score, or with the leaking file ignored', async () => {
    const high = await run(['analyse', log, '--max-score', '100']);
    expect(high.code).toBe(0);
    expect(high.out).toContain('Leak gate: no site over score 100.');
    const ignored = await run(['analyse', log, '--json', '--max-score', '2', '--ignore-file', 'leaky.py']);
    expect(ignored.code).toBe(0);
    const j = JSON.parse(ignored.out);
    expect(j.leakGate).toEqual({ maxScore: 2, exceeded: false, over: [] });
    expect(j.suspects[0].function).toBe(SHAPES.cache.site[2]);
    // The seed's report is not cut by the ignore list.
    expect(j.live).toBe(JSON.parse((await run(['analyse', log, '--json'])).out).live);
    expect((await run(['analyse', log, '--max-score', '2', '--ignore-type', SHAPES.leak.type])).code).toBe(0);
  });

  it.each(['-1', 'high', ''])('--max-score %j: one line on stderr, exit 2', (value) => {
    const r = cli('analyse', log, '--max-score', value);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `reftrace: --max-score takes a score (a number, 0 or more), not "${value}" (reftrace --help for usage)`,
    );
  });
});

describe('--ignore-type and --ignore-file on snapshot, growth and phases', () => {
  const small = FIXTURES + SMALL;
  const json = async (...args: string[]) => JSON.parse((await run([...args, '--json'])).out);

  it('snapshot: the ignored type and file are gone, the rest unchanged', async () => {
    const all = await json('snapshot', small, '--at', '1e9');
    const cut = await json('snapshot', small, '--at', '1e9', '--ignore-type', 'Fraction', '--ignore-file', 'small.py');
    const fromSmall = all.sites.filter((x: { file: string }) => x.file.endsWith('/small.py'));
    expect(fromSmall.length).toBeGreaterThan(0);
    expect(cut.types.Fraction).toBeUndefined();
    expect(cut.sites.some((x: { file: string }) => x.file.endsWith('/small.py'))).toBe(false);
    // Fraction's objects were made outside small.py (fractions.py), so the two cuts do not overlap.
    const gone = all.types.Fraction + fromSmall.reduce((n: number, x: { alive: number }) => n + x.alive, 0);
    expect(cut.alive).toBe(all.alive - gone);
  });

  it('growth and phases leave them out too', async () => {
    const all = await json('growth', small, '--from', '0', '--to', '1e9');
    const cut = await json('growth', small, '--from', '0', '--to', '1e9', '--ignore-type', 'Fraction');
    expect(cut.aliveTo).toBe(all.aliveTo - all.types.Fraction[1]);
    expect(cut.types.Fraction).toBeUndefined();
    const phases = await json('phases', small);
    const phasesCut = await json('phases', small, '--ignore-type', 'Fraction');
    expect(phasesCut).toHaveLength(phases.length);
    const net = (list: { netLive: number }[]) => list.reduce((n, p) => n + p.netLive, 0);
    expect(net(phases) - net(phasesCut)).toBe(all.types.Fraction[1]);
  });
});

describe('bad clocks: one line on stderr, exit 2', () => {
  it.each([
    [['snapshot', SMALL, '--at', 'soon'], '--at takes a clock in seconds (a number), not "soon"'],
    [['snapshot', SMALL], '--at is required'],
    [['snapshot', SMALL, '--at'], '--at needs a value'],
    [['growth', SMALL, '--from', '2', '--to', '1'], '--from must be before --to (got 2 and 1)'],
    [['growth', SMALL, '--from', '1', '--to', '1'], '--from must be before --to (got 1 and 1)'],
    [['growth', SMALL, '--from', 'NaN', '--to', '1'], '--from takes a clock in seconds (a number), not "NaN"'],
  ])('%j', (args, message) => {
    const r = cli(...args.map((a) => (a === SMALL ? FIXTURES + SMALL : a)));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`reftrace: ${message} (reftrace --help for usage)`]);
  });
});

describe('reftrace phases --json', () => {
  it('one entry per phase with the documented keys, the same numbers as the engine', async () => {
    const r = await run(['phases', FIXTURES + SMALL, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toHaveLength(10);
    expect(Object.keys(j[0])).toEqual([
      'from',
      'to',
      'message',
      'new',
      'del',
      'netLive',
      'createdAndAlive',
      'rssDelta',
    ]);
    expect(j[1]).toMatchObject({
      message: 'Loop 0 start',
      new: 33,
      del: 9,
      netLive: 24,
      createdAndAlive: 24,
      rssDelta: 327680,
    });
    const { out } = await run(['phases', FIXTURES + SMALL]);
    expect(out.split('\n')[0]).toBe('Phases [10]:');
    expect(out).toContain('Loop 0 start');
  });
});
