// Scratch: CPU profile of the page's main thread during a parse, and its long tasks.
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { serveStatic } from '../test/browser/support/static-server.ts';
const log = process.argv[2];
const server = serveStatic('/tmp/dist-prof').listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
await page.addInitScript(`window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' });`);
await page.goto(url);
await page.waitForTimeout(1500);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
if (!process.env.NOPROF) await cdp.send('Profiler.start');
const t0 = await page.evaluate(() => performance.now());
await page.setInputFiles('[data-testid="file-input"]', log);
await page.waitForFunction(() => /^Done/.test(document.querySelector('[data-testid="parse-status"]')?.textContent ?? ''), undefined, { timeout: 300000, polling: 100 });
await page.waitForTimeout(1500);
const lt0 = await page.evaluate(() => (window as any).__lt);
if (process.env.NOPROF) { console.log('long tasks:', JSON.stringify(lt0.map(([s, d]: number[]) => [s - Math.round(t0), d]))); await browser.close(); server.close(); process.exit(0); }
const { profile } = (await cdp.send('Profiler.stop')) as { profile: any };
const lt = await page.evaluate(() => (window as any).__lt);
console.log('long tasks (start after drop, ms):', JSON.stringify(lt.map(([s, d]: number[]) => [s - Math.round(t0), d])));
// self time per function, total and within long tasks
const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<string, number>();
const inLong = new Map<string, number>();
let t = profile.startTime;
const startMs = profile.startTime / 1000;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const n = nodes.get(profile.samples[i]);
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  self.set(key, (self.get(key) ?? 0) + dt);
  const ms = t / 1000 - startMs;
  if (lt.some(([s, d]: number[]) => { const rs = s - t0; return ms >= rs && ms <= rs + d; })) inLong.set(key, (inLong.get(key) ?? 0) + dt);
}
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const ms = t / 1000 - startMs;
  if (!lt.some(([s, d]: number[]) => { const rs = s - t0; return ms >= rs && ms <= rs + d; })) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const seen = new Set<string>();
  for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const f = nodes.get(id).callFrame;
    if (/^[A-Z]/.test(f.functionName)) seen.add(f.functionName);
  }
  for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + dt);
}
console.log('--- components (inclusive) inside long tasks\n' + top(incl));
console.log('--- self time inside long tasks\n' + top(inLong));
await browser.close();
server.close();
