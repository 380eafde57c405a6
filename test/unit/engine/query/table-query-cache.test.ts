// The query caches (sorted rows kept per sort, filters picked out of them, refinement of a longer
// text) must answer exactly as filtering then stably sorting from scratch. Each
// answer of one long-lived TableQueries is checked against a plain reference written here (names
// and clocks read one row at a time, Array.prototype.sort) and against a fresh TableQueries.

import { describe, expect, it } from 'vitest';
import { Analysis } from '../../../../src/engine/analysis.ts';
import type { LogStore } from '../../../../src/engine/store/log-store.ts';
import { addressPrefixTest } from '../../../../src/engine/query/address-match.ts';
import { Derived } from '../../../../src/engine/query/derived.ts';
import type { TableQueries } from '../../../../src/engine/query/table-query.ts';
import { tablesOf } from '../../../support/tables.ts';
import { tableDef } from '../../../../src/engine/query/tables/index.ts';
import { leakQueriesOf } from '../../../../src/engine/query/leak-queries.ts';
import type { SortSpec, TableFilter, TableId } from '../../../../src/engine/types.ts';
import { generateLog, type GeneratorOptions } from '../../../support/reflog-generator.ts';

type Query = { table: TableId; sort?: SortSpec[]; filter?: TableFilter; fullPath?: boolean };

function chunksOf(opts: GeneratorOptions): Uint8Array[] {
  return [...generateLog(opts, 64 * 1024).chunks].map((c) => c.slice());
}

function analyse(chunks: Uint8Array[]): Analysis {
  const a = new Analysis('log');
  const p = a.beginFile('log');
  for (const c of chunks) p.push(c);
  p.finish();
  return a;
}

/** Row ids and the events of each row (the first is the one a clock window tests). */
function rowsOf(s: LogStore, table: TableId): { ids: number[]; events: ((r: number) => number)[] } {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  switch (table) {
    case 'live':
      return { ids: [...new Derived(s).live()], events: [(r) => r] };
    case 'pairs':
      return {
        ids: range(s.seed.pairNew.length),
        events: [(r) => s.seed.pairNew.get(r), (r) => s.seed.pairDel.get(r)],
      };
    case 'untracked':
      return { ids: range(s.seed.untracked.length), events: [(r) => s.seed.untracked.get(r)] };
    case 'duplicates':
      return { ids: range(s.seed.dupNew.length), events: [(r) => s.seed.dupNew.get(r), (r) => s.seed.dupOld.get(r)] };
    default:
      throw new Error(`no reference for ${table}`);
  }
}

/** Filter, then stable sort: the meaning of a query on an event table, one row at a time. */
function reference(s: LogStore, q: Query): number[] {
  const { ids, events } = rowsOf(s, q.table);
  const f = q.filter ?? {};
  const text = f.text?.trim().toLowerCase() ?? '';
  const address = /^0x[0-9a-f]+$/.test(text);
  const matches = (e: number) => {
    if (address) return s.addressHex(e).includes(text);
    const site = s.site.get(e);
    const names = [
      s.types.strings[s.typeOf(e)],
      s.files.strings[s.sites.file[site]],
      s.funcs.strings[s.sites.func[site]],
    ];
    return names.some((n) => n.toLowerCase().includes(text));
  };
  const kept = ids.filter((r) => {
    if (text && !events.some((ev) => matches(ev(r)))) return false;
    const clock = s.clock.get(events[0](r));
    if (f.clockMin !== undefined && !(clock >= f.clockMin)) return false;
    if (f.clockMax !== undefined && !(clock <= f.clockMax)) return false;
    return true;
  });
  const columns = tableDef(q.table, s, new Derived(s), leakQueriesOf(s).view(undefined), !!q.fullPath).columns;
  const keys = (q.sort ?? []).map((sp) => ({ key: columns.find((c) => c.id === sp.column)!.key, desc: sp.desc }));
  return kept.sort((a, b) => {
    for (const { key, desc } of keys) {
      const x = key(a);
      const y = key(b);
      const nx = x !== x;
      const ny = y !== y;
      if (nx || ny) {
        if (nx && ny) continue;
        return nx ? 1 : -1; // NaN last either way
      }
      if (x !== y) return desc ? y - x : x - y;
    }
    return 0;
  });
}

const lifetimeDesc: SortSpec[] = [{ column: 'lifetime', desc: true }];
const typeThenClock: SortSpec[] = [
  { column: 'type', desc: false },
  { column: 'newClock', desc: true },
];

