// The geometry of a suspect's sparkline: its live count at the 33 sample points of the run as one
// SVG path, from zero at the bottom to the highest count at the top.

export interface Sparkline {
  /** The path ('' for no samples). */
  d: string;
  /** The highest sample (the top of the drawing). */
  max: number;
}

/** A polyline through the samples over width × height pixels (y down), inset by `pad` so the stroke is not cut. */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 1): Sparkline {
  const n = values.length;
  if (n === 0) return { d: '', max: 0 };
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const round = (v: number) => Math.round(v * 10) / 10;
  const parts = values.map((v, i) => {
    const x = pad + (n === 1 ? w / 2 : (i * w) / (n - 1));
    const y = pad + h - (max > 0 ? (Math.max(0, v) / max) * h : 0);
    return `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
  });
  return { d: parts.join(''), max };
}
