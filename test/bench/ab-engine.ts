// A/B of two engine trees, alternated run by run on the same bytes (this VM's speed drifts by ±30%
// over minutes, so only alternated runs compare). Each run is a fresh Node process (or, with
// --chromium or --firefox, a fresh browser page) that loads ONE tree, warms it up with a parse and times the
// next ones: two copies of the engine in one process interfere (an A/A test in one process made
// the second-loaded copy 1.3-1.7x slower). Snapshot the old tree first:
//   git archive HEAD src/engine | tar -x -C /tmp/old --strip-components=2   # then change src/engine
//   npx tsx test/bench/ab-engine.ts --a /tmp/old --b src/engine [--lines 1000000] [--runs 8] [--chromium | --firefox]
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { serveStatic } from '../browser/support/static-server.ts';
import type { BrowserName } from '../browser/support/driver.ts';
import { launchBrowser } from '../browser/support/index.ts';
import { generateLog } from '../support/reflog-generator.ts';

const args = process.argv.slice(2);
const option = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
const trees = [option('a', '/tmp/engine-a'), option('b', 'src/engine')].map((t) => resolve(t));
const lines = Number(option('lines', '1000000'));
const runs = Number(option('runs', '8'));
const inBrowser: BrowserName | null = args.includes('--chromium')
  ? 'chromium'
  : args.includes('--firefox')
    ? 'firefox'
    : null;
/** Timed parses per run, after one warm-up parse; the run's figure is their median. */
const PARSES = 3;

/** One run: parse `data` once to warm up, then PARSES times; the times in ms. */
const harness = (tree: string) => `
import { Analysis } from ${JSON.stringify(join(tree, 'analysis.ts'))};
export function run(data, parses) {
  const parse = () => {
    const t = performance.now();
    const a = new Analysis('ab');
    const p = a.beginFile('ab');
    for (let off = 0; off < data.length; off += 1 << 20) p.push(data.subarray(off, off + (1 << 20)));
    p.finish();
    if (a.summary().lines === 0) throw new Error('nothing parsed');
    return performance.now() - t;
  };
  parse();
  return Array.from({ length: parses }, parse);
}
`;

const dir = mkdtempSync(join(tmpdir(), 'reftrace-ab-engine-'));
try {
  const log = join(dir, 'ab.log');
  const fd = openSync(log, 'w');
  for (const c of generateLog({ lines, seed: 7, oddNames: true }).chunks) writeSync(fd, c);
  closeSync(fd);
  const mb = readFileSync(log).length / 1e6;
  const entries = trees.map((t, k) => {
    const entry = join(dir, `harness-${k}.mts`);
    writeFileSync(entry, harness(t));
    return entry;
  });
  const runOne = inBrowser ? await browserRunner(inBrowser, entries, log) : nodeRunner(entries, log);
  const ms: number[][] = [[], []];
  for (let r = 0; r < runs; r++) for (const k of r % 2 ? [1, 0] : [0, 1]) ms[k].push(median(await runOne(k)));
  await runOne.close?.();
  trees.forEach((t, k) =>
    console.log(
      `${'AB'[k]} ${t}: median ${median(ms[k]).toFixed(0)} ms (${((mb / median(ms[k])) * 1000).toFixed(0)} MB/s), best ${Math.min(...ms[k]).toFixed(0)}; runs ${ms[k].map((x) => x.toFixed(0)).join(' ')}`,
    ),
  );
  const wins = ms[1].filter((x, i) => x < ms[0][i]).length;
  console.log(
    `B/A median ${(median(ms[1]) / median(ms[0])).toFixed(3)}; B faster in ${wins}/${runs} pairs (${inBrowser ?? 'Node'}, ${mb.toFixed(0)} MB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function median(xs: number[]): number {
  return [...xs].sort((x, y) => x - y)[xs.length >> 1];
}

type Runner = ((k: number) => Promise<number[]>) & { close?: () => Promise<void> };

/** A child process per run, loading one tree through tsx. */
function nodeRunner(entries: string[], log: string): Runner {
  const main = (entry: string) =>
    `import { readFileSync } from 'node:fs'; import { run } from ${JSON.stringify(entry)};` +
    `console.log(JSON.stringify(run(new Uint8Array(readFileSync(${JSON.stringify(log)})), ${PARSES})));`;
  return async (k) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', main(entries[k])], {
        encoding: 'utf8',
      }),
    );
}

/** A fresh page (its own context) per run, with one tree bundled by Vite. */
async function browserRunner(name: BrowserName, entries: string[], log: string): Promise<Runner> {
  const code = await Promise.all(
    entries.map(async (entry) => {
      const out = (await build({
        configFile: false,
        logLevel: 'warn',
        build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'abEngine' } },
      })) as Rollup.RollupOutput[];
      return (out[0].output[0] as Rollup.OutputChunk).code;
    }),
  );
  // The page fetches the log from a local server (too big to pass through the protocol).
  const server = serveStatic(dirname(log)).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchBrowser(name);
  const runner: Runner = async (k) => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(url + 'nothing.html').catch(() => {});
    const ms = await page.evaluate(
      async ([file, n, script]) => {
        const data = new Uint8Array(await (await fetch(file)).arrayBuffer());
        new Function(script + ';globalThis.abEngine = abEngine;')();
        return (globalThis as unknown as { abEngine: { run(d: Uint8Array, n: number): number[] } }).abEngine.run(
          data,
          n,
        );
      },
      [url + basename(log), PARSES, code[k]] as [string, number, string],
    );
    await page.close();
    return ms;
  };
  runner.close = async () => {
    await browser.close();
    server.close();
  };
  return runner;
}
