// `reftrace export`: three logs (a real sample, a generated one, a generated .gz) exported as
// Parquet and read back with DuckDB equal the engine's analysis, the generator's own summary and
// the log text, row by row; a fleet query over DIR/**/ ranks the known leak first.

import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { Engine } from '../../../src/engine/engine.ts';
import { exportLog } from '../../../src/cli/export/export-log.ts';
import { readLog } from '../../../src/cli/read-log.ts';
import type { Analysis } from '../../../src/engine/analysis.ts';
import { openDuck, sqlPath, type Duck, type SqlRow } from '../../support/duckdb.ts';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';
import { generateLog, SHAPES, type GeneratorSummary } from '../../support/reflog-generator.ts';

const DIR = mkdtempSync(join(tmpdir(), 'reftrace-export-'));
const OUT = join(DIR, 'out');
const LOGS = [FIXTURES + SMALL, join(DIR, 'logs/gen-a.log'), join(DIR, 'logs/gen-b.log.gz')];
const FOLDERS = ['20261125_072703_0_5187_O_0_PY3.13.5', 'gen-a', 'gen-b'];
const summaries: (GeneratorSummary | null)[] = [null];
const analyses: Analysis[] = [];
let duck: Duck;

function generated(lines: number, seed: number): { bytes: Buffer; summary: GeneratorSummary } {
  const log = generateLog({ lines, seed, shapes: true, msgRate: 0.002 });
  const bytes = Buffer.concat([...log.chunks]);
  return { bytes, summary: log.summary() };
}

beforeAll(async () => {
  mkdirSync(join(DIR, 'logs'));
  const a = generated(30_000, 5);
  const b = generated(20_000, 9);
  writeFileSync(LOGS[1], a.bytes);
  writeFileSync(LOGS[2], gzipSync(b.bytes));
  summaries.push(a.summary, b.summary);
  let out = '';
  expect(await main(['export', ...LOGS, '--out', OUT], (s) => (out += s))).toBe(0);
  expect(out.trim().split('\n')).toHaveLength(3);
  for (const path of LOGS) analyses.push(await readLog(path));
  duck = await openDuck();
});

afterAll(() => {
  duck?.close();
  rmSync(DIR, { recursive: true, force: true });
});

const table = (i: number, name: string) => `read_parquet(${sqlPath(join(OUT, FOLDERS[i], name + '.parquet'))})`;
const fleet = (name: string) => `read_parquet(${sqlPath(OUT + '/**/' + name + '*.parquet')}, filename = true)`;
const count = async (sql: string) => Number((await duck.all(sql))[0].n);

/** Live objects per type, from the engine's live map. */
function liveByType(a: Analysis): Record<string, number> {
  const s = a.store;
  const out: Record<string, number> = {};
  s.seed.liveMap.forEachValue((e) => {
    const t = s.types.strings[s.typeOf(e)];
    out[t] = (out[t] ?? 0) + 1;
  });
  return out;
}

/** Rows of a GROUP BY as a record key → n. */
const byKey = (rows: SqlRow[]) => Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));

