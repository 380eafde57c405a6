// Heap at T and growth A->B against the oracle (the log cut at T, analysed from scratch) on every
// sample and fixture, generated logs and fuzzed copies, for random instants.

import { describe, expect, it } from 'vitest';
import { analyseChunks, type Analysis } from '../../../../src/engine/analysis.ts';
import { aliveRows } from '../../../../src/engine/query/heap.ts';
import { ANY_TIME } from '../../../../src/engine/query/tables/moment.ts';
import { leakQueriesOf } from '../../../../src/engine/query/leak-queries.ts';
import { analyseCutAt, liveBySite, liveByType, liveLines } from '../../../support/cut-oracle.ts';
import { fixture, fixtureLogs } from '../../../support/fixtures.ts';
import { flipBytes, mutateLines, Rng } from '../../../support/fuzz.ts';
import { generateLog } from '../../../support/reflog-generator.ts';

const sources: [string, Uint8Array][] = [
  ...fixtureLogs('samples').map((p): [string, Uint8Array] => [p, fixture(p)]),
  ...fixtureLogs('bad').map((p): [string, Uint8Array] => [p, fixture(p)]),
  ...[
    { lines: 3000, seed: 31, duplicateRate: 0.03, untrackedRate: 0.03 },
    { lines: 2000, seed: 32, oddNames: true, msgRate: 0.01 },
    { lines: 3000, seed: 33, shapes: true, leakEvery: 0 },
  ].map((o): [string, Uint8Array] => [JSON.stringify(o), new Uint8Array(Buffer.concat([...generateLog(o).chunks]))]),
];

/** Instants to test: before the first event, after the last, at event clocks, between them. */
function instants(a: Analysis, rng: Rng, n: number): number[] {
  const s = a.store;
  const first = s.clockFirst ?? 0;
  const last = s.clockLast ?? 0;
  const out = [first - 1, last + 1, first, last];
  for (let i = 0; i < n; i++) {
    if (s.eventCount > 0 && rng.chance(0.5)) out.push(s.clock.get(rng.int(s.eventCount)));
    else out.push(first + rng.next() * (last - first));
  }
  return out;
}

function hasSplitRecords(a: Analysis): boolean {
  return a.store.notes.probKind.includes('split-record');
}

/** The heap at t by the engine, as the oracle's shapes. */
function engineHeap(a: Analysis, t: number) {
  const q = leakQueriesOf(a.store);
  const s = a.store;
  const rows = aliveRows(s, q.ends.current(), q.instants.prefixAt(t), ANY_TIME, null);
  const snap = q.snapshot({ at: t });
  const sites: Record<string, number> = {};
  for (const x of snap.sites) sites[`${x.file}:${x.line}:${x.function}`] = x.alive;
  return {
    lines: [...rows].map((e) => s.lineOf(e)).sort((x, y) => x - y),
    alive: snap.alive,
    types: snap.types,
    sites,
  };
}

function checkHeap(name: string, bytes: Uint8Array, rng: Rng, count: number, failures: string[]): void {
  const a = analyseChunks([bytes]);
  for (const t of instants(a, rng, count)) {
    const want = analyseCutAt(bytes, a, t);
    const got = engineHeap(a, t);
    const wantLines = liveLines(want);
    if (JSON.stringify(got.lines) !== JSON.stringify(wantLines) || got.alive !== wantLines.length) {
      failures.push(`${name} at ${t}: alive lines ${got.lines.length} vs oracle ${wantLines.length}`);
      continue;
    }
    // A record split over two lines gets its type and site from its second line: a cut between them differs.
    if (hasSplitRecords(a)) continue;
    if (JSON.stringify(sorted(got.types)) !== JSON.stringify(sorted(liveByType(want))))
      failures.push(`${name} at ${t}: per type`);
    if (JSON.stringify(sorted(got.sites)) !== JSON.stringify(sorted(liveBySite(want))))
      failures.push(`${name} at ${t}: per site`);
  }
}

const sorted = (r: Record<string, number>) => Object.entries(r).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

