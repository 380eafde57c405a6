// npm run bench:browser: the viewer in Debian's Chromium on generated logs (100 MB and 1 GB; add
// --4gb for 4 GB). Prints drop→done seconds and MB/s, time to the first summary numbers, progress
// updates per second, the longest main-thread task, renderer memory, and sort/filter times.
// Flags: --sizes 100,1000 (MB), --4gb, --keep (keep the generated logs).

import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from '../browser/global-setup.ts';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, tid } from '../browser/support.ts';
import { generateLog } from '../support/reflog-generator.ts';

const args = process.argv.slice(2);
const flag = (n: string) => args.includes(`--${n}`);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100,1000';
const sizesMB = sizesArg.split(',').map(Number).concat(flag('4gb') ? [4000] : []);
const BYTES_PER_LINE = 246;

function generate(path: string, mb: number): number {
  const fd = openSync(path, 'w');
  const { chunks } = generateLog({ lines: Math.round((mb * 1e6) / BYTES_PER_LINE), seed: 5 }, 4 << 20);
  for (const c of chunks) writeSync(fd, c);
  closeSync(fd);
  return statSync(path).size;
}

/** Resident memory of Chromium's renderer processes (the page and its worker live there), in MB. */
function rendererRssMB(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium') || !cmd.includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

// Installed before the app loads: timestamps of the file choice, the first summary number and the
// end of the parse, progress updates, and long main-thread tasks.
const PROBE = `
  window.__bench = { t0: 0, firstNumber: 0, done: 0, progressUpdates: 0, longTasks: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', () => { Object.assign(window.__bench, { t0: performance.now(), firstNumber: 0, done: 0, progressUpdates: 0, longTasks: [] }); }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (!b.t0) return;
    const status = document.querySelector('[data-testid="parse-status"]')?.textContent || '';
    const n = Number((document.querySelector('[data-testid="summary-new"]')?.textContent || '').replace(/[^0-9]/g, ''));
    if (!b.firstNumber && n > 0) b.firstNumber = performance.now();
    if (!b.done && status.includes('Done')) b.done = performance.now();
    if (!b.done) b.progressUpdates++;
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** Time from an action until the rendered rows change. (Page code as strings: tsx would wrap named functions in a helper the page lacks.) */
async function timeUntilRowsChange(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`(() => {
    const first = () => document.querySelector('[data-testid="row"]')?.textContent ?? '';
    window.__rows = { t0: 0, t1: 0, before: first() };
    new MutationObserver((_, obs) => {
      if (window.__rows.t0 && first() !== window.__rows.before) {
        window.__rows.t1 = performance.now();
        obs.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    window.__rows.t0 = performance.now();
  })()`);
  await act();
  await page.waitForFunction('window.__rows.t1 > 0', null, { timeout: 120_000 });
  return page.evaluate('window.__rows.t1 - window.__rows.t0') as Promise<number>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reftrace-bbench-'));
  const dist = join(dir, 'dist');
  console.log(`chromium: ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`);
  await build({ root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true } });
  const server = serveStatic(dist).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const mb of sizesMB) {
      const log = join(dir, `bench-${mb}MB.log`);
      const t = performance.now();
      const bytes = generate(log, mb);
      console.log(`\n== ${(bytes / 1e6).toFixed(0)} MB log (${Math.round(bytes / BYTES_PER_LINE).toLocaleString()} lines; generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      // The page's CSP forbids eval; the probes below are injected code, not the page's.
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
      await page.addInitScript(PROBE);
      await page.goto(base);
      let peakMB = rendererRssMB();
      const sampler = setInterval(() => (peakMB = Math.max(peakMB, rendererRssMB())), 200);
      await page.setInputFiles(tid('file-input'), log);
      await page.waitForFunction('window.__bench.done > 0', null, { timeout: 30 * 60_000, polling: 100 });
      clearInterval(sampler);
      const b = (await page.evaluate('window.__bench')) as { t0: number; firstNumber: number; done: number; progressUpdates: number; longTasks: number[] };
      const seconds = (b.done - b.t0) / 1000;
      const status = await page.textContent(tid('parse-status'));
      console.log(`drop → done:         ${seconds.toFixed(2)} s   ${(bytes / 1e6 / seconds).toFixed(0)} MB/s end to end   (${status?.trim()})`);
      const worker = (await page.evaluate('window.__reftraceLastProgress')) as { parseMs: number; queryMs: number } | null;
      if (worker) console.log(`  in the worker:     parser ${(worker.parseMs / 1000).toFixed(2)} s (${(bytes / 1e3 / worker.parseMs).toFixed(0)} MB/s), queries ${(worker.queryMs / 1000).toFixed(2)} s`);
      console.log(`first summary number: ${((b.firstNumber - b.t0) / 1000).toFixed(2)} s after the drop`);
      console.log(`page updates:        ${(b.progressUpdates / seconds).toFixed(1)} per second while parsing`);
      console.log(`longest main task:   ${Math.max(0, ...b.longTasks).toFixed(0)} ms (${b.longTasks.length} tasks over 50 ms)`);
      console.log(`renderer memory:     peak ${peakMB.toFixed(0)} MB resident (page + worker), ${((peakMB * 1e6) / Math.round(bytes / BYTES_PER_LINE)).toFixed(0)} B per line`);
      await page.click(tid('tab-pairs'));
      await page.waitForSelector(tid('row'));
      const sortMs = await timeUntilRowsChange(page, () => page.click(tid('col-lifetime')));
      const count = await page.textContent(tid('table-count'));
      console.log(`sort pairs by lifetime: ${sortMs.toFixed(0)} ms click → rows (${count?.trim()})`);
      const filterMs = await timeUntilRowsChange(page, () => page.fill(tid('table-filter'), 'random'));
      console.log(`filter "random":     ${filterMs.toFixed(0)} ms keystroke → rows (includes the input's debounce)`);
      await page.close();
      if (!flag('keep')) rmSync(log);
    }
  } finally {
    await browser.close();
    server.close();
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
