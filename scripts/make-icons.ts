// Renders public/icon.svg to the PNG sizes the web app manifest lists (public/icon-192.png,
// public/icon-512.png) with Debian's Chromium, so the committed PNGs can be remade after the SVG
// changes without any download: `npx tsx scripts/make-icons.ts`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const SIZES = [192, 512];

const svg = await readFile(`${PUBLIC}icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `${PUBLIC}icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
