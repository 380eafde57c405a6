// The phases as a table like the others (paged, sorted, filtered, exported), a suspect's site
// found by its name, and a growth window's export with its own columns.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../../src/engine/query/leak-queries.ts';
import type { Phase } from '../../../src/engine/query/phases.ts';
import { AnalysisSession } from '../../../src/worker/session.ts';
import { generateLog, SHAPES } from '../../support/reflog-generator.ts';

const bytes = new Uint8Array(
  Buffer.concat([...generateLog({ lines: 20_000, seed: 52, shapes: true, leakEvery: 0, msgRate: 0.002 }).chunks]),
);

async function openSession(): Promise<AnalysisSession> {
  const session = new AnalysisSession();
  await session.open({ kind: 'file', file: new Blob([bytes as BlobPart]), name: 'phases.log' }, () => {});
  return session;
}

/** One row per phase, numbered from 1 in clock order. */
const phaseRows = (phases: Phase[]) => phases.map((p, i) => ({ phase: i + 1, ...p }));

describe('the phases as a table', async () => {
  const session = await openSession();
  const phases = leakQueriesOf(analyseChunks([bytes]).store).phases();

  it('one row per phase, numbered in clock order, with the engine numbers', () => {
    expect(phases.length).toBeGreaterThan(10);
    const w = session.ask('rows', { table: 'phases', offset: 0, limit: 1000 });
    expect([w.total, w.matched, w.offset]).toEqual([phases.length, phases.length, 0]);
    expect(w.rows).toEqual(phaseRows(phases));
    expect(w.rows[0]).toMatchObject({ phase: 1, from: null, message: null, kind: 'start' });
    expect(w.rows[1]).toMatchObject({
      phase: 2,
      from: phases[1].from,
      message: phases[1].message,
      createdAndAlive: phases[1].createdAndAlive,
    });
  });

  it('sorts by any column (stable, nulls first), filters by message, answers a window', () => {
    const byCreated = session.ask('rows', {
      table: 'phases',
      sort: [{ column: 'createdAndAlive', desc: true }],
      offset: 0,
      limit: 1000,
    }).rows;
    const created = byCreated.map((r) => r.createdAndAlive as number);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    // Equal keys keep the clock order.
    for (let i = 1; i < byCreated.length; i++)
      if (created[i] === created[i - 1])
        expect(byCreated[i].phase as number).toBeGreaterThan(byCreated[i - 1].phase as number);
    const byFrom = session.ask('rows', {
      table: 'phases',
      sort: [{ column: 'from', desc: false }],
      offset: 0,
      limit: 2,
    }).rows;
    expect(byFrom[0].from).toBeNull();
    const w = session.ask('rows', { table: 'phases', filter: { text: 'CHECKPOINT 1' }, offset: 0, limit: 1000 });
    expect(w.matched).toBeGreaterThan(0);
    expect(w.rows.every((r) => String(r.message).toLowerCase().includes('checkpoint 1'))).toBe(true);
    const page = session.ask('rows', { table: 'phases', offset: 3, limit: 2 });
    expect(page.rows.map((r) => r.phase)).toEqual([4, 5]);
    expect(session.ask('rows', { table: 'phases', offset: 1e9, limit: 5 }).rows).toEqual([]);
  });

  it('the ignore list changes the numbers, not the phases', () => {
    const ignore = { types: [SHAPES.leak.type, SHAPES.cache.type], files: [] };
    const w = session.ask('rows', { table: 'phases', ignore, offset: 0, limit: 1000 });
    expect(w.rows).toEqual(phaseRows(leakQueriesOf(analyseChunks([bytes]).store).phases(ignore)));
    expect(w.rows.map((r) => r.from)).toEqual(phases.map((p) => p.from));
  });

  it('exports the rows as shown with its columns', async () => {
    const csv = session
      .ask('export', { table: 'phases', sort: [{ column: 'createdAndAlive', desc: true }], format: 'csv' })
      .join('');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Phase,Start,End,Message,Kind,Log line,NEW,DEL,Net live,"Created, alive at end",RSS change');
    expect(lines).toHaveLength(phases.length + 1);
    const top = session.ask('rows', {
      table: 'phases',
      sort: [{ column: 'createdAndAlive', desc: true }],
      offset: 0,
      limit: 1,
    }).rows[0];
    const cells = lines[1].split(',');
    expect([cells[0], cells[3], cells[9]]).toEqual([String(top.phase), top.message ?? '', String(top.createdAndAlive)]);
  });
});

describe('a site by its name, and a growth window exported', async () => {
  const session = await openSession();
  const [file, line, fn] = SHAPES.leak.site;

  it("a site is asked by its name: the suspect's detail; nothing for a name the log lacks", () => {
    const [leak] = session.ask('suspects', { by: 'site', limit: 1 });
    const of = (site: { file: string; line: number; function: string }) =>
      session.ask('lifetimes', { subject: { kind: 'site', site } });
    expect(of({ file, line, function: fn }).alive).toBe(leak.live);
    expect(of({ file: 'leaky.py', line, function: fn }).alive).toBe(0);
    expect(
      new AnalysisSession().ask('lifetimes', { subject: { kind: 'site', site: { file, line, function: fn } } }).alive,
    ).toBe(0);
  });

  it("a growth window's table exports with its own columns", async () => {
    const s = session.ask('summary');
    const view = { from: s.clockFirst!, to: s.clockLast! };
    const csv = session
      .ask('export', { table: 'types', view, sort: [{ column: 'delta', desc: true }], format: 'csv' })
      .join('');
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('Type,Alive at A,Alive at B,Δ,"New in A..B, alive at B"');
    expect(first.startsWith(`${SHAPES.leak.type},`)).toBe(true);
  });
});
