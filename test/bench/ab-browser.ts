// A/B of drop → done in the built viewer: two numbers of decode workers (the page is shown the
// number of cores that makes it start that many: support/cores.ts), alternated run by run on the
// same log, with the CPU each run took. This VM is shared and its speed drifts by ±30% over
// minutes, so a change is judged on alternated runs.
//   npx tsx test/bench/ab-browser.ts --log some.log [--ab decoders=0,decoders=2] [--runs 6]
// or two builds (e.g. of two commits, `vite build --outDir`), the viewer's own choice of workers:
//   npx tsx test/bench/ab-browser.ts --log some.log --dists dist-a,dist-b
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from '../browser/support/static-server.ts';
import { CHROMIUM_ARGS } from '../browser/support/chromium.ts';
import { CHROMIUM } from '../browser/support/driver.ts';
import { withDecodeWorkers } from '../browser/support/cores.ts';
import { ROOT, tid } from '../browser/support/index.ts';
import { cpuSnapshot, cpuUse } from './browser-cpu.ts';
import { pageCache } from './page-cache.ts';

/** The page's main-thread tasks over 50 ms from load on (the drop comes 1.2 s after it). */
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.startTime > 1000) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });`;

const args = process.argv.slice(2);
const option = (n: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : null);
const log = option('log');
if (!log) throw new Error('--log FILE is required (npm run bench:browser -- --keep leaves generated logs behind)');
const dists = option('dists')?.split(',');
const [qa, qb] = dists ?? (option('ab') ?? 'decoders=0,decoders=2').split(',');
/** The init script of variant v: `decoders=N` makes the page start N decode workers. */
function variantScript(v: string): string {
  if (dists) return '';
  const m = /^decoders=(\d+)$/.exec(v);
  if (!m) throw new Error(`--ab ${v}: a variant is decoders=N`);
  return withDecodeWorkers(Number(m[1]));
}
const built = dists ? null : mkdtempSync(join(tmpdir(), 'reftrace-ab-'));
if (built)
  await build({ root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir: built, emptyOutDir: true } });
/** Variant v's server: our build (and its init script), or a build of its own. */
const servers = new Map<string, { url: string; script: string; close(): void }>();
for (const v of [qa, qb]) {
  const server = serveStatic(dists ? v : built!).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  servers.set(v, { url: base, script: variantScript(v), close: () => server.close() });
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const res: Record<string, number[]> = { [qa]: [], [qb]: [] };
for (let i = 0; i < Number(option('runs') ?? 6); i++) {
  for (const q of i % 2 ? [qb, qa] : [qa, qb]) {
    const page = await browser.newPage({ bypassCSP: true });
    const variant = servers.get(q)!;
    await page.addInitScript(LONG_TASKS + variant.script);
    await page.goto(variant.url);
    await new Promise((r) => setTimeout(r, 1200));
    pageCache(log);
    const c0 = cpuSnapshot();
    const t = performance.now();
    await page.setInputFiles(tid('file-input'), log);
    await page.waitForFunction(
      `(document.querySelector('[data-testid="parse-status"]')?.textContent||'').includes('Done')`,
      null,
      { polling: 10, timeout: 600000 },
    );
    const ms = performance.now() - t;
    const u = cpuUse(c0, cpuSnapshot());
    const longest = (await page.evaluate('Math.max(0, ...window.__longTasks)')) as number;
    res[q].push(ms);
    console.log(
      q.padEnd(14),
      ms.toFixed(0).padStart(6),
      'ms',
      ` longest main task ${longest.toFixed(0)} ms`,
      ' cpu',
      (u.totalMs / 1000).toFixed(2),
      's',
      u.byGroup.map(([g, v]) => `${g.split(' ')[0]} ${(v / 1000).toFixed(2)}`).join(' '),
    );
    await page.close();
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const q of [qa, qb]) console.log(q, 'median', med(res[q]).toFixed(0), 'ms, best', Math.min(...res[q]).toFixed(0));
await browser.close();
for (const s of servers.values()) s.close();
if (built) rmSync(built, { recursive: true, force: true });
