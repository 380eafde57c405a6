// `reftrace export --format csv` holds the same rows as the Parquet export (RFC 4180 quoting and the
// viewer's formula guard, read back by DuckDB), and nested runs export every child log's events.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { openDuck, sqlPath, type Duck, type SqlRow } from '../../support/duckdb.ts';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';
import { generateLog } from '../../support/reflog-generator.ts';

const DIR = mkdtempSync(join(tmpdir(), 'reftrace-export-csv-'));
// The sample with a type that needs quoting (a,"b") and a function a spreadsheet would run (=SUM(1)), widths kept.
const ODD = join(DIR, 'odd.log');
const GEN = join(DIR, 'gen.log');
let duck: Duck;

const exportTo = async (out: string, ...args: string[]) => {
  let text = '';
  const code = await main(['export', ...args, '--out', out], (s) => (text += s));
  return { code, text };
};

beforeAll(async () => {
  const sample = readFileSync(FIXTURES + SMALL, 'latin1');
  writeFileSync(ODD, sample.replace(/ super {6}/g, ' a,"b"      ').replace(/ choices {3}/g, ' =SUM(1)   '), 'latin1');
  writeFileSync(GEN, Buffer.concat([...generateLog({ lines: 8000, seed: 4, shapes: true }).chunks]));
  expect((await exportTo(join(DIR, 'csv'), ODD, GEN, '--format', 'csv')).code).toBe(0);
  expect((await exportTo(join(DIR, 'pq'), ODD, GEN)).code).toBe(0);
  duck = await openDuck();
});

afterAll(() => {
  duck?.close();
  rmSync(DIR, { recursive: true, force: true });
});

/** A CSV cell back as the value it stands for: the formula guard's apostrophe removed. */
const unguard = (row: SqlRow): SqlRow =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v]),
  );

describe('reftrace export --format csv', () => {
  for (const log of ['odd', 'gen'])
    for (const name of ['events', 'live', 'pairs'])
      it(`${log}/${name}.csv: the Parquet rows, column by column`, async () => {
        const csv = await duck.all(
          `select * from read_csv(${sqlPath(join(DIR, 'csv', log, name + '.csv'))}, header = true, delim = ',', quote = '"', escape = '"', types = {'address': 'VARCHAR'})`,
        );
        const parquet = await duck.all(
          `select * from read_parquet(${sqlPath(join(DIR, 'pq', log, name + '.parquet'))})`,
        );
        expect(csv.length).toBe(parquet.length);
        expect(csv.length).toBeGreaterThan(log === 'odd' && name === 'live' ? 60 : 100);
        expect(csv.map(unguard)).toEqual(parquet);
      });

  it('a header row, CRLF line ends, quotes doubled, and a leading apostrophe on a formula', async () => {
    const text = readFileSync(join(DIR, 'csv/odd/events.csv'), 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('kind,clock,address,live_count,type,file,line,function,rss,drss,log_line,log_file');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain(',"a,""b""",');
    expect(text).toContain(`,"'=SUM(1)",`);
    const rows = await duck.all(
      `select type, function from read_csv(${sqlPath(join(DIR, 'csv/odd/events.csv'))}, header = true) where type = 'a,"b"' or function like '%SUM%'`,
    );
    expect(rows.filter((r) => r.type === 'a,"b"')).toHaveLength(2);
    expect(new Set(rows.filter((r) => r.type !== 'a,"b"').map((r) => r.function))).toEqual(new Set(["'=SUM(1)"]));
  });
});

describe('reftrace export --recurse-files', () => {
  const OUTER = join(FIXTURES, 'samples/nested_named/nested_outer.log');
  // The seed's numbers per file of the run (see cli.test.ts).
  const PER_FILE = [
    { log_file: 'nested_inner.log', news: 18, dels: 25 },
    { log_file: 'nested_inner_sibling.log', news: 7, dels: 7 },
    { log_file: 'nested_middle.log', news: 15, dels: 11 },
    { log_file: 'nested_outer.log', news: 17, dels: 12 },
  ];
  const perFile = (out: string) =>
    duck.all(
      `select log_file, count(*) filter (kind = 'NEW') as news, count(*) filter (kind = 'DEL') as dels from read_parquet(${sqlPath(out + '/**/events*.parquet')}) group by log_file order by log_file`,
    );

  it('each event names the file of the run it came from; live and pairs cover the whole run', async () => {
    const out = join(DIR, 'nested');
    expect((await exportTo(out, OUTER, '--recurse-files')).code).toBe(0);
    expect(await perFile(out)).toEqual(PER_FILE);
    const n = async (t: string) =>
      Number(
        (
          await duck.all(`select count(*) n from read_parquet(${sqlPath(join(out, 'nested_outer', t + '.parquet'))})`)
        )[0].n,
      );
    expect([await n('live'), await n('pairs')]).toEqual([12, 45]);
  });

  it('without --recurse-files only the parent is exported', async () => {
    const out = join(DIR, 'flat');
    expect((await exportTo(out, OUTER)).code).toBe(0);
    expect(await perFile(out)).toEqual([PER_FILE[3]]);
  });
});
