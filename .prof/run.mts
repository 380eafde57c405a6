import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { build, type Rollup } from 'vite';
import { serveStatic } from '/work/main/test/browser/support/static-server.ts';
import { launchBrowser } from '/work/main/test/browser/support/index.ts';
import { run } from './stages-entry.ts';
const log = '/work/bench-logs/246mb.log';
console.log('node', JSON.stringify(run(new Uint8Array(readFileSync(log)))));
const out = (await build({ configFile: false, logLevel: 'warn', build: { write: false, minify: false, lib: { entry: '/work/main/.prof/stages-entry.ts', formats: ['iife'], name: 'stages' } } })) as Rollup.RollupOutput[];
const code = (out[0].output[0] as Rollup.OutputChunk).code;
const server = serveStatic('/work/bench-logs').listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
for (const name of ['chromium', 'firefox'] as const) {
  const b = await launchBrowser(name);
  const page = await b.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(url + 'x.html').catch(() => {});
  const r = await page.evaluate(async ([file, script]) => {
    const data = new Uint8Array(await (await fetch(file)).arrayBuffer());
    new Function(script + ';globalThis.stages = stages;')();
    return (globalThis as any).stages.run(data);
  }, [url + '246mb.log', code] as [string, string]);
  console.log(name, JSON.stringify(r));
  await b.close();
}
server.close();
