// Dark mode follows the system (prefers-color-scheme), and both themes meet WCAG AA: with a real
// log open, every visible text (HTML and the charts' SVG labels) has ≥ 4.5:1 against the
// background behind it (3:1 when large), every chart line ≥ 3:1 against the chart's background,
// every button's and field's border ≥ 3:1 against what is around it, and every control the Tab key
// reaches shows a focus ring (2 px or more, ≥ 3:1 against what is around it, not cut off by a
// scrolling box; support/focus-walk.ts). Each scheme gets a browser of its own, launched with it
// (Firefox reads it from a preference at launch: over WebDriver BiDi it cannot be changed in a
// running page). Switching the scheme while the page runs, which the charts must follow, is
// tested in Chromium only.
import { resolve } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { contrast, flatten, luminance, parseColor, textMinimum } from '../support/contrast.ts';
import { readContrastSamples, type ControlSample, type LineSample, type TextSample } from './support/contrast-walk.ts';
import { walkFocus, type FocusSample } from './support/focus-walk.ts';
import {
  ROOT,
  WAIT_MS,
  launchBrowser,
  openFileByInput,
  openTab,
  tid,
  waitDone,
  waitSettled,
  type AppPage,
  type BrowserDriver,
  type ColorScheme,
} from './support/index.ts';

const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const name = inject('browserName');
const baseUrl = inject('baseUrl');
const CANVAS = parseColor('#ffffff');

const drivers: BrowserDriver[] = [];
const pages: AppPage[] = [];
afterAll(async () => {
  await Promise.all(pages.map((p) => p.close().catch(() => {})));
  await Promise.all(drivers.map((d) => d.close().catch(() => {})));
});

async function openIn(scheme: ColorScheme): Promise<AppPage> {
  const driver = await launchBrowser(name, { colorScheme: scheme });
  drivers.push(driver);
  const page = await driver.newPage({ viewport: { width: 1400, height: 1400 } });
  pages.push(page);
  await page.goto(baseUrl);
  return page;
}

interface Failure {
  what: string;
  ratio: number;
  minimum: number;
}

function textFailures(samples: TextSample[]): Failure[] {
  return samples
    .filter((s) => !s.dimmed)
    .map((s) => {
      const bg = flatten(s.layers.map(parseColor), CANVAS);
      return {
        what: `${s.where} "${s.text}" ${s.color}`,
        ratio: contrast(parseColor(s.color), bg),
        minimum: textMinimum(s.fontSize, s.fontWeight),
      };
    })
    .filter((f) => f.ratio < f.minimum);
}

function lineRatios(lines: LineSample[]): { chart: string; stroke: string; ratio: number }[] {
  return lines.map((l) => ({
    chart: l.chart,
    stroke: l.stroke,
    ratio: contrast(parseColor(l.stroke), flatten(l.layers.map(parseColor), CANVAS)),
  }));
}

/** The page's background luminance: near 1 in the light theme, near 0 in the dark. */
const pageLuminance = async (page: AppPage) =>
  luminance(parseColor(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)));

/** A focus ring that is missing, thinner than 2 px, under 3:1 on its background, or cut off. */
function ringFailures(rings: FocusSample[]): string[] {
  return rings.flatMap((r) => {
    if (!r.color || r.width < 2) return [`${r.where}: no focus ring (${r.width} px ${r.color || 'none'})`];
    const ratio = contrast(parseColor(r.color), flatten(r.layers.map(parseColor), CANVAS));
    if (ratio < 3) return [`${r.where}: focus ring ${r.color} at ${ratio.toFixed(2)}:1`];
    return r.clippedBy ? [`${r.where}: focus ring cut off by ${r.clippedBy}`] : [];
  });
}

