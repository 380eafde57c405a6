// The Summary's Parquet downloads: the worker writes exactly the bytes the engine's Parquet writer
// writes in Node for the same log (as `reftrace export` does, over more than one row group), and
// DuckDB reads each file back with the analysis's counts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { ROW_GROUP_ROWS, writeParquetTable } from '../../src/engine/query/fleet/parquet.ts';
import { fleetTables } from '../../src/engine/query/fleet/tables.ts';
import type { LogStore } from '../../src/engine/store/log-store.ts';
import { openDuck, sqlPath } from '../support/duckdb.ts';
import { openFileByInput, tempDir, tid, useBrowser, waitDone, writeGeneratedLog } from './support/index.ts';

const b = useBrowser();

let tmp: Awaited<ReturnType<typeof tempDir>>;
let log = '';
let store: LogStore;
beforeAll(async () => {
  tmp = await tempDir('reftrace-parquet-');
  log = join(tmp.dir, 'fleet-run.log');
  // Over 32k events: the events file has two row groups, so the worker's writer flushes between them.
  await writeGeneratedLog(log, { lines: 50_000, seed: 12, duplicateRate: 0.01, untrackedRate: 0.01 });
  store = analyseChunks([new Uint8Array(await readFile(log))], 'fleet-run.log').store;
});
afterAll(() => tmp?.cleanup());

test(
  "events, live and pairs .parquet: the engine writer's bytes, read back by DuckDB",
  { timeout: 120_000 },
  async () => {
    const page = await b.openApp();
    await openFileByInput(page, log);
    await waitDone(page);
    const duck = await openDuck();
    try {
      for (const table of fleetTables(store)) {
        const file = await page.downloadBytes(tid(`parquet-${table.name}`));
        expect(file.name).toBe(`fleet-run-${table.name}.parquet`);
        const want = new ByteWriter();
        await writeParquetTable(want, table, ROW_GROUP_ROWS, 'RefTrace Viewer');
        expect(file.bytes.length, table.name).toBe(want.getBytes().length);
        expect(Buffer.compare(file.bytes, Buffer.from(want.getBytes())), table.name).toBe(0);

        const path = join(tmp.dir, file.name);
        await writeFile(path, file.bytes);
        const [row] = await duck.all(`select count(*) as n from read_parquet(${sqlPath(path)})`);
        expect(row.n, table.name).toBe(table.rows);
      }
      const events = join(tmp.dir, 'fleet-run-events.parquet');
      const [kinds] = await duck.all(
        `select count(*) filter (where kind = 'NEW') as new, count(*) filter (where kind = 'DEL') as del from read_parquet(${sqlPath(events)})`,
      );
      const summary = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="summary-new"], [data-testid="summary-del"]')].map((e) =>
          Number(e.textContent!.replace(/\D/g, '')),
        ),
      );
      expect([kinds.new, kinds.del]).toEqual(summary);
      expect(store.seed.liveMap.size).toBe(fleetTables(store).find((t) => t.name === 'live')!.rows);
      expect(page.errors()).toEqual([]);
    } finally {
      duck.close();
    }
  },
);
