// npm run bench: generates a 1M-line log in a temp dir, parses it with the engine from Node and
// prints MB/s, lines/s, resident bytes per line, and the floor (a plain newline count).
// Then sort and filter times on the pairs table, and the cost of each keystroke typing "random".
// Flags: --lines N (default 1000000; 4000000 gives ~2M pairs), --sizeof, --keep (keep the temp file).
// --type-series: only the Types tab's per-type live series (default 4M lines), the new query and
// the reference (the old two replays) alternated in rounds, medians of ms per query.
// The parse with the record kernel (WebAssembly) on and off, alternated in rounds (--kernel-rounds N,
// default 8), medians, MB/s and the ratio; --kernel: only that.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import type { TableQueries } from '../../src/engine/query/table-query.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analysis } from '../../src/engine/analysis.ts';
import type { LogStore } from '../../src/engine/store/log-store.ts';
import { Engine } from '../../src/engine/engine.ts';
import { RecordKernel, useRecordKernel } from '../../src/engine/read/record-kernel.ts';
import { typeLiveSeries, type TypeSeriesQuery } from '../../src/engine/query/type-series.ts';
import { generateLog } from '../support/reflog-generator.ts';
import { typeLiveSeriesReference } from '../support/type-series-reference.ts';
import { bestOf } from './best-of.ts';
import { benchLeakQueries } from './leak-bench.ts';
import { benchVerdicts } from './verdict-bench.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const LINES = value('lines', flag('type-series') ? 4_000_000 : 1_000_000);
const CHUNK = 1 << 20;

function generate(path: string): void {
  const fd = openSync(path, 'w');
  const { chunks } = generateLog({ lines: LINES, seed: 7, sizeof: flag('sizeof'), oddNames: true });
  for (const c of chunks) writeSync(fd, c);
  closeSync(fd);
}

const best = bestOf;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const timed = <T>(fn: () => T): [number, T] => {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
};

/** The chart's queries: the whole clock range, and a zoom on 5% of it. */
function typeSeriesQueries(s: LogStore): { full: TypeSeriesQuery; zoom: TypeSeriesQuery } {
  const c0 = s.clock.get(0);
  const span = s.clock.get(s.eventCount - 1) - c0;
  return {
    full: { buckets: 800, top: 8 },
    zoom: { buckets: 800, top: 8, clockMin: c0 + span * 0.4, clockMax: c0 + span * 0.45 },
  };
}

/**
 * Old (reference) and new typeLiveSeries alternated, which goes first swapping every round (the
 * VM's speed drifts by tens of percent over minutes). Answers are checked equal as they go.
 */
function benchTypeSeries(s: LogStore, rounds: number): string {
  const { full, zoom } = typeSeriesQueries(s);
  const ms = { oldFull: [] as number[], newFull: [] as number[], oldZoom: [] as number[], newZoom: [] as number[] };
  const same = (q: TypeSeriesQuery, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`typeLiveSeries differs from the reference on ${JSON.stringify(q)}`);
  };
  for (let r = 0; r < rounds; r++) {
    for (const [q, oldMs, newMs] of [
      [full, ms.oldFull, ms.newFull],
      [zoom, ms.oldZoom, ms.newZoom],
    ] as const) {
      const runOld = () => timed(() => typeLiveSeriesReference(s, q));
      const runNew = () => timed(() => typeLiveSeries(s, q));
      let tOld, tNew, want, got;
      if (r % 2) {
        [tOld, want] = runOld();
        [tNew, got] = runNew();
      } else {
        [tNew, got] = runNew();
        [tOld, want] = runOld();
      }
      oldMs.push(tOld);
      newMs.push(tNew);
      same(q, got, want);
    }
  }
  const f = (xs: number[]) => median(xs).toFixed(1);
  return (
    `typeLiveSeries (${s.eventCount.toLocaleString()} events, 800 buckets, top 8, median of ${rounds} alternated rounds): ` +
    `full ${f(ms.oldFull)} -> ${f(ms.newFull)} ms, 5% zoom ${f(ms.oldZoom)} -> ${f(ms.newZoom)} ms (reference -> new)`
  );
}

