// npm run bench:browser: the viewer in Debian's Chromium (default) or Firefox ESR (--browser
// firefox) on generated logs (100 MB and 1 GB; add --4gb for 4 GB). Prints drop→done seconds and
// MB/s, time to the first summary numbers, progress updates per second, main-thread tasks over
// 50 ms (where the browser reports them: Chromium's PerformanceObserver has 'longtask' entries,
// Firefox's has none), the page process's memory, and sort/filter times (action → the table
// settled on its answer; the filter on the table sorted by lifetime). Also: the time the browser
// takes just to read the same file in the same page (the faster of slices and a BYOB stream), and the CPU time of the browser's threads
// during drop → done with the floor it sets on this machine's cores.
// Flags: --browser chromium|firefox, --sizes 100,1000 (MB), --4gb, --log FILE (a log of your own,
// e.g. from scripts/make-reflog.ts, instead of the generated sizes; never deleted), --keep (keep the
// generated logs), --decoders N (decode workers: the page is shown the number of cores that makes it
// start N, support/cores.ts; default: the viewer's own choice, none on 2 cores), --settle MS (wait
// after the page loads before opening the file, as a person would; default 1000). The worker's own
// times (parser, queries) and its decode workers are read from the status line's tooltip. First, whether
// the record kernel runs in this browser's workers (kernel-browser.ts).
// --kernel-ab ROUNDS: only drop → done (and the parser's time), with the record kernel on and off,
// alternated rounds (which goes first swapping), a fresh page each, medians; "off" is a second build
// whose kernel bytes are empty, so no kernel can be made, as in a browser without WebAssembly (the
// viewer has no switch for it). With --decoders N the decode workers decode with it (or without).

import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { serveStatic } from '../browser/support/static-server.ts';
import { BROWSERS, EXECUTABLE, type AppPage, type BrowserName } from '../browser/support/driver.ts';
import { withDecodeWorkers } from '../browser/support/cores.ts';
import { ROOT, launchBrowser, tid } from '../browser/support/index.ts';
import { generateLog } from '../support/reflog-generator.ts';
import { cpuSnapshot, cpuUse, describeCpuUse, pageProcessesRssMB } from './browser-cpu.ts';
import { kernelInBrowser } from './kernel-browser.ts';
import { pageCache } from './page-cache.ts';
import { readAloneMs } from './read-alone.ts';
import { PROBE, dropAndWaitDone, waitVerdict, workerTimes, type BenchProbe } from './page-probe.ts';

const args = process.argv.slice(2);
const flag = (n: string) => args.includes(`--${n}`);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100,1000';
const sizesMB = sizesArg
  .split(',')
  .map(Number)
  .concat(flag('4gb') ? [4000] : []);
const BYTES_PER_LINE = 246;
const option = (n: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : null);
const decoders = option('decoders');
const settleMs = Number(option('settle') ?? 1000);
const browserName = (option('browser') ?? 'chromium') as BrowserName;
if (!BROWSERS.includes(browserName)) throw new Error(`--browser ${browserName}: one of ${BROWSERS.join(', ')}`);

/** Lines in a file (newlines, plus a last line without one). */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(16 << 20);
  let lines = 0;
  let last = 10;
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; last = buf[n - 1]) {
    for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  }
  closeSync(fd);
  return lines + (last === 10 ? 0 : 1);
}

function generate(path: string, mb: number): number {
  const fd = openSync(path, 'w');
  const { chunks } = generateLog({ lines: Math.round((mb * 1e6) / BYTES_PER_LINE), seed: 5 }, 4 << 20);
  for (const c of chunks) writeSync(fd, c);
  closeSync(fd);
  return statSync(path).size;
}

/**
 * Resident memory of the page's process (the page and its worker live there: the largest renderer or
 * content process; the browser keeps others beside it, e.g. Chromium's UI renderer of ~150 MB and a
 * spare one, Firefox's spare content processes), and of all of them, in MB.
 */
function pageRssMB(): { page: number; all: number } {
  const each = [...pageProcessesRssMB(browserName).values()];
  return { page: Math.max(0, ...each), all: each.reduce((a, b) => a + b, 0) };
}

