// The labels of a lifetime histogram's log-scale buckets, from its edges in seconds:
// "< 1 µs", "1–10 µs", …, "≥ 100 s".

/** A power-of-ten duration in the unit that reads best: 1e-6 → "1 µs", 0.1 → "100 ms", 10 → "10 s". */
export function fmtDuration(seconds: number): string {
  const units: [number, string][] = [
    [1, 's'],
    [1e-3, 'ms'],
    [1e-6, 'µs'],
    [1e-9, 'ns'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size * 0.9999) return `${Number((seconds / size).toPrecision(3))} ${name}`;
  }
  return `${seconds} s`;
}

/** Buckets are edges.length + 1: below the first edge, between each two, at or above the last. */
export function bucketLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) return ['all'];
  const out = [`< ${fmtDuration(edges[0])}`];
  for (let i = 1; i < edges.length; i++) {
    const [a, b] = [fmtDuration(edges[i - 1]), fmtDuration(edges[i])];
    const [na, ua] = a.split(' ');
    const [nb, ub] = b.split(' ');
    out.push(ua === ub ? `${na}–${nb} ${ub}` : `${a}–${b}`);
  }
  out.push(`≥ ${fmtDuration(edges[edges.length - 1])}`);
  return out;
}
