// A/B of two engine trees in one Node process, alternated run by run on the same bytes (this VM's
// speed drifts by ±30% over minutes, so only alternated runs compare). Snapshot the old tree first:
//   cp -r src/engine /tmp/engine-a   # then change src/engine
//   npx tsx test/bench/ab-engine.ts --a /tmp/engine-a --b src/engine [--lines 1000000] [--runs 8]
import { resolve } from 'node:path';
import { generateLog } from '../support/reflog-generator.ts';

const args = process.argv.slice(2);
const option = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
const trees = [option('a', '/tmp/engine-a'), option('b', 'src/engine')];
const lines = Number(option('lines', '1000000'));
const runs = Number(option('runs', '8'));
const CHUNK = 1 << 20;

const chunks = [...generateLog({ lines, seed: 7, oddNames: true }).chunks];
const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
for (let off = 0, i = 0; i < chunks.length; off += chunks[i++].length) data.set(chunks[i], off);

type AnalysisLike = { beginFile(n: string): { push(c: Uint8Array): void; finish(): void }; summary(): { lines: number } };
const engines = await Promise.all(
  trees.map(async (t) => (await import(resolve(t, 'analysis.ts'))).Analysis as new (n: string) => AnalysisLike),
);
const parse = (Analysis: (typeof engines)[number]) => {
  const t = performance.now();
  const a = new Analysis('ab');
  const p = a.beginFile('ab');
  for (let off = 0; off < data.length; off += CHUNK) p.push(data.subarray(off, off + CHUNK));
  p.finish();
  if (a.summary().lines === 0) throw new Error('nothing parsed');
  return performance.now() - t;
};
for (const e of engines) parse(e); // warm both
const ms: number[][] = [[], []];
for (let r = 0; r < runs; r++) for (const k of r % 2 ? [1, 0] : [0, 1]) ms[k].push(parse(engines[k]));
const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const mb = data.length / 1e6;
trees.forEach((t, k) => console.log(`${'AB'[k]} ${t}: median ${med(ms[k]).toFixed(0)} ms (${(mb / med(ms[k]) * 1000).toFixed(0)} MB/s), best ${Math.min(...ms[k]).toFixed(0)}; runs ${ms[k].map((x) => x.toFixed(0)).join(' ')}`));
const wins = ms[1].filter((x, i) => x < ms[0][i]).length;
console.log(`B/A median ${(med(ms[1]) / med(ms[0])).toFixed(3)}; B faster in ${wins}/${runs} pairs`);