// Installed before the app loads: timestamps of the file choice, the first summary number and the
// end of the parse, progress updates, and long main-thread tasks where the browser reports them.
// Installed before the app loads (with PROBE): times from an action (a click, or an input event
// on the filter) until the table shows that action's answer: a table request for it has been
// posted to the worker (a row request's filter text equals the typed value; for a click, any row
// request), and after that the count is known and the rows in view are there. Rows on screen are
// only ever those of the current query, so "settled after its request" means its answer. Each
// filter input event starts a new wait; one superseded by the next keystroke records nothing.
const SETTLE_PROBE = `
  (() => {
    const q = (id) => document.querySelector('[data-testid="' + id + '"]');
    const settled = () => {
      const c = q('table-count')?.textContent ?? '…';
      if (c === '…') return false;
      return c.startsWith('0 of') || (!!q('row') && !q('row-loading'));
    };
    const s = (window.__settle = { pending: null, times: [] });
    const check = () => {
      const p = s.pending;
      if (!p || !p.sent || !settled() || (p.value !== null && q('table-filter')?.value !== p.value)) return;
      s.times.push({ value: p.value, ms: performance.now() - p.t0, sentMs: p.sentAt - p.t0, answerMs: p.answerAt - p.t0 });
      s.pending = null;
    };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      const p = s.pending;
      // A page of rows asked through comlink: ask('rows', query).
      if (p && msg && Array.isArray(msg.path) && msg.path[0] === 'ask' && msg.argumentList?.[0]?.value === 'rows') {
        const text = msg.argumentList?.[1]?.value?.filter?.text ?? '';
        if (p.value === null || text === p.value) {
          if (!p.sent) p.sentAt = performance.now();
          p.sent = true;
          queueMicrotask(check);
        }
      }
      return post.call(this, msg, ...rest);
    };
    // The first message from the worker after the request: its answer (the worker answers in order).
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (type, fn, ...rest) {
      if (type !== 'message') return listen.call(this, type, fn, ...rest);
      return listen.call(this, type, (e) => {
        const p = s.pending;
        if (p && p.sent && !p.answerAt) p.answerAt = performance.now();
        return typeof fn === 'function' ? fn.call(this, e) : fn.handleEvent(e);
      }, ...rest);
    };
    document.addEventListener('input', (e) => {
      if (e.target?.dataset?.testid === 'table-filter') s.pending = { value: e.target.value, t0: performance.now(), sent: false };
    }, true);
    window.__settleStart = () => (s.pending = { value: null, t0: performance.now(), sent: false });
    // A click's time is when the page got it: the driver's click first waits for the target to be
    // visible and stable (animation frames, protocol round trips), which no person waits for.
    document.addEventListener('click', (e) => {
      const p = s.pending;
      if (p && p.value === null && !p.sent) p.t0 = e.timeStamp;
    }, true);
    document.addEventListener('DOMContentLoaded', () =>
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true }));
  })();
`;

interface Settled {
  value: string | null;
  /** Action → rows on screen; → its request posted to the worker; → the worker's next message. */
  ms: number;
  sentMs: number;
  answerMs: number;
}

interface SettleProbe {
  __settle: { times: Settled[]; pending: unknown };
  __settleStart(): void;
}

/** Runs the action and returns the settle times recorded until the table settles on `value` (null: any). */
async function settleTimes(page: AppPage, act: () => Promise<void>, value: string | null): Promise<Settled[]> {
  await page.evaluate((start) => {
    const w = window as unknown as SettleProbe;
    w.__settle.times = [];
    w.__settle.pending = null;
    if (start) w.__settleStart();
  }, value === null);
  await act();
  await page.waitForFunction(
    (v) => (window as unknown as SettleProbe).__settle.times.some((t) => t.value === v),
    value,
    { timeout: 120_000, polling: 20 },
  );
  return page.evaluate(() => (window as unknown as SettleProbe).__settle.times);
}