describe('cached answers equal fresh ones', () => {
  const a = analyse(chunksOf({ lines: 40_000, seed: 11, duplicateRate: 0.01, oddNames: true }));
  const s = a.store;
  const mid = ((s.clockFirst ?? 0) + (s.clockLast ?? 0)) / 2;

  /** Asks `cached`, and checks the answer against the reference and a fresh TableQueries. */
  const check = (cached: TableQueries, q: Query): number[] => {
    const got = [...cached.order(q).order];
    expect(got, JSON.stringify(q)).toEqual(reference(s, q));
    expect(got, `${JSON.stringify(q)}: fresh`).toEqual([...tablesOf(s).order(q).order]);
    const w = cached.page({ ...q, offset: 0, limit: 5 });
    expect(w.matched).toBe(got.length);
    return got;
  };

  it('the generated log has what the cases need', () => {
    expect(s.seed.pairNew.length).toBeGreaterThan(15_000);
    expect(s.seed.dupNew.length).toBeGreaterThan(10);
    expect(s.seed.untracked.length).toBeGreaterThan(10);
    expect(new Derived(s).live().length).toBeGreaterThan(100);
  });

  it('filter changes with the same sort (typing, deleting, other words, addresses)', () => {
    const q = tablesOf(s);
    const hex = s.addressHex(s.seed.pairNew.get(7));
    const texts = [
      '',
      'r',
      'ra',
      'ran',
      'rand',
      'random',
      'rando',
      'r',
      '',
      'STR',
      'str ',
      'xyzzy',
      'frozen',
      'frozen imp',
      'fro',
      '0',
      '0x',
      hex.slice(0, 3),
      hex.slice(0, 5),
      hex,
      hex.slice(0, 4),
      hex + '0',
      '0x' + 'f'.repeat(17),
      '0x0',
      '0x7g',
      'zip',
    ];
    for (const sort of [lifetimeDesc, [], typeThenClock]) {
      for (const text of texts) check(q, { table: 'pairs', sort, filter: { text } });
    }
    // An address text finds its row.
    expect(check(q, { table: 'pairs', filter: { text: hex } })).toContain(7);
  });

  it('refinement: "ran" then "random" narrows, and going back to "ra" does not reuse the narrower answer', () => {
    const q = tablesOf(s);
    check(q, { table: 'pairs', sort: lifetimeDesc });
    const ran = check(q, { table: 'pairs', sort: lifetimeDesc, filter: { text: 'ran' } });
    const random = check(q, { table: 'pairs', sort: lifetimeDesc, filter: { text: 'random' } });
    const ra = check(q, { table: 'pairs', sort: lifetimeDesc, filter: { text: 'ra' } });
    expect(random.length).toBeGreaterThan(0);
    expect(ran.length).toBeGreaterThan(random.length);
    expect(ra.length).toBeGreaterThan(ran.length);
  });

  it('sort changes with the same filter, with and without full paths', () => {
    const q = tablesOf(s);
    const sorts: SortSpec[][] = [
      lifetimeDesc,
      typeThenClock,
      [{ column: 'newFile', desc: false }],
      [{ column: 'address', desc: true }],
      [],
      lifetimeDesc,
    ];
    for (const text of ['random', 'r', '']) {
      for (const sort of sorts) {
        for (const fullPath of [false, true]) check(q, { table: 'pairs', sort, filter: { text }, fullPath });
      }
    }
  });

  it('every event table, through typing and sorting', () => {
    for (const table of ['live', 'untracked', 'duplicates', 'pairs'] as TableId[]) {
      const q = tablesOf(s);
      const clock = table === 'pairs' || table === 'duplicates' ? 'newClock' : 'clock';
      const sorts: SortSpec[][] = [[], [{ column: clock, desc: true }], [{ column: 'type', desc: false }]];
      for (const sort of sorts) {
        for (const text of ['', 'd', 'di', 'dic', 'dict', 'di', 'py', 'random', ''])
          check(q, { table, sort, filter: { text } });
      }
    }
  });

  it('clock windows, alone and with a text, as the window and the text change', () => {
    const q = tablesOf(s);
    // Bounds equal to clocks of rows, as well as between them: both ends are inclusive.
    const at = (r: number) => s.clock.get(s.seed.pairNew.get(r));
    const windows: TableFilter[] = [
      { clockMin: mid },
      { clockMax: mid },
      { clockMin: at(100), clockMax: at(9000) },
      {},
      { clockMin: at(5000) },
      { clockMax: at(5000) },
    ];
    for (const table of ['pairs', 'live'] as TableId[]) {
      const sort: SortSpec[] = table === 'pairs' ? lifetimeDesc : [{ column: 'clock', desc: false }];
      for (const w of windows) {
        for (const text of ['', 'r', 'ra', 'random', 'ra', '0x7', ''])
          check(q, { table, sort, filter: { ...w, text } });
      }
    }
    // A window keeps fewer rows than none.
    expect(check(q, { table: 'pairs', filter: { clockMin: mid } }).length).toBeLessThan(s.seed.pairNew.length);
  });

  it('the other tables: the cached answer equals a fresh one', () => {
    const q = tablesOf(s);
    for (const table of ['types', 'sites', 'messages', 'problems'] as TableId[]) {
      for (const text of ['', 'r', 'ra', 'random', 'ra', '']) {
        const qq = { table, filter: { text }, sort: [] };
        expect([...q.order(qq).order], `${table} ${text}`).toEqual([...tablesOf(s).order(qq).order]);
      }
    }
  });
});

