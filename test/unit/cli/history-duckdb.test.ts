// The fleet path of a program's history: reftrace export writes each run's runs.parquet (its sites
// and verdicts), and the README's DuckDB query over the exported fleet gives the history that
// reftrace history gives from the logs (test/fixtures/releases: six releases, two leaks).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { openDuck, sqlPath } from '../../support/duckdb.ts';

/** The README's query (Exporting a fleet: a program's history), over the runs of DIR. */
export const HISTORY_SQL = (dir: string) => `
WITH s AS (
  SELECT log_file, regexp_extract(file, '[^/]*$') AS file, function, line, type, live, verdict
  FROM read_parquet(${sqlPath(join(dir, '**/runs.parquet'))})
)
SELECT file, function, type,
       min(log_file) FILTER (WHERE verdict = 'leak') AS first_leak_run,
       list(live ORDER BY log_file) AS live,
       list(verdict ORDER BY log_file) AS verdict
FROM s
GROUP BY file, function, type
HAVING count(*) FILTER (WHERE verdict = 'leak') > 0
ORDER BY first_leak_run, file, function`;

async function run(args: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await main(args, (s) => {
    out += s;
  });
  return { status, out };
}

describe('a fleet of runs in DuckDB', () => {
  it('gives each leaking site the run it began to leak in, as reftrace history does', async () => {
    const runs = [1, 2, 3, 4, 5, 6].map((r) => FIXTURES + `releases/r${r}.log.gz`);
    const dir = mkdtempSync(join(tmpdir(), 'reftrace-fleet-runs-'));
    expect((await run(['export', ...runs, '--out', dir])).status).toBe(0);
    const history = JSON.parse((await run(['history', ...runs, '--json'])).out) as {
      runs: { log: string }[];
      sites: { file: string; function: string; type: string; firstLeakRun: number; live: (number | null)[] }[];
    };
    const duck = await openDuck();
    try {
      const rows = await duck.all(HISTORY_SQL(dir));
      expect(rows.map((r) => `${r.file} ${r.function} ${r.type} ${r.first_leak_run}`)).toEqual(
        history.sites.map((s) => `${s.file.split('/').pop()} ${s.function} ${s.type} r${s.firstLeakRun + 1}.log.gz`),
      );
      // The live counts of the runs it leaks in are the history's.
      for (const s of history.sites) {
        const row = rows.find((r) => r.function === s.function)!;
        const live = String(row.live)
          .replace(/[[\]\s]/g, '')
          .split(',')
          .map(Number);
        expect(live.slice(-(6 - s.firstLeakRun))).toEqual(s.live.slice(s.firstLeakRun));
      }
    } finally {
      duck.close();
    }
  });
});
