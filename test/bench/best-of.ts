// The best time of a few runs of fn, and its last result (benchmarks report the best: the machine's
// noise only ever adds time).

export function bestOf<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, result };
}