describe('a table queried while the log is still being read', () => {
  it('never answers from an older store: more events after a query give the new rows', () => {
    const chunks = chunksOf({ lines: 30_000, seed: 5, oddNames: true });
    const a = new Analysis('log');
    const p = a.beginFile('log');
    const s = a.store;
    const q = tablesOf(s);
    const queries: Query[] = [
      { table: 'pairs', sort: lifetimeDesc, filter: { text: 'random' } },
      { table: 'pairs', sort: lifetimeDesc, filter: { text: 'rand' } },
      { table: 'pairs', sort: lifetimeDesc },
      { table: 'live', sort: [{ column: 'clock', desc: true }], filter: { text: 'r' } },
    ];
    const seen: number[] = [];
    let i = 0;
    for (const step of [0.3, 0.6, 1]) {
      for (; i < Math.floor(chunks.length * step); i++) p.push(chunks[i]);
      if (step === 1) p.finish();
      // Twice each: the second is answered from the caches of this state of the store.
      for (let twice = 0; twice < 2; twice++) {
        for (const qq of queries) {
          const got = [...q.order(qq).order];
          expect(got, `${step} ${JSON.stringify(qq)}`).toEqual(reference(s, qq));
          expect(q.page({ ...qq, offset: 0, limit: 1 }).total).toBe(
            qq.table === 'pairs' ? s.seed.pairNew.length : new Derived(s).live().length,
          );
        }
      }
      seen.push(q.order(queries[0]).order.length);
    }
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBeGreaterThan(seen[0]);
    expect(seen[2]).toBeGreaterThan(seen[1]);
  });
});

describe('address filters', () => {
  it('a "0x…" needle matches as addressHex(e).includes(needle) does', () => {
    let seed = 1;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const hexOf = (hi: number, lo: number) =>
      '0x' + (hi ? hi.toString(16) + lo.toString(16).padStart(8, '0') : lo.toString(16));
    const values: [number, number][] = [
      [0, 0],
      [0, 1],
      [0, 0xf],
      [0, 0x10],
      [0, 0xffffffff],
      [1, 0],
      [0xffffffff, 0xffffffff],
      [0x7f, 0x12345678],
    ];
    for (let i = 0; i < 2000; i++) {
      const bits = Math.floor(rnd() * 65);
      const hi = bits > 32 ? Math.floor(rnd() * 2 ** (bits - 32)) >>> 0 : 0;
      const lo = bits >= 32 ? Math.floor(rnd() * 2 ** 32) >>> 0 : Math.floor(rnd() * 2 ** bits) >>> 0;
      values.push([hi, lo]);
    }
    for (const [hi, lo] of values) {
      const hex = hexOf(hi, lo);
      const needles = ['0x0', '0x00', '0x1', '0x01', '0x' + 'f'.repeat(17)];
      for (let k = 3; k <= hex.length; k++) needles.push(hex.slice(0, k));
      // One digit more, the first dropped, the first changed (differs only in the high word when long).
      needles.push(hex + '0', '0x' + hex.slice(3), '0x' + (hex[2] === '1' ? '2' : '1') + hex.slice(3));
      for (const n of needles) {
        if (!/^0x[0-9a-f]+$/.test(n)) continue;
        expect(addressPrefixTest(n)(hi, lo), `${hex} ${n}`).toBe(hex.includes(n));
      }
    }
  });
});