const last = (times: Settled[]) => times[times.length - 1];
const best = (xs: Settled[]) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The filter emptied and the unfiltered table back on screen. */
async function clearFilter(page: AppPage): Promise<void> {
  if ((await page.inputValue(tid('table-filter'))) === '') return;
  await settleTimes(page, () => page.fill(tid('table-filter'), ''), '');
}

/** A vite plugin that empties the record kernel's bytes: the kernel cannot be made, every line is read in TypeScript. */
function noKernel(): Plugin {
  return {
    name: 'reftrace-bench-no-kernel',
    enforce: 'pre',
    load(id) {
      return id.split('?')[0].endsWith('/src/engine/read/record-kernel-wasm.ts')
        ? "export const RECORD_KERNEL_WASM = '';"
        : null;
    },
  };
}

/** --kernel-ab: drop → done with the kernel on and off, alternated rounds, fresh pages; medians. */
async function kernelAB(dir: string, rounds: number): Promise<void> {
  const dists = { on: join(dir, 'dist-on'), off: join(dir, 'dist-off') };
  await build({ root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir: dists.on, emptyOutDir: true } });
  await build({
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    plugins: [noKernel()],
    worker: { format: 'es', plugins: () => [noKernel()] },
    build: { outDir: dists.off, emptyOutDir: true },
  });
  const servers = {
    on: serveStatic(dists.on).listen(0, '127.0.0.1'),
    off: serveStatic(dists.off).listen(0, '127.0.0.1'),
  };
  await Promise.all(Object.values(servers).map((s) => new Promise((r) => s.once('listening', r))));
  const url = (k: 'on' | 'off') => `http://127.0.0.1:${(servers[k].address() as AddressInfo).port}/`;
  const ownLog = option('log');
  const mb = sizesMB[0];
  const log = ownLog ?? join(dir, `bench-${mb}MB.log`);
  const bytes = ownLog ? statSync(log).size : generate(log, mb);
  console.log(`\n== kernel on/off, ${(bytes / 1e6).toFixed(0)} MB log, ${rounds} alternated rounds`);
  const browser = await launchBrowser(browserName);
  const times: Record<'on' | 'off', { s: number; parse: number }[]> = { on: [], off: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const k of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const cores = decoders !== null ? withDecodeWorkers(Number(decoders)) : '';
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, initScript: PROBE + cores });
        await page.goto(url(k));
        await sleep(settleMs);
        pageCache(log);
        await dropAndWaitDone(page, log, 100);
        const b = await page.evaluate(() => (window as unknown as BenchProbe).__bench);
        const worker = workerTimes(await page.attribute(tid('parse-status'), 'title'));
        const s = (b.done - b.t0) / 1000;
        times[k].push({ s, parse: (worker?.parseMs ?? NaN) / 1000 });
        console.log(
          `round ${round + 1} kernel ${k.padEnd(3)}: drop → done ${s.toFixed(2)} s (${(bytes / 1e6 / s).toFixed(0)} MB/s), parser ${((worker?.parseMs ?? NaN) / 1000).toFixed(2)} s, ${worker?.decodeWorkers ?? '?'} decode workers`,
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) s.close();
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const on = med(times.on.map((t) => t.s));
  const off = med(times.off.map((t) => t.s));
  console.log(
    `medians: kernel off ${off.toFixed(2)} s (${(bytes / 1e6 / off).toFixed(0)} MB/s, parser ${med(times.off.map((t) => t.parse)).toFixed(2)} s), on ${on.toFixed(2)} s (${(bytes / 1e6 / on).toFixed(0)} MB/s, parser ${med(times.on.map((t) => t.parse)).toFixed(2)} s): ${(off / on).toFixed(2)}x`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reftrace-bbench-'));
  const dist = join(dir, 'dist');
  console.log(
    `${browserName}: ${execFileSync(EXECUTABLE[browserName], ['--version'], { encoding: 'utf8', env: { ...process.env, MOZ_HEADLESS: '1' } }).trim()}`,
  );
  // The record kernel (WebAssembly) in a module worker of this browser, under the viewer's policy: the
  // parser's fast path where the log is parsed in one worker (gzip, or no decode workers).
  console.log(await kernelInBrowser(browserName));
  const abRounds = option('kernel-ab');
  if (abRounds !== null) {
    try {
      await kernelAB(dir, Number(abRounds));
    } finally {
      if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  await build({ root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true } });
  const server = serveStatic(dist).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchBrowser(browserName);
  try {
    const ownLog = option('log');
    for (const mb of ownLog ? [0] : sizesMB) {
      const log = ownLog ?? join(dir, `bench-${mb}MB.log`);
      const t = performance.now();
      const bytes = ownLog ? statSync(log).size : generate(log, mb);
      const lineCount = ownLog ? countLines(log) : Math.round(bytes / BYTES_PER_LINE);
      const made = ownLog ? log : `generated in ${((performance.now() - t) / 1000).toFixed(1)} s`;
      console.log(`\n== ${(bytes / 1e6).toFixed(0)} MB log (${lineCount.toLocaleString()} lines; ${made})`);
      // The probes are the driver's init script, run before the page's own (its CSP does not apply).
      const cores = decoders !== null ? withDecodeWorkers(Number(decoders)) : '';
      const page = await browser.newPage({
        viewport: { width: 1400, height: 900 },
        initScript: PROBE + SETTLE_PROBE + cores,
      });
      await page.goto(base);
      // The analysis worker starts (and warms up) at page load; a person takes a moment to pick a file.
      await sleep(settleMs);
      const atLoad = pageRssMB();
      let peakMB = atLoad.page;
      let peakAllMB = atLoad.all;
      const sampler = setInterval(() => {
        const now = pageRssMB();
        peakMB = Math.max(peakMB, now.page);
        peakAllMB = Math.max(peakAllMB, now.all);
      }, 200);
      pageCache(log);
      const cpuBefore = cpuSnapshot(browserName);
      await dropAndWaitDone(page, log, 100);
      const cpuAfter = cpuSnapshot(browserName);
      const verdictMs = await waitVerdict(page);
      clearInterval(sampler);
      const { b, longTasksReported } = await page.evaluate(() => {
        const w = window as unknown as BenchProbe;
        return { b: w.__bench, longTasksReported: w.__longTasksReported };
      });
      const worker = workerTimes(await page.attribute(tid('parse-status'), 'title'));
      const seconds = (b.done - b.t0) / 1000;
      const status = await page.text(tid('parse-status'));
      console.log(
        `drop → done:         ${seconds.toFixed(2)} s   ${(bytes / 1e6 / seconds).toFixed(0)} MB/s end to end   (${status.trim()})`,
      );
      if (worker)
        console.log(
          `  in the worker:     parser ${(worker.parseMs / 1000).toFixed(2)} s (${(bytes / 1e3 / worker.parseMs).toFixed(0)} MB/s), queries ${(worker.queryMs / 1000).toFixed(2)} s, ${worker.decodeWorkers} decode workers`,
        );
      console.log(`  ${describeCpuUse(cpuUse(cpuBefore, cpuAfter), seconds * 1000, bytes, browserName)}`);
      const { slices: slicesMs, stream: byobMs } = await readAloneMs(page, log);
      const readMs = Math.min(slicesMs, byobMs);
      console.log(
        `  reading the file alone: ${(readMs / 1000).toFixed(2)} s (${(bytes / 1e3 / readMs).toFixed(0)} MB/s; the fastest of slices ${(slicesMs / 1000).toFixed(2)} s and a BYOB stream ${(byobMs / 1000).toFixed(2)} s, best of 2 each); drop → done is ${(seconds / (readMs / 1000)).toFixed(2)}x that`,
      );
      console.log(`first summary number: ${((b.firstNumber - b.t0) / 1000).toFixed(2)} s after the drop`);
      console.log(
        `leak verdict shown:  ${(verdictMs / 1000).toFixed(2)} s after the drop (the leaks query after Done)`,
      );
      console.log(`page updates:        ${(b.progressUpdates / seconds).toFixed(1)} per second while parsing`);
      // When each long task began, from the drop ("+" after done: the tables and chart after the parse).
      const when = (t: { ms: number; at: number }) =>
        `${t.ms.toFixed(0)} ms at ${t.at > b.done ? `done + ${((t.at - b.done) / 1000).toFixed(2)}` : ((t.at - b.t0) / 1000).toFixed(2)} s`;
      const longest = Math.max(0, ...b.longTasks.map((t) => t.ms));
      if (longTasksReported)
        console.log(
          `longest main task:   ${longest.toFixed(0)} ms (${b.longTasks.length} tasks over 50 ms${b.longTasks.length ? ': ' + b.longTasks.map(when).join(', ') : ''})`,
        );
      else
        console.log(
          `longest main task:   not reported (${browserName === 'firefox' ? 'Firefox' : browserName}'s PerformanceObserver has no 'longtask' entries)`,
        );
      const where = browserName === 'firefox' ? 'content process' : 'renderer memory';
      console.log(
        `${`${where}:`.padEnd(21)}peak ${peakMB.toFixed(0)} MB resident in the page's process (page + worker; ${atLoad.page.toFixed(0)} MB before the drop), ${((peakMB * 1e6) / lineCount).toFixed(1)} B per line; all ${browserName === 'firefox' ? 'content processes' : 'renderers'} ${peakAllMB.toFixed(0)} MB (${((peakAllMB * 1e6) / lineCount).toFixed(1)} B per line)`,
      );
      await page.click(tid('tab-pairs'));
      await page.waitFor(tid('row'));
      const sorted = last(await settleTimes(page, () => page.click(tid('col-lifetime')), null));
      const sortMs = sorted.ms;
      const count = await page.text(tid('table-count'));
      console.log(
        `sort pairs by lifetime: ${sortMs.toFixed(0)} ms click → rows (${count.trim()}; request sent ${sorted.sentMs.toFixed(0)}, answered ${sorted.answerMs.toFixed(0)} ms)`,
      );
      // The filter, on the table sorted by lifetime. Best of 3 each (the machine is shared).
      const WORD = 'random';
      const fills: Settled[] = [];
      const fast: Settled[] = [];
      const paced: Settled[][] = [];
      for (let run = 0; run < 3; run++) {
        await clearFilter(page);
        fills.push(last(await settleTimes(page, () => page.fill(tid('table-filter'), WORD), WORD)));
        await clearFilter(page);
        await page.focus(tid('table-filter'));
        fast.push(last(await settleTimes(page, () => page.type(WORD), WORD)));
        await clearFilter(page);
        await page.focus(tid('table-filter'));
        paced.push(
          await settleTimes(
            page,
            async () => {
              for (const ch of WORD) {
                await page.press(ch);
                await sleep(150);
              }
            },
            WORD,
          ),
        );
      }
      const matched = await page.text(tid('table-count'));
      const split = (t: Settled) =>
        `request sent ${t.sentMs.toFixed(0)}, answered ${t.answerMs.toFixed(0)}, rows ${t.ms.toFixed(0)} ms`;
      const runs = (xs: Settled[]) => xs.map((t) => t.ms.toFixed(0)).join(', ');
      console.log(
        `filter "${WORD}" (one fill): ${best(fills).ms.toFixed(0)} ms input → rows (${matched.trim()}; runs ${runs(fills)}; best: ${split(best(fills))})`,
      );
      console.log(
        `typed "${WORD}" (no pause): ${best(fast).ms.toFixed(0)} ms last keystroke → its rows (runs ${runs(fast)}; best: ${split(best(fast))})`,
      );
      // Per keystroke, typing one key every 150 ms: the best of the runs for each prefix that settled.
      const perKey = [...WORD].map((_, i) => {
        const v = WORD.slice(0, i + 1);
        const ms = paced.flatMap((r) => r.filter((t) => t.value === v).map((t) => t.ms));
        return `${v} ${ms.length ? Math.min(...ms).toFixed(0) : '–'}`;
      });
      const worst = Math.max(...paced.map((r) => Math.max(...r.map((t) => t.ms))));
      console.log(
        `typed, a key per 150 ms: ${perKey.join(', ')} ms keystroke → its rows (worst of all runs ${worst.toFixed(0)} ms)`,
      );
      await page.close();
      if (!flag('keep') && !ownLog) rmSync(log);
    }
  } finally {
    await browser.close();
    server.close();
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
