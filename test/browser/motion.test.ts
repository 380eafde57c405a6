// Less motion for who asks for it (prefers-reduced-motion: reduce): with the charts drawn and their
// tooltips shown, nothing on the page moves by itself. No CSS animation or transition runs or is set
// on any element (focus.css stills any that a library sets inline), and recharts draws each line
// whole at once (isAnimationActive={false}: no dash-array being drawn out). Both browsers emulate
// the preference from launch (Chromium as a context option, Firefox as a preference).
import { afterAll, expect, inject, test } from 'vitest';
import {
  launchBrowser,
  openFileByInput,
  openTab,
  tid,
  waitChartDrawn,
  waitDone,
  type AppPage,
  type BrowserDriver,
} from './support/index.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const name = inject('browserName');
const baseUrl = inject('baseUrl');

let driver: BrowserDriver | undefined;
let page: AppPage | undefined;
afterAll(async () => {
  await page?.close().catch(() => {});
  await driver?.close().catch(() => {});
});

/** Every element with a transition or an animation set, and the animations running in the document. */
function motion(p: AppPage) {
  return p.evaluate(() => {
    const moving: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const cs = getComputedStyle(el);
      const durations = `${cs.transitionDuration},${cs.animationDuration}`.split(',').map((d) => parseFloat(d));
      if (cs.animationName !== 'none' || durations.some((d) => d > 0))
        moving.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
    }
    const drawing = Array.from(document.querySelectorAll('.recharts-curve'), (c) =>
      c.getAttribute('stroke-dasharray'),
    ).filter((d) => d && d !== 'none');
    return {
      reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
      moving,
      running: document.getAnimations().length,
      drawing,
    };
  });
}

test(
  'reduced motion: the charts and their tooltips do not move, nothing transitions',
  { timeout: 120_000 },
  async () => {
    driver = await launchBrowser(name, { reducedMotion: true });
    page = await driver.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(baseUrl);
    const still = { reduce: true, moving: [], running: 0, drawing: [] };
    expect(await motion(page)).toEqual(still);

    await openFileByInput(page, SMALL);
    await waitDone(page);
    await waitChartDrawn(page);
    await page.hover(tid('chart-plot'));
    await page.waitFor('.recharts-tooltip-wrapper .chart-tip', { state: 'visible' });
    expect(await motion(page)).toEqual(still);

    await openTab(page, 'types');
    await page.waitFor(`${tid('type-chart')} .recharts-line`);
    await page.click(`${tid('row')}[aria-rowindex="2"]`);
    await page.waitFor(`${tid('detail-live-chart')} .recharts-area`);
    await page.hover(`${tid('type-chart')} .recharts-surface`);
    expect(await motion(page)).toEqual(still);
    expect(page.errors()).toEqual([]);
  },
);
