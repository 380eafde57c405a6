// A suspect's live count over the run (its 33 samples) as a small inline SVG: no chart library,
// drawn with the Summary's first numbers.

import { memo, useMemo } from 'react';
import { sparklinePath } from '../display/sparkline.ts';
import { fmtInt } from '../format.ts';

const WIDTH = 96;
const HEIGHT = 22;

export const Sparkline = memo(function Sparkline({ values }: { values: readonly number[] }) {
  const { d, max } = useMemo(() => sparklinePath(values, WIDTH, HEIGHT), [values]);
  const last = values[values.length - 1] ?? 0;
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Live objects over the run: ${fmtInt(values[0] ?? 0)} at the start, ${fmtInt(last)} at the end, at most ${fmtInt(max)}`}
    >
      <path d={d} />
    </svg>
  );
});
