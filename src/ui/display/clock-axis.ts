// The clock X axis the small charts share (a row's detail, the per-type chart): round-number ticks
// over the data's span, in the theme's axis colour.

import { niceTicks } from './chart-data.ts';

/** recharts XAxis props for a `clock` data key spanning [lo, hi]. */
export function clockAxisProps(lo: number, hi: number, tickCount: number, axisColour: string, fontSize: number) {
  const x = niceTicks(lo, hi, tickCount);
  return {
    dataKey: 'clock',
    type: 'number' as const,
    domain: ['dataMin', 'dataMax'] as ['dataMin', 'dataMax'],
    ticks: x.ticks,
    interval: 0 as const,
    tickFormatter: (v: number) => v.toFixed(x.decimals),
    tick: { fontSize, fill: axisColour },
    stroke: axisColour,
    height: fontSize + 8,
  };
}

/**
 * CartesianGrid's verticalCoordinatesGenerator for a grid without vertical lines: recharts' default
 * still places them, measuring every x tick label in the DOM (a forced layout each, ~80 ms of the
 * chart's first draw).
 */
export const noVerticalLines = (): number[] => [];
