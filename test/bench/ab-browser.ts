// A/B of drop → done in the built viewer, alternated run by run on the same log (which goes first
// swaps each round), with the CPU each run took, the worker's parser time, the longest main-thread
// task during the parse (Chromium), the longest stall the page saw (both browsers) and, in the same
// page after each run, the time to read the file alone (the faster of slices and a BYOB stream):
// this VM is shared and its speed drifts by ±30% over minutes, so a change is judged on alternated
// runs, and the ratio on reads of the same minute.
//   npx tsx test/bench/ab-browser.ts --log some.log [--browser firefox] [--ab A,B] [--runs 6]
// A variant is `decoders=N` (the page is shown the cores that make it start N decode workers:
// support/cores.ts), `?query` (the viewer opened with that query), or `dist:DIR` (a build of its own,
// e.g. of another commit: `vite build --outDir DIR`). Default: --ab decoders=0,decoders=2.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { serveStatic } from '../browser/support/static-server.ts';
import { BROWSERS, type BrowserName } from '../browser/support/driver.ts';
import { withDecodeWorkers } from '../browser/support/cores.ts';
import { ROOT, launchBrowser, tid } from '../browser/support/index.ts';
import { cpuSnapshot, cpuUse } from './browser-cpu.ts';
import { pageCache } from './page-cache.ts';
import { PROBE, dropAndWaitDone, waitVerdict, workerTimes, type BenchProbe } from './page-probe.ts';
import { readAloneMs } from './read-alone.ts';
import { takeStalls } from '../browser/support/stall-probe.ts';

const args = process.argv.slice(2);
const option = (n: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : null);
const log = option('log');
if (!log) throw new Error('--log FILE is required (npm run bench:browser -- --keep leaves generated logs behind)');
const browserName = (option('browser') ?? 'chromium') as BrowserName;
if (!BROWSERS.includes(browserName)) throw new Error(`--browser ${browserName}: one of ${BROWSERS.join(', ')}`);
const variants = (option('ab') ?? 'decoders=0,decoders=2').split(',');
const bytes = statSync(log).size;

/** Where variant v is served from, and what it adds to the page. */
interface Variant {
  dist: string | null;
  query: string;
  script: string;
}
function variantOf(v: string): Variant {
  const decoders = /^decoders=(\d+)$/.exec(v);
  if (decoders) return { dist: null, query: '', script: withDecodeWorkers(Number(decoders[1])) };
  if (v.startsWith('?')) return { dist: null, query: v, script: '' };
  if (v.startsWith('dist:')) return { dist: v.slice(5), query: '', script: '' };
  throw new Error(`--ab ${v}: a variant is decoders=N, ?query or dist:DIR`);
}

const built = mkdtempSync(join(tmpdir(), 'reftrace-ab-'));
if (variants.some((v) => !variantOf(v).dist))
  await build({ root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir: built, emptyOutDir: true } });
const servers = new Map<string, { url: string; close(): void }>();
for (const dir of new Set(variants.map((v) => variantOf(v).dist ?? built))) {
  const server = serveStatic(dir).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  servers.set(dir, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  });
}

const browser = await launchBrowser(browserName);
const res = new Map<string, { ms: number; ratio: number; verdictMs: number }[]>(variants.map((v) => [v, []]));
const sec = (ms: number) => (ms / 1000).toFixed(2);
try {
  for (let i = 0; i < Number(option('runs') ?? 6); i++) {
    for (const v of i % 2 ? [...variants].reverse() : variants) {
      const variant = variantOf(v);
      const page = await browser.newPage({
        viewport: { width: 1400, height: 900 },
        initScript: PROBE + variant.script,
      });
      await page.goto(servers.get(variant.dist ?? built)!.url + variant.query);
      await new Promise((r) => setTimeout(r, 1200));
      pageCache(log);
      const c0 = cpuSnapshot(browserName);
      // A parse slower than 5 MB/s has hung: say what the page showed rather than wait half an hour.
      await dropAndWaitDone(page, log, 20, Math.max(120_000, bytes / 5e3));
      const u = cpuUse(c0, cpuSnapshot(browserName));
      const verdictMs = await waitVerdict(page);
      const { b, longTasksReported } = await page.evaluate(() => {
        const w = window as unknown as BenchProbe;
        return { b: w.__bench, longTasksReported: w.__longTasksReported };
      });
      const stall = Math.max(
        0,
        ...(await takeStalls(page)).filter((s) => s.at > b.t0 && s.at - s.ms < b.done).map((s) => s.ms),
      );
      const ms = b.done - b.t0;
      const longest = Math.max(0, ...b.longTasks.filter((t) => t.at > b.t0 && t.at < b.done).map((t) => t.ms));
      const worker = workerTimes(await page.attribute(tid('parse-status'), 'title'));
      const read = await readAloneMs(page, log);
      const readMs = Math.min(read.slices, read.stream);
      res.get(v)!.push({ ms, ratio: ms / readMs, verdictMs });
      console.log(
        `${v.padEnd(16)} drop → done ${sec(ms)} s (${(bytes / 1e3 / ms).toFixed(0)} MB/s), parser ${sec(worker?.parseMs ?? NaN)} s, verdict ${sec(verdictMs)} s;`,
        `read alone ${sec(readMs)} s (slices ${sec(read.slices)}, stream ${sec(read.stream)}): ${(ms / readMs).toFixed(2)}x;`,
        `longest task in the parse ${longTasksReported ? `${longest.toFixed(0)} ms` : 'not reported'}, stall ${stall} ms; cpu ${sec(u.totalMs)} s:`,
        u.byGroup.map(([g, t]) => `${g} ${sec(t)}`).join(', '),
      );
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers.values()) s.close();
  rmSync(built, { recursive: true, force: true });
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [v, runs] of res)
  console.log(
    `${v}: drop → done median ${sec(med(runs.map((r) => r.ms)))} s, best ${sec(Math.min(...runs.map((r) => r.ms)))} s;`,
    `drop → verdict median ${sec(med(runs.map((r) => r.verdictMs)))} s;`,
    `ratio to reading alone median ${med(runs.map((r) => r.ratio)).toFixed(2)}x, best ${Math.min(...runs.map((r) => r.ratio)).toFixed(2)}x`,
  );
