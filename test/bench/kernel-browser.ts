// npm run bench:kernel-browser: whether the record kernel (WebAssembly) runs where the viewer's
// engine runs, a module worker started from a script URL of the page's site, in Debian's Chromium
// (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi). The page carries the
// viewer's own Content-Security-Policy (from index.html; a worker does not inherit it). Prints per
// browser: the kernel made in the worker or not, the events it read of a 200,000-line parse, both
// parses equal, their times, and whether a kernel could be made on the page itself (it need not:
// the engine never parses there; Chromium refuses to compile more than 4 KB synchronously on the
// main thread, and the policy has no 'wasm-unsafe-eval'). Flags: --browser chromium|firefox (default both).
// bench:browser prints the same line for its browser first (kernelInBrowser).

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { KernelCheck } from './kernel-browser-worker.ts';

type Name = 'chromium' | 'firefox';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [ROOT + 'test/bench/kernel-browser-worker.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    minify: false,
  });
  return out.outputFiles[0].text;
}

/** The viewer's policy meta tag, as index.html has it. */
function cspMeta(): string {
  const m = /<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/.exec(readFileSync(ROOT + 'index.html', 'utf8'));
  if (!m) throw new Error('no Content-Security-Policy meta in index.html');
  return m[0];
}

function serve(script: string): Promise<Server> {
  const page = `<!doctype html><html><head>${cspMeta()}<script type="module" src="/check.js"></script></head><body></body></html>`;
  const start = `
    import '/kernel.js';
    const w = new Worker('/kernel.js', { type: 'module' });
    w.onmessage = (e) => { globalThis.kernelCheck = e.data; };
    w.onerror = (e) => { globalThis.kernelCheck = { error: 'worker error: ' + (e.message || e.type) }; };`;
  const server = createServer((req, res) => {
    const body = req.url === '/' ? page : req.url === '/kernel.js' ? script : req.url === '/check.js' ? start : null;
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': req.url === '/' ? 'text/html' : 'text/javascript' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

interface Result {
  version: string;
  worker: KernelCheck;
  page: boolean;
}

const WAIT = `new Promise((ok) => { const t = setInterval(() => { if (globalThis.kernelCheck) { clearInterval(t); ok({ worker: globalThis.kernelCheck, page: globalThis.pageKernel }); } }, 50); })`;

async function inChromium(url: string): Promise<Result> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const r = (await page.evaluate(WAIT)) as Omit<Result, 'version'>;
    return { version: `chromium ${browser.version()}`, ...r };
  } finally {
    await browser.close();
  }
}

async function inFirefox(url: string): Promise<Result> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    protocol: 'webDriverBiDi',
    headless: true,
    env: { ...process.env, MOZ_HEADLESS: '1' },
    timeout: 60_000,
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const r = (await page.evaluate(WAIT)) as Omit<Result, 'version'>;
    return { version: `firefox ${await browser.version()}`, ...r };
  } finally {
    await browser.close();
  }
}

function describe(r: Result): string {
  const w = r.worker;
  if (w.error) return `${r.version}: the check failed in the worker: ${w.error}`;
  const share = w.events ? ((100 * w.kernelEvents) / w.events).toFixed(1) : '0';
  return (
    `${r.version}: record kernel in the worker ${w.available ? 'YES' : 'NO (TypeScript readers)'}, ` +
    `read ${w.kernelEvents.toLocaleString('en-US')} of ${w.events.toLocaleString('en-US')} events (${share}%), ` +
    `same store ${w.same ? 'yes' : 'NO'}, parse on ${w.msOn.toFixed(0)} ms / off ${w.msOff.toFixed(0)} ms; ` +
    `on the page: ${r.page ? 'made' : 'none (falls back silently; the engine runs in the worker)'}`
  );
}

/** One line saying whether the record kernel runs in this browser's worker. */
export async function kernelInBrowser(name: Name): Promise<string> {
  const server = await serve(await bundle());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    return describe(await (name === 'chromium' ? inChromium(url) : inFirefox(url)));
  } catch (e) {
    return `${name}: the kernel check did not run: ${(e as Error).message}`;
  } finally {
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--browser');
  const names: Name[] = i >= 0 ? [args[i + 1] as Name] : ['chromium', 'firefox'];
  for (const name of names) console.log(await kernelInBrowser(name));
}