if (flag('type-series')) {
  const t = performance.now();
  const a = new Analysis('bench');
  const p = a.beginFile('bench');
  for (const c of generateLog({ lines: LINES, seed: 7, oddNames: true }).chunks) p.push(c);
  p.finish();
  console.log(
    `log: ${LINES.toLocaleString()} lines, ${a.store.eventCount.toLocaleString()} events, ${a.store.types.size} types (generated and parsed in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const { full, zoom } = typeSeriesQueries(a.store);
  // The first query builds the index: its cost once per log (then it only grows with the store).
  const [cold] = timed(() => typeLiveSeries(a.store, full));
  const [warmZoom] = timed(() => typeLiveSeries(a.store, zoom));
  console.log(`first query (builds the index): ${cold.toFixed(0)} ms; then a zoom: ${warmZoom.toFixed(2)} ms`);
  console.log(benchTypeSeries(a.store, value('rounds', 7)));
  process.exit(0);
}

/**
 * The parse with the record kernel off and on, which goes first swapping every round (the machine is
 * shared and its speed drifts), medians; the two stores are checked to hold the same events.
 */
function benchKernel(data: Uint8Array, parseOnce: () => Analysis, rounds: number): string {
  const mb = data.length / 1e6;
  const ms = { off: [] as number[], on: [] as number[] };
  const digest = (a: Analysis) => {
    const s = a.store;
    return `${s.eventCount} ${s.seed.pairNew.length} ${s.seed.untracked.length} ${s.clockLast} ${s.rss.value.length}`;
  };
  const digests = new Set<string>();
  for (let r = 0; r < rounds; r++) {
    for (const on of r % 2 ? [true, false] : [false, true]) {
      useRecordKernel(on);
      globalThis.gc?.();
      const [t, a] = timed(parseOnce);
      (on ? ms.on : ms.off).push(t);
      digests.add(digest(a));
    }
  }
  useRecordKernel(true);
  if (digests.size !== 1) throw new Error(`the kernel changed the store: ${[...digests].join(' / ')}`);
  const available = RecordKernel.take();
  available?.release();
  const off = median(ms.off);
  const on = median(ms.on);
  return (
    `record kernel (median of ${rounds} alternated rounds${available ? '' : '; NO WEBASSEMBLY: both runs are TypeScript'}): ` +
    `off ${off.toFixed(0)} ms ${(mb / (off / 1000)).toFixed(0)} MB/s, on ${on.toFixed(0)} ms ${(mb / (on / 1000)).toFixed(0)} MB/s, ` +
    `ratio ${(off / on).toFixed(2)}x`
  );
}

const dir = mkdtempSync(join(tmpdir(), 'reftrace-bench-'));
const path = join(dir, 'bench.log');
try {
  const tGen = performance.now();
  generate(path);
  const bytes = readFileSync(path);
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const mb = data.length / 1e6;
  console.log(
    `log: ${LINES.toLocaleString()} lines, ${mb.toFixed(1)} MB (generated in ${((performance.now() - tGen) / 1000).toFixed(1)} s)`,
  );

  const floor = best(3, () => {
    let n = 0;
    for (let off = 0; off < data.length; off += CHUNK) {
      const c = data.subarray(off, off + CHUNK);
      for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) n++;
    }
    return n;
  });

  const parseOnce = () => {
    const a = new Analysis('bench');
    const p = a.beginFile('bench');
    for (let off = 0; off < data.length; off += CHUNK) p.push(data.subarray(off, off + CHUNK));
    p.finish();
    return a;
  };
  if (flag('kernel')) {
    console.log(benchKernel(data, parseOnce, value('kernel-rounds', 8)));
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
  // Memory: one parse between two full collections, measured before the timed runs.
  const gc = () => {
    globalThis.gc?.();
    globalThis.gc?.();
  };
  gc();
  const heapBefore = process.memoryUsage();
  const measured = parseOnce();
  gc();
  const heapAfter = process.memoryUsage();
  if (measured.summary().lines === 0) throw new Error('nothing parsed');
  const parse = best(5, parseOnce);
  const analysis = parse.result;
  const s = analysis.summary();
  const events = s.counts.new + s.counts.del;
  const storeBytes = analysis.store.byteSize;
  const heapDelta = heapAfter.heapUsed + heapAfter.arrayBuffers - (heapBefore.heapUsed + heapBefore.arrayBuffers);

  const fresh = () => new Engine(analysis).tables;
  const sortPairs = best(3, () =>
    fresh().order({ table: 'pairs', sort: [{ column: 'lifetime', desc: true }], filter: {} }),
  );
  const sortType = best(3, () =>
    fresh().order({
      table: 'pairs',
      sort: [
        { column: 'type', desc: false },
        { column: 'newClock', desc: true },
      ],
      filter: { text: 'frozen' },
    }),
  );
  const filter = best(3, () => fresh().order({ table: 'pairs', filter: { text: 'random' } }));
  // What a keystroke costs in the viewer: the worker answers window() (order + 200 rows) on a
  // TableQueries that has already answered the table's previous state.
  const byLifetime = [{ column: 'lifetime', desc: true }];
  const win = (q: TableQueries, sort: typeof byLifetime, text: string) =>
    q.page({ table: 'pairs', sort, filter: text ? { text } : {}, offset: 0, limit: 200 });
  let afterSortMs = Infinity;
  for (let run = 0; run < 3; run++) {
    const q = fresh();
    win(q, byLifetime, '');
    const t = performance.now();
    win(q, byLifetime, 'random');
    afterSortMs = Math.min(afterSortMs, performance.now() - t);
  }
  const WORD = ['r', 'ra', 'ran', 'rand', 'rando', 'random'];
  /** Best time per keystroke over `runs` fresh sessions that first showed the table unfiltered. */
  const keystrokes = (sort: typeof byLifetime, runs = 3) => {
    const bestMs = WORD.map(() => Infinity);
    let matched = 0;
    for (let run = 0; run < runs; run++) {
      const q = fresh();
      win(q, sort, '');
      WORD.forEach((text, i) => {
        const t = performance.now();
        matched = win(q, sort, text).matched;
        bestMs[i] = Math.min(bestMs[i], performance.now() - t);
      });
    }
    return { text: WORD.map((w, i) => `${w} ${bestMs[i].toFixed(0)}`).join(', '), max: Math.max(...bestMs), matched };
  };
  const typedSorted = keystrokes(byLifetime);
  const typedNatural = keystrokes([]);
  const address = best(3, () => fresh().page({ table: 'pairs', filter: { text: '0x7f1' }, offset: 0, limit: 200 }));

  const parseMBs = mb / (parse.ms / 1000);
  const floorMBs = mb / (floor.ms / 1000);
  const seedMBs = 24.6;
  console.log(`floor (newline count):  ${floor.ms.toFixed(0)} ms  ${floorMBs.toFixed(0)} MB/s`);
  console.log(
    `parse + analyse:        ${parse.ms.toFixed(0)} ms  ${parseMBs.toFixed(0)} MB/s  ${(LINES / (parse.ms / 1000) / 1e6).toFixed(2)} M lines/s`,
  );
  console.log(`  ratio to floor:       ${(parse.ms / floor.ms).toFixed(2)}x the newline count`);
  console.log(benchKernel(data, parseOnce, value('kernel-rounds', 8)));
  console.log(`  ratio to seed:        ${(parseMBs / seedMBs).toFixed(1)}x the seed's 24.6 MB/s`);
  console.log(
    `store bytes / event:    ${(storeBytes / events).toFixed(1)} B  (${events.toLocaleString()} NEW/DEL events, capacity incl. slack)`,
  );
  console.log(
    `heap growth / line:     ${(heapDelta / LINES).toFixed(1)} B  (JS heap + array buffers after GC${globalThis.gc ? '' : '; run with --expose-gc for a clean figure'})`,
  );
  console.log(
    `sort 1 key (pairs ${sortPairs.result.order.length.toLocaleString()} rows): ${sortPairs.ms.toFixed(0)} ms`,
  );
  console.log(
    `filter+sort 2 keys:     ${sortType.ms.toFixed(0)} ms (${sortType.result.order.length.toLocaleString()} rows)`,
  );
  console.log(
    `filter text:            ${filter.ms.toFixed(0)} ms (${filter.result.order.length.toLocaleString()} rows)`,
  );
  console.log(
    `filter after the sort:  ${afterSortMs.toFixed(0)} ms (sorted by lifetime, then "random": window of 200 rows)`,
  );
  console.log(
    `typing, by lifetime:    max ${typedSorted.max.toFixed(0)} ms per key (${typedSorted.text} ms; ${typedSorted.matched.toLocaleString()} rows)`,
  );
  console.log(`typing, natural order:  max ${typedNatural.max.toFixed(0)} ms per key (${typedNatural.text} ms)`);
  console.log(`filter address 0x7f1:   ${address.ms.toFixed(0)} ms (${address.result.matched.toLocaleString()} rows)`);
  console.log(benchTypeSeries(analysis.store, 3));
  for (const line of benchLeakQueries(analysis.store)) console.log(line);
  for (const line of benchVerdicts()) console.log(line);
  console.log(
    `counts: new ${s.counts.new} del ${s.counts.del} live ${s.live} pairs ${s.pairs} untracked ${s.untracked} problems ${s.problems}`,
  );
  writeFileSync(join(dir, 'result.json'), JSON.stringify({ parseMBs, floorMBs }));
} finally {
  if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${path}`);
}
