// The worker's additions for the page's leak views: the phases as a windowed table (sorted,
// filtered, exported), a site's id by its name, and a growth window's export with its own columns.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import { leakQueriesOf } from '../../../src/engine/query/leak-queries.ts';
import type { ColumnInfo } from '../../../src/engine/types.ts';
import { phaseRows, phaseWindow } from '../../../src/worker/phase-table.ts';
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

describe('the phases as a table', async () => {
  const session = await openSession();
  const phases = leakQueriesOf(analyseChunks([bytes]).store).phases();

  it('one row per phase, numbered in clock order, with the engine numbers', () => {
    expect(phases.length).toBeGreaterThan(10);
    const w = session.phaseTable({ offset: 0, limit: 1000 });
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
    const byCreated = session.phaseTable({
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
    const byFrom = session.phaseTable({ sort: [{ column: 'from', desc: false }], offset: 0, limit: 2 }).rows;
    expect(byFrom[0].from).toBeNull();
    const w = session.phaseTable({ text: 'CHECKPOINT 1', offset: 0, limit: 1000 });
    expect(w.matched).toBeGreaterThan(0);
    expect(w.rows.every((r) => String(r.message).toLowerCase().includes('checkpoint 1'))).toBe(true);
    const page = session.phaseTable({ offset: 3, limit: 2 });
    expect(page.rows.map((r) => r.phase)).toEqual([4, 5]);
    expect(phaseWindow(phaseRows(phases), { offset: 1e9, limit: 5 }).rows).toEqual([]);
  });

  it('the ignore list changes the numbers, not the phases', () => {
    const ignore = { types: [SHAPES.leak.type, SHAPES.cache.type], files: [] };
    const w = session.phaseTable({ ignore, offset: 0, limit: 1000 });
    expect(w.rows).toEqual(phaseRows(leakQueriesOf(analyseChunks([bytes]).store).phases(ignore)));
    expect(w.rows.map((r) => r.from)).toEqual(phases.map((p) => p.from));
  });

  it('exports the rows as shown with the columns given', async () => {
    const columns: ColumnInfo[] = [
      { id: 'phase', title: 'Phase', kind: 'int' },
      { id: 'message', title: 'Message', kind: 'text' },
      { id: 'createdAndAlive', title: 'Created and alive', kind: 'int' },
    ];
    const csv = await session
      .exportPhases({ sort: [{ column: 'createdAndAlive', desc: true }] }, columns, 'csv')
      .text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Phase,Message,Created and alive');
    expect(lines).toHaveLength(phases.length + 1);
    const top = session.phaseTable({ sort: [{ column: 'createdAndAlive', desc: true }], offset: 0, limit: 1 }).rows[0];
    expect(lines[1]).toBe(`${top.phase},${top.message ?? ''},${top.createdAndAlive}`);
  });
});

describe('a site by its name, and a growth window exported', async () => {
  const session = await openSession();
  const [file, line, fn] = SHAPES.leak.site;

  it("siteId finds the suspect's site; -1 for a name the log lacks", () => {
    const [leak] = session.suspects({ by: 'site', limit: 1 });
    expect(session.siteId({ file, line, function: fn })).toBe(leak.key);
    expect(session.siteId({ file: 'leaky.py', line, function: fn })).toBe(-1);
    expect(new AnalysisSession().siteId({ file, line, function: fn })).toBe(-1);
  });

  it("a growth window's table exports with its own columns", async () => {
    const s = session.summary()!;
    const view = { from: s.clockFirst!, to: s.clockLast! };
    const csv = await session
      .exportTable({ table: 'types', view, sort: [{ column: 'delta', desc: true }] }, 'csv')
      .text();
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('Type,Alive at A,Alive at B,Δ,"New in A..B, alive at B"');
    expect(first.startsWith(`${SHAPES.leak.type},`)).toBe(true);
  });
});
