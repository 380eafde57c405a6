// The README's screenshots of the Summary: the viewer built and served as `npm run build` makes it,
// a real log (test/fixtures/leaks/reindex-phase.log.gz) opened at 1366×768 in Debian's Chromium and
// Firefox ESR, each in the light and the dark theme, saved as docs/summary-<browser>-<theme>.png.
// Run: node --import tsx scripts/summary-screenshots.ts

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { BROWSERS, type ColorScheme } from '../test/browser/support/driver.ts';
import { ROOT, launchBrowser, tid, waitDone } from '../test/browser/support/index.ts';
import { serveStatic } from '../test/browser/support/static-server.ts';

const LOG = join(ROOT, 'test/fixtures/leaks/reindex-phase.log.gz');
const VIEWPORT = { width: 1366, height: 768 };

const dist = await mkdtemp(join(tmpdir(), 'reftrace-shots-'));
process.env.NODE_ENV = 'production';
await build({ root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true } });
const server = serveStatic(dist).listen(0, '127.0.0.1');
await new Promise((ok) => server.once('listening', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
try {
  for (const name of BROWSERS)
    for (const scheme of ['light', 'dark'] as ColorScheme[]) {
      const driver = await launchBrowser(name, { colorScheme: scheme, reducedMotion: true });
      try {
        const page = await driver.newPage({ viewport: VIEWPORT });
        await page.goto(base);
        await page.setInputFiles(tid('file-input'), [LOG]);
        await waitDone(page);
        // The verdicts, the rates per phase and the interactive chart drawn.
        await page.waitForFunction(() => !!document.querySelector('[data-testid="suspect-during"]')?.textContent);
        await page.waitFor(`${tid('rss-chart')}[data-state="full"]`);
        await page.waitFor(tid('summary-peak-live'));
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await new Promise((ok) => setTimeout(ok, 500));
        const out = join(ROOT, `docs/summary-${name}-${scheme}.png`);
        await writeFile(out, await page.screenshot());
        console.log(`${out} (${driver.name}, ${scheme})`);
      } finally {
        await driver.close();
      }
    }
} finally {
  server.close();
  await rm(dist, { recursive: true, force: true });
}
