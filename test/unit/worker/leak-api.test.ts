// The worker's leak-finding API: what the page asks for suspects, the heap at T, growth, a row's
// lifetimes and live series, answered from the session's open log.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../../src/engine/query/leak-queries.ts';
import { AnalysisSession } from '../../../src/worker/session.ts';
import { generateLog, SHAPES } from '../../support/reflog-generator.ts';

const bytes = new Uint8Array(
  Buffer.concat([...generateLog({ lines: 20_000, seed: 51, shapes: true, leakEvery: 0 }).chunks]),
);

describe('the worker answers leak queries', async () => {
  const session = new AnalysisSession();
  await session.open({ kind: 'file', file: new Blob([bytes as BlobPart]), name: 'shapes.log' }, () => {});
  const plain = analyseChunks([bytes]);
  const [first, last] = [plain.store.clockFirst!, plain.store.clockLast!];

  it('suspects, snapshot and growth equal the engine on the same bytes', () => {
    const q = leakQueriesOf(plain.store);
    expect(session.ask('suspects', { by: 'site', limit: 5 })).toEqual(q.suspects('site', 5));
    expect(session.ask('suspects', { by: 'type', limit: 5 })[0].type).toBe(SHAPES.leak.type);
    const mid = (first + last) / 2;
    expect(session.ask('heap', { at: mid })).toEqual(q.snapshot({ at: mid }));
    expect(session.ask('growth', { from: first, to: mid })).toEqual(q.growth(first, mid));
  });

  it("a suspect's detail: its lifetimes and its live count over the run", () => {
    const [leak] = session.ask('suspects', { by: 'site', limit: 1 });
    const h = session.ask('lifetimes', { subject: { kind: 'site', site: leak } });
    expect([h.pairs, h.alive, h.temporary]).toEqual([0, leak.live, 0]);
    const series = session.ask('subjectSeries', { subject: { kind: 'site', site: leak }, buckets: 50 });
    expect(series.length).toBeGreaterThan(40);
    expect(series.at(-1)!.live).toBe(leak.live);
    for (let i = 1; i < series.length; i++) expect(series[i].live).toBeGreaterThanOrEqual(series[i - 1].live);
    const churn = session.ask('lifetimes', { subject: { kind: 'type', type: SHAPES.churn.type } });
    expect(churn.pairs).toBeGreaterThan(0);
    expect(churn.temporary).toBe(churn.pairs);
    expect(session.ask('lifetimes', { subject: { kind: 'type', type: 'no such type' } }).pairs).toBe(0);
  });

  it('tables take a view and an ignore list; a growth window has its own columns', () => {
    const view = { from: first + (last - first) / 2, to: last };
    expect(session.ask('columns', { table: 'types', view: view }).map((c) => c.id)).toEqual([
      'type',
      'aliveFrom',
      'aliveTo',
      'delta',
      'createdAlive',
    ]);
    const w = session.ask('rows', {
      table: 'types',
      view,
      sort: [{ column: 'delta', desc: true }],
      offset: 0,
      limit: 1,
    });
    expect(w.rows[0].type).toBe(SHAPES.leak.type);
    const ignored = session.ask('rows', {
      table: 'types',
      view,
      ignore: { types: [SHAPES.leak.type], files: [] },
      sort: [{ column: 'delta', desc: true }],
      offset: 0,
      limit: 1,
    });
    expect(ignored.rows[0].type).not.toBe(SHAPES.leak.type);
  });
});