/** Walks the views a user sees with a log open, and returns every sample. */
async function walkViews(
  page: AppPage,
): Promise<{ texts: TextSample[]; lines: LineSample[]; controls: ControlSample[]; rings: FocusSample[] }> {
  const texts: TextSample[] = [];
  const lines: LineSample[] = [];
  const controls: ControlSample[] = [];
  const rings: FocusSample[] = [];
  // Each view's text and lines; with `tab`, also the focus ring of every control the Tab key reaches in it.
  const take = async (tab = false) => {
    const s = await readContrastSamples(page);
    texts.push(...s.texts);
    lines.push(...s.lines);
    controls.push(...s.controls);
    if (tab) rings.push(...(await walkFocus(page)));
  };
  await page.waitFor(tid('open-example'), { state: 'visible' });
  await take(true); // the welcome
  await openFileByInput(page, SMALL);
  await waitDone(page);
  await expect
    .poll(() => page.count(`${tid('rss-chart')}[data-state="full"] .recharts-line`), { timeout: WAIT_MS })
    .toBe(2);
  await take(true); // summary and the RSS chart
  await openTab(page, 'live');
  await page.fill(tid('table-filter'), 'Fraction');
  await take(true); // a table, a filled filter
  await openTab(page, 'types');
  await expect.poll(() => page.count(`${tid('type-chart')} .recharts-line`), { timeout: WAIT_MS }).toBeGreaterThan(1);
  await take(true); // the per-type chart, its legend
  await openTab(page, 'messages');
  await take();
  // The leak views: a suspect's objects and detail, the heap at T, a message's text, a phase as A..B, an ignore chip.
  await openTab(page, 'summary');
  await page.focus(`${tid('suspect')}:first-child ${tid('suspect-open')}`);
  await page.press('Enter');
  await expect.poll(() => page.count(`${tid('detail-live-chart')} svg`), { timeout: WAIT_MS }).toBeGreaterThan(0);
  await take(true);
  await page.fill(tid('instant-input'), '0.047');
  await page.waitFor(tid('heap-totals'));
  await page.waitFor(tid('t-marker'));
  await take(true);
  await openTab(page, 'phases');
  await page.hover('[data-flag="1"]');
  await page.waitFor(tid('marker-tip'), { state: 'visible' });
  await take();
  await page.click(`${tid('row')}[aria-rowindex="2"]`);
  await openTab(page, 'growth');
  await page.waitFor(tid('growth-totals'));
  await page.fill(tid('ignore-name'), 'Fraction');
  await page.click(tid('ignore-add'));
  await page.waitFor(tid('ignore-chip'));
  await take(true);
  await page.click(tid('share-button'));
  await page.waitFor(tid('share-note'), { state: 'visible' });
  await take(true); // the share popover
  await page.press('Escape');
  // Compare with a baseline: its file button, the per type/site choice, the table.
  await openTab(page, 'compare');
  await page.setInputFiles(tid('compare-file-input'), [
    resolve(ROOT, 'test/fixtures/samples/nested_named/nested_middle.log'),
  ]);
  await page.waitForFunction(
    (sel) => /lines/.test(document.querySelector(sel)?.textContent ?? ''),
    tid('compare-status'),
  );
  await take(true);
  // A damaged .gz: the error banner and its close button.
  await openFileByInput(page, 'test/fixtures/bad/corrupt.log.gz');
  await waitSettled(page);
  await page.waitFor(tid('error-banner'), { state: 'visible' });
  await take(true);
  // A file that is not a log: the warning banner.
  await openFileByInput(page, 'package.json');
  await waitSettled(page);
  await page.waitFor(tid('not-a-log'), { state: 'visible' });
  await take();
  return { texts, lines, controls, rings };
}

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  test(
    'text ≥ 4.5:1 (3:1 large) on its background; chart lines, button and field borders, focus rings ≥ 3:1',
    { timeout: 180_000 },
    async () => {
      const page = await openIn(scheme);
      const lum = await pageLuminance(page);
      if (scheme === 'dark') expect(lum).toBeLessThan(0.02);
      else expect(lum).toBeGreaterThan(0.85);

      const { texts, lines, controls, rings } = await walkViews(page);
      // Enough of the page was seen for the verdict to mean something.
      expect(texts.length).toBeGreaterThan(150);
      expect(
        texts.filter((t) => t.where.startsWith('text') || t.where.startsWith('tspan')).length,
        'SVG tick labels',
      ).toBeGreaterThan(10);
      expect(textFailures(texts)).toEqual([]);

      const ratios = lineRatios(lines);
      expect(
        new Set(ratios.filter((r) => r.chart === 'rss-chart').map((r) => r.stroke)).size,
        'RSS and live lines',
      ).toBe(2);
      expect(
        new Set(ratios.filter((r) => r.chart === 'type-chart').map((r) => r.stroke)).size,
        'one colour per type',
      ).toBe(ratios.filter((r) => r.chart === 'type-chart').length);
      expect(ratios.filter((r) => r.ratio < 3)).toEqual([]);

      // Buttons, the filter, the clock-window fields, the share field: their boundaries.
      expect(controls.length).toBeGreaterThan(20);
      const weak = controls
        .map((c) => ({
          what: `${c.where} ${c.border}`,
          ratio: contrast(parseColor(c.border), flatten(c.layers.map(parseColor), CANVAS)),
        }))
        .filter((c) => c.ratio < 3);
      expect(weak).toEqual([]);

      // Every control the keyboard reaches shows a ring of 2 px or more at 3:1 on what is around it.
      expect(rings.length, 'focus stops').toBeGreaterThan(150);
      expect(ringFailures(rings)).toEqual([]);
      expect(page.errors()).toEqual([]);
    },
  );
});

describe.skipIf(name === 'firefox')(
  'switching the system scheme while the page runs (Chromium: see the header)',
  () => {
    test('the page and both charts follow light → dark → light', async () => {
      const page = await openIn('light');
      await openFileByInput(page, resolve(ROOT, SMALL));
      await waitDone(page);
      await openTab(page, 'types');
      const strokes = () =>
        page.evaluate(() => ({
          rss: Array.from(document.querySelectorAll('[data-testid="rss-chart"] .recharts-line .recharts-curve'), (p) =>
            p.getAttribute('stroke'),
          ),
          firstType:
            document
              .querySelector('[data-testid="type-chart"] .recharts-line .recharts-curve')
              ?.getAttribute('stroke') ?? null,
          page: getComputedStyle(document.documentElement).backgroundColor,
        }));
      const light = { rss: ['#1d4ed8', '#b45309'], firstType: '#1d4ed8', page: 'rgb(245, 246, 248)' };
      const dark = { rss: ['#79b8ff', '#f0a040'], firstType: '#79b8ff', page: 'rgb(13, 17, 23)' };
      await expect.poll(strokes, { timeout: WAIT_MS }).toEqual(light);
      await page.emulateColorScheme('dark');
      await expect.poll(strokes, { timeout: WAIT_MS }).toEqual(dark);
      await page.emulateColorScheme('light');
      await expect.poll(strokes, { timeout: WAIT_MS }).toEqual(light);
      expect(page.errors()).toEqual([]);
    });
  },
);