describe('reftrace export --format parquet', () => {
  it('writes DIR/<log name>/{events,live,pairs,runs}.parquet per log, no partial files', () => {
    expect(readdirSync(OUT).sort()).toEqual(FOLDERS);
    for (const f of FOLDERS)
      expect(readdirSync(join(OUT, f)).sort()).toEqual([
        'events.parquet',
        'live.parquet',
        'pairs.parquet',
        'runs.parquet',
      ]);
  });

  it('row counts equal NEW+DEL, live and pairs of the analysis (and of the generator)', async () => {
    for (const [i, a] of analyses.entries()) {
      const sum = a.summary();
      const rows = [
        await count(`select count(*) n from ${table(i, 'events')}`),
        await count(`select count(*) n from ${table(i, 'live')}`),
        await count(`select count(*) n from ${table(i, 'pairs')}`),
      ];
      expect(rows).toEqual([sum.counts.new + sum.counts.del, sum.live, sum.pairs]);
      expect(rows[0]).toBeGreaterThan(200);
      const gen = summaries[i];
      if (gen) expect(rows).toEqual([gen.new + gen.del, gen.live, gen.pairs]);
    }
    // The sample's numbers from the seed analyser (see cli.test.ts).
    expect(analyses[0].summary().live).toBe(61);
  });

  it('per-type counts: NEW and DEL in events, live, pairs', async () => {
    for (const [i, a] of analyses.entries()) {
      const s = a.store;
      const types = a.jsonReport().types;
      const kindByType = async (kind: string) =>
        byKey(
          await duck.all(`select type k, count(*) n from ${table(i, 'events')} where kind = '${kind}' group by type`),
        );
      const nonZero = (pick: (c: [number, number, number]) => number) =>
        Object.fromEntries(
          Object.entries(types)
            .filter(([, c]) => pick(c) > 0)
            .map(([t, c]) => [t, pick(c)]),
        );
      expect(await kindByType('NEW')).toEqual(nonZero((c) => c[0]));
      expect(await kindByType('DEL')).toEqual(nonZero((c) => c[1]));
      expect(byKey(await duck.all(`select type k, count(*) n from ${table(i, 'live')} group by type`))).toEqual(
        liveByType(a),
      );
      const pairsByType: Record<string, number> = {};
      for (let p = 0; p < s.seed.pairNew.length; p++) {
        const t = s.types.strings[s.typeOf(s.seed.pairNew.get(p))];
        pairsByType[t] = (pairsByType[t] ?? 0) + 1;
      }
      expect(byKey(await duck.all(`select type k, count(*) n from ${table(i, 'pairs')} group by type`))).toEqual(
        pairsByType,
      );
      const gen = summaries[i];
      if (gen)
        expect(await kindByType('NEW')).toEqual(
          Object.fromEntries(
            Object.entries(gen.types)
              .filter(([, c]) => c[0] > 0)
              .map(([t, c]) => [t, c[0]]),
          ),
        );
    }
  });

  it('events: every row equals the store, in log order', async () => {
    for (const i of [0, 1]) {
      const s = analyses[i].store;
      const rows = await duck.all(`select * from ${table(i, 'events')}`);
      expect(rows).toHaveLength(s.eventCount);
      const want = (e: number): SqlRow => {
        const site = s.site.get(e);
        return {
          kind: s.isDel(e) ? 'DEL' : 'NEW',
          clock: s.clock.get(e),
          address: s.addressHex(e),
          live_count: s.liveCnt.get(e),
          type: s.types.strings[s.typeOf(e)],
          file: s.files.strings[s.sites.file[site]],
          line: s.sites.line[site],
          function: s.funcs.strings[s.sites.func[site]],
          rss: s.rssAt(e),
          drss: e === 0 ? null : s.rssAt(e)! - s.rssAt(e - 1)!,
          log_line: s.lineOf(e),
          log_file: LOGS[i].split('/').pop()!,
        };
      };
      for (let e = 0; e < rows.length; e++)
        if (JSON.stringify(rows[e]) !== JSON.stringify(want(e))) expect(rows[e]).toEqual(want(e));
    }
  });

  it('events: log_line points at the log line of that NEW/DEL; rss and drss are its RSS and dRSS columns', async () => {
    for (const i of [0, 1]) {
      const text = readFileSync(LOGS[i], 'latin1').split('\n');
      const rows = await duck.all(`select kind, clock, address, rss, drss, log_line from ${table(i, 'events')}`);
      for (const [r, row] of rows.entries()) {
        const tokens = text[Number(row.log_line) - 1].trim().split(/\s+/);
        const got = [row.kind + ':', row.clock, row.address, row.rss, r === 0 ? null : row.drss];
        const want = [
          tokens[0],
          Number(tokens[1]),
          tokens[2],
          Number(tokens.at(-2)),
          r === 0 ? null : Number(tokens.at(-1)),
        ];
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);
      }
      expect(rows[0].drss).toBeNull(); // the first event has no event before it
    }
  });

  it('live: the engine live objects, each a NEW line of the log', async () => {
    for (const [i, a] of analyses.entries()) {
      const s = a.store;
      const want: number[] = [];
      s.seed.liveMap.forEachValue((e) => want.push(s.lineOf(e)));
      const rows = await duck.all(`select kind, log_line from ${table(i, 'live')}`);
      expect(rows.map((r) => r.log_line)).toEqual(want.sort((x, y) => x - y));
      expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['NEW']));
    }
  });

  it('pairs: NEW and DEL lines of one address, lifetime = del_clock - new_clock, in the store order', async () => {
    for (const i of [0, 1]) {
      const s = analyses[i].store;
      const text = readFileSync(LOGS[i], 'latin1').split('\n');
      const rows = await duck.all(`select * from ${table(i, 'pairs')}`);
      expect(rows).toHaveLength(s.seed.pairNew.length);
      for (const [p, row] of rows.entries()) {
        const born = text[Number(row.new_log_line) - 1].trim().split(/\s+/);
        const died = text[Number(row.del_log_line) - 1].trim().split(/\s+/);
        const got = [
          born[0],
          died[0],
          born[2],
          died[2],
          row.new_clock,
          row.del_clock,
          row.lifetime,
          row.new_log_line,
          row.del_log_line,
        ];
        const want = [
          'NEW:',
          'DEL:',
          row.address,
          row.address,
          Number(born[1]),
          Number(died[1]),
          Number(row.del_clock) - Number(row.new_clock),
          s.lineOf(s.seed.pairNew.get(p)),
          s.lineOf(s.seed.pairDel.get(p)),
        ];
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);
      }
    }
  });

  it('a fleet query over DIR/**/events*.parquet gives each log its own counts', async () => {
    const rows = await duck.all(
      `select log_file k, count(*) filter (kind = 'NEW') as news, count(*) filter (kind = 'DEL') as dels, count(distinct filename) as files from ${fleet('events')} group by log_file order by log_file`,
    );
    const want = analyses.map((a, i) => ({
      k: LOGS[i].split('/').pop()!,
      news: a.summary().counts.new,
      dels: a.summary().counts.del,
      files: 1,
    }));
    expect(rows).toEqual(want.sort((x, y) => (x.k < y.k ? -1 : 1)));
  });

  it("the README's DuckDB query ranks leaking sites: live objects per site, and in how many logs", async () => {
    const readme = readFileSync(join(FIXTURES, '../../README.md'), 'utf8');
    const sql = /```sql\n(-- Leaking allocation sites[^]*?)```/.exec(readme)![1];
    const rows = await duck.all(sql.replaceAll("'fleet/", `'${OUT}/`).replace(/;\s*$/, ''));
    // The same from the engine: the live objects of every log, per allocation site.
    const sites = new Map<string, { file: string; line: number; function: string; live: number; logs: number }>();
    for (const a of analyses) {
      const s = a.store;
      const seen = new Set<string>();
      s.seed.liveMap.forEachValue((e) => {
        const site = s.site.get(e);
        const [file, line, func] = [
          s.files.strings[s.sites.file[site]],
          s.sites.line[site],
          s.funcs.strings[s.sites.func[site]],
        ];
        const key = `${file}\0${line}\0${func}`;
        const x = sites.get(key) ?? { file, line, function: func, live: 0, logs: 0 };
        x.live++;
        if (!seen.has(key)) x.logs++;
        seen.add(key);
        sites.set(key, x);
      });
    }
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const want = [...sites.values()].sort(
      (a, b) =>
        b.live - a.live || b.logs - a.logs || cmp(a.file, b.file) || a.line - b.line || cmp(a.function, b.function),
    );
    expect(rows).toEqual(want.slice(0, 20));
    // The generated logs' steady leak (600 + 400 objects) tops the fleet, seen in both of them.
    expect(rows[0]).toMatchObject({
      file: SHAPES.leak.site[0],
      line: SHAPES.leak.site[1],
      function: SHAPES.leak.site[2],
      logs: 2,
    });
    expect(rows[0].live).toBe(30_000 / SHAPES.leak.every + 20_000 / SHAPES.leak.every);
  });

  it('a small row group size writes many row groups with the same rows', async () => {
    const folder = join(DIR, 'small-groups');
    await exportLog(new Engine(analyses[1]), folder, 'parquet', 4096);
    const events = analyses[1].store.eventCount;
    expect(
      await count(
        `select count(distinct row_group_id) n from parquet_metadata(${sqlPath(join(folder, 'events.parquet'))})`,
      ),
    ).toBe(Math.ceil(events / 4096));
    const small = await duck.all(`select * from read_parquet(${sqlPath(join(folder, 'events.parquet'))})`);
    expect(small).toEqual(await duck.all(`select * from ${table(1, 'events')}`));
    expect(existsSync(join(folder, 'events.parquet.partial'))).toBe(false);
  });
});
