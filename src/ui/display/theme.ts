// The charts' colours, read from the CSS custom properties of styles/theme.css: SVG attributes
// (recharts' stroke and fill) take colours, not var(), so the charts ask for the values.

export interface ChartTheme {
  /** The chart's background (the panel's surface). */
  surface: string;
  grid: string;
  /** Axis lines, tick labels and the brush. */
  axis: string;
  rss: string;
  rssBand: string;
  live: string;
  liveBand: string;
  /** One line colour per type of the per-type chart, in rank order. */
  types: string[];
}

/** The custom properties behind ChartTheme, with the light theme's values for a page without the CSS (tests of parts). */
const VARS = {
  surface: ['--surface', '#ffffff'],
  grid: ['--chart-grid', '#e6e8ec'],
  axis: ['--chart-axis', '#57606a'],
  rss: ['--chart-rss', '#1d4ed8'],
  rssBand: ['--chart-rss-band', '#93c5fd'],
  live: ['--chart-live', '#b45309'],
  liveBand: ['--chart-live-band', '#fcd34d'],
} as const;

/** How many type colours theme.css defines (--type-1 … --type-8). */
export const TYPE_COLOUR_COUNT = 8;

/** The chart colours in force on `root` now (its computed custom properties). */
export function readChartTheme(root: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const theme = Object.fromEntries(
    Object.entries(VARS).map(([key, [name, fallback]]) => [key, read(name, fallback)]),
  ) as Omit<ChartTheme, 'types'>;
  const types = Array.from({ length: TYPE_COLOUR_COUNT }, (_, i) => read(`--type-${i + 1}`, VARS.rss[1]));
  return { ...theme, types };
}