describe('heap at T equals the log cut at T, analysed from scratch', () => {
  it.each(sources)('%s', (name, bytes) => {
    const failures: string[] = [];
    checkHeap(name, bytes, new Rng(bytes.length), 12, failures);
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('on 300 fuzzed copies (bytes flipped, lines shuffled, dropped, cut)', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Rng(seed);
      const [name, src] = sources[seed % sources.length];
      const bytes = rng.chance(0.5)
        ? flipBytes(rng, src, rng.range(1, 30))
        : mutateLines(rng, src, ['shuffle', 'duplicate', 'drop', 'swap', 'cut'], rng.range(1, 6));
      checkHeap(`seed ${seed} (${name})`, bytes, rng, 3, failures);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('before the first event nothing is alive; after the last it is the end state', () => {
    const a = analyseChunks([fixture('samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log')]);
    const q = leakQueriesOf(a.store);
    expect(q.snapshot({ at: a.store.clockFirst! - 1 })).toEqual({
      at: a.store.clockFirst! - 1,
      alive: 0,
      types: {},
      sites: [],
    });
    const end = q.snapshot({ at: a.store.clockLast! + 100 });
    expect(end.alive).toBe(a.summary().live);
    expect(end.alive).toBe(61);
    expect(end.types).toEqual({ StringAndTime: 20, 'datetime.datetime': 20, Fraction: 20, ModuleSpec: 1 });
  });
});

describe('growth A->B', () => {
  it.each(sources.filter(([n]) => !n.startsWith('bad/')))(
    '%s: alive at A, at B, and created after A alive at B, as the oracle says',
    (name, bytes) => {
      const a = analyseChunks([bytes]);
      const q = leakQueriesOf(a.store);
      const rng = new Rng(7);
      const ts = instants(a, rng, 10).sort((x, y) => x - y);
      for (let i = 0; i + 1 < ts.length; i += 2) {
        const [from, to] = [ts[i], ts[i + 1] + 1e-6];
        const g = q.growth(from, to);
        const atA = analyseCutAt(bytes, a, from);
        const atB = analyseCutAt(bytes, a, to);
        expect(g.aliveFrom, `${name} ${from}`).toBe(liveLines(atA).length);
        expect(g.aliveTo, `${name} ${to}`).toBe(liveLines(atB).length);
        let created = 0;
        const perType: Record<string, number> = {};
        atB.store.seed.liveMap.forEachValue((e) => {
          if (atB.store.clock.get(e) > from) {
            created++;
            const t = atB.store.types.strings[atB.store.typeOf(e)];
            perType[t] = (perType[t] ?? 0) + 1;
          }
        });
        expect(g.createdAndAlive, `${name} ${from}..${to}`).toBe(created);
        const fromEngine = Object.fromEntries(
          Object.entries(g.types)
            .filter(([, v]) => v[2] > 0)
            .map(([t, v]) => [t, v[2]]),
        );
        expect(sorted(fromEngine)).toEqual(sorted(perType));
        // Per type, alive at A and at B are the snapshots'.
        for (const [t, [x, y]] of Object.entries(g.types)) {
          expect(x).toBe(q.snapshot({ at: from }).types[t] ?? 0);
          expect(y).toBe(q.snapshot({ at: to }).types[t] ?? 0);
        }
      }
    },
  );

  it('lists the biggest growth first', () => {
    const bytes = new Uint8Array(
      Buffer.concat([...generateLog({ lines: 20000, seed: 5, shapes: true, leakEvery: 0 }).chunks]),
    );
    const a = analyseChunks([bytes]);
    const q = leakQueriesOf(a.store);
    const mid = (a.store.clockFirst! + a.store.clockLast!) / 2;
    const g = q.growth(mid, a.store.clockLast!);
    const deltas = Object.values(g.types).map(([x, y]) => y - x);
    expect(deltas).toEqual([...deltas].sort((x, y) => y - x));
    // After the cache filled, only the steady leak grows.
    expect(Object.keys(g.types)[0]).toBe('LeakyRecord');
    expect(g.types.CacheEntry?.[2] ?? 0).toBe(0);
    expect(g.sites[0].function).toBe('remember_forever');
  });
});

describe("one site's or type's moments (a row's detail)", () => {
  it.each(sources.filter(([n]) => !n.startsWith('bad/')))(
    '%s: equal its rows of the heap at T and of growth A..B, with and without an ignore list',
    (name, bytes) => {
      const a = analyseChunks([bytes]);
      const q = leakQueriesOf(a.store);
      const s = a.store;
      const ts = instants(a, new Rng(11), 4).sort((x, y) => x - y);
      const [from, to] = [ts[1], ts[ts.length - 2] + 1e-6];
      const at = ts[2];
      const ignores = [
        undefined,
        { types: [s.types.strings[0]], files: [] },
        { types: [], files: [s.files.strings[s.sites.file[0]]] },
      ];
      for (const ignore of ignores) {
        const snap = q.snapshot({ at: at }, ignore);
        const g = q.growth(from, to, ignore);
        for (let t = 0; t < s.types.size; t++) {
          const m = q.groupMoments({ type: t }, at, { from, to }, ignore);
          const name_ = s.types.strings[t];
          expect(m.at, `${name} ${name_}`).toEqual({ t: at, alive: snap.types[name_] ?? 0 });
          const [x, y, c] = g.types[name_] ?? [0, 0, 0];
          expect(m.growth, `${name} ${name_}`).toEqual({ from, to, aliveFrom: x, aliveTo: y, createdAndAlive: c });
        }
        for (let i = 0; i < s.sites.size; i++) {
          const m = q.groupMoments({ site: i }, at, { from, to }, ignore);
          const site = q.siteName(i);
          const same = (x: { file: string; line: number; function: string }) =>
            x.file === site.file && x.line === site.line && x.function === site.function;
          expect(m.at!.alive).toBe(snap.sites.find(same)?.alive ?? 0);
          const row = g.sites.find(same);
          expect([m.growth!.aliveFrom, m.growth!.aliveTo, m.growth!.createdAndAlive]).toEqual(
            row ? [row.aliveFrom, row.aliveTo, row.createdAndAlive] : [0, 0, 0],
          );
        }
      }
    },
  );

  it('asks only what is given: no T, no window', () => {
    const a = analyseChunks([fixture(fixtureLogs('samples')[0])]);
    const q = leakQueriesOf(a.store);
    expect(q.groupMoments({ type: 0 }, null, null)).toEqual({ at: null, growth: null });
    expect(q.groupMoments({ type: 0 }, 1e9, null).at!.alive).toBe(
      q.snapshot({ at: 1e9 }).types[a.store.types.strings[0]] ?? 0,
    );
  });
});

describe('the index', () => {
  it('costs at most 8 bytes per event', () => {
    const bytes = new Uint8Array(Buffer.concat([...generateLog({ lines: 50000, seed: 9 }).chunks]));
    const a = analyseChunks([bytes]);
    const q = leakQueriesOf(a.store);
    q.snapshot({ at: a.store.clockLast! });
    expect(q.ends.byteSize / a.store.eventCount).toBeLessThanOrEqual(8);
  });

  it('follows a store that grows while it is queried', () => {
    const bytes = new Uint8Array(
      Buffer.concat([...generateLog({ lines: 8000, seed: 10, duplicateRate: 0.02 }).chunks]),
    );
    const a = analyseChunks([]);
    const whole = analyseChunks([bytes]);
    const p = a.beginFile('log');
    const q = leakQueriesOf(a.store);
    for (let off = 0; off < bytes.length; off += 30_001) {
      p.push(bytes.subarray(off, off + 30_001));
      if (a.store.eventCount > 0) expect(q.snapshot({ at: a.store.clockLast! }).alive).toBe(a.store.seed.liveMap.size);
    }
    p.finish();
    const t = (whole.store.clockFirst! + whole.store.clockLast!) / 2;
    expect(q.snapshot({ at: t })).toEqual(leakQueriesOf(whole.store).snapshot({ at: t }));
  });
});
