import { TYPE_COLOUR_COUNT } from './theme.ts';

/** Colours of the per-type chart's legend and tooltip (HTML, so var() follows the theme); its SVG lines take ChartTheme.types. */
export const TYPE_COLOURS = Array.from({ length: TYPE_COLOUR_COUNT }, (_, i) => `var(--type-${i + 1})`);
