// The tables at an instant are the tables of the log cut there (analysed from scratch); over a
// growth window they are the growth report's numbers; the ignore list leaves rows out everywhere.

import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../../../src/engine/query/leak-queries.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import type { IgnoreList, Row, TableId, TimeView } from '../../../../src/engine/types.ts';
import { analyseCutAt } from '../../../support/cut-oracle.ts';
import { fixture, fixtureLogs } from '../../../support/fixtures.ts';
import { Rng } from '../../../support/fuzz.ts';
import { generateLog, SHAPES } from '../../../support/reflog-generator.ts';

const sources: [string, Uint8Array][] = [
  ...fixtureLogs('samples').map((p): [string, Uint8Array] => [p, fixture(p)]),
  ...['bad/duplicate-new.log', 'bad/crlf.log', 'bad/no-eof.log', 'bad/cut-4095.log'].map((p): [string, Uint8Array] => [
    p,
    fixture(p),
  ]),
  ...[
    { lines: 3000, seed: 41, duplicateRate: 0.03, untrackedRate: 0.03 },
    { lines: 4000, seed: 42, shapes: true, leakEvery: 0 },
  ].map((o): [string, Uint8Array] => [JSON.stringify(o), new Uint8Array(Buffer.concat([...generateLog(o).chunks]))]),
];

function rows(a: Analysis, table: TableId, view?: TimeView, ignore?: IgnoreList, sortBy = 'logLine'): Row[] {
  const q = new Engine(a).tables;
  const cols = q.columns(table, view).map((c) => c.id);
  const sort = cols.includes(sortBy)
    ? [{ column: sortBy, desc: false }]
    : cols.includes('type')
      ? [{ column: 'type', desc: false }]
      : [];
  return q.page({ table, view, ignore, sort, offset: 0, limit: 1e9 }).rows;
}

const keyed = (rs: Row[], key: (r: Row) => string) => Object.fromEntries(rs.map((r) => [key(r), r]));
const siteKey = (r: Row) => `${r.file}:${r.line}:${r.function}`;

describe('tables at an instant are the tables of the log cut there', () => {
  it.each(sources)('%s', (name, bytes) => {
    const whole = analyseChunks([bytes]);
    const rng = new Rng(bytes.length);
    const [first, last] = [whole.store.clockFirst ?? 0, whole.store.clockLast ?? 0];
    for (let k = 0; k < 6; k++) {
      const at = first + rng.next() * (last - first);
      const cut = analyseCutAt(bytes, whole, at);
      const view = { at };
      for (const table of ['live', 'pairs', 'untracked', 'duplicates'] as TableId[]) {
        const got = rows(whole, table, view).map((r) => `${r.address} ${r.logLine ?? r.newLogLine}`);
        const want = rows(cut, table).map((r) => `${r.address} ${r.logLine ?? r.newLogLine}`);
        expect(got, `${name} ${table} at ${at}`).toEqual(want);
      }
      if (whole.store.notes.probKind.includes('split-record')) continue;
      expect(
        keyed(rows(whole, 'types', view), (r) => String(r.type)),
        `${name} types at ${at}`,
      ).toEqual(keyed(rows(cut, 'types'), (r) => String(r.type)));
      const strip = (r: Row): Row => ({ ...r, typeCount: null, topType: null });
      const sitesGot = keyed(rows(whole, 'sites', view, undefined, 'file').map(strip), siteKey);
      const sitesWant = keyed(rows(cut, 'sites', undefined, undefined, 'file').map(strip), siteKey);
      expect(sitesGot, `${name} sites at ${at}`).toEqual(sitesWant);
    }
  });

  it('after the last event, every table is the end state', () => {
    const a = analyseChunks([sources[0][1]]);
    for (const table of ['live', 'pairs', 'untracked', 'duplicates', 'types', 'sites'] as TableId[])
      expect(rows(a, table, { at: a.store.clockLast! + 1 }), table).toEqual(rows(a, table));
  });
});

describe('growth tables', () => {
  it('types and sites carry alive at A, at B, their difference and created-and-alive, as the growth report', () => {
    const a = analyseChunks(generateLog({ lines: 20_000, seed: 43, shapes: true, leakEvery: 0 }).chunks);
    const [first, last] = [a.store.clockFirst!, a.store.clockLast!];
    const view = { from: first + (last - first) / 3, to: last };
    const report = leakQueriesOf(a.store).growth(view.from, view.to);
    const types = rows(a, 'types', view);
    expect(Object.fromEntries(types.map((r) => [r.type, [r.aliveFrom, r.aliveTo, r.createdAlive]]))).toEqual(
      report.types,
    );
    for (const r of types) expect(r.delta).toBe((r.aliveTo as number) - (r.aliveFrom as number));
    const sites = rows(a, 'sites', view, undefined, 'file');
    expect(sites.length).toBe(report.sites.length);
    const leak = sites.find((r) => r.function === SHAPES.leak.site[2])!;
    const fromReport = report.sites.find((x) => x.function === SHAPES.leak.site[2])!;
    expect([leak.aliveFrom, leak.aliveTo, leak.createdAlive]).toEqual([
      fromReport.aliveFrom,
      fromReport.aliveTo,
      fromReport.createdAndAlive,
    ]);
    // The live table of a growth window: created after A and alive at B.
    const live = rows(a, 'live', view);
    expect(live.length).toBe(report.createdAndAlive);
    for (const r of live) expect(r.clock as number).toBeGreaterThan(view.from);
  });
});

describe('the ignore list', () => {
  const a = analyseChunks(generateLog({ lines: 20_000, seed: 44, shapes: true, leakEvery: 0 }).chunks);
  const ignore = { types: [SHAPES.leak.type], files: ['cache.py'] };

  it('leaves ignored types and files out of every event table', () => {
    for (const table of ['live', 'pairs', 'untracked', 'duplicates'] as TableId[]) {
      const all = rows(a, table);
      const kept = rows(a, table, undefined, ignore);
      const ignored = (r: Row) => r.type === SHAPES.leak.type || r.file === 'cache.py' || r.newFile === 'cache.py';
      expect(kept, table).toEqual(all.filter((r) => !ignored(r)));
    }
    expect(rows(a, 'live', undefined, ignore).length).toBeLessThan(rows(a, 'live').length);
  });

  it('and out of the types and sites tables and their counts', () => {
    const types = rows(a, 'types', undefined, ignore);
    expect(types.map((r) => r.type)).not.toContain(SHAPES.leak.type);
    const cacheRow = types.find((r) => r.type === SHAPES.cache.type);
    expect(cacheRow).toBeUndefined(); // every CacheEntry is made in cache.py
    const sites = rows(a, 'sites', undefined, ignore, 'file');
    expect(sites.map((r) => r.file)).not.toContain('cache.py');
    expect(sites.map((r) => r.function)).not.toContain(SHAPES.leak.site[2]);
    // Without an ignore list the counted path gives the seed's numbers.
    const end = rows(a, 'types');
    const counted = rows(a, 'types', { at: Infinity });
    expect(counted).toEqual(end);
  });
});
