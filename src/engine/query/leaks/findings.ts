// Sites that leak together are one finding: an object and what its __init__ makes, a failed job
// and the payloads its traceback keeps. Two leaking sites go together when nearly every object one
// keeps was made right next to one the other keeps. (Objects made later by someone else, such as
// the future a task makes once it runs, are made at other moments: they stay findings of their own.)

/** Of the smaller site's kept objects, the share that must have a partner close by. */
const TOGETHER_SHARE = 0.8;
/** Close by: within this fraction of the larger site's typical spacing between kept objects… */
const CLOSE_FRACTION = 1 / 4;
/** …and always within this many events (a NEW and the NEWs its __init__ makes). */
const MIN_CLOSE = 8;
/** Groups of indexes 0..n-1, each a set of indexes linked by `related`, largest first. */
export function groupRelated(n: number, related: (a: number, b: number) => boolean): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) if (find(a) !== find(b) && related(a, b)) parent[find(b)] = find(a);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()].sort((x, y) => y.length - x.length || x[0] - y[0]);
}

/** Whether most kept objects (event numbers, ascending) of the smaller list were made next to one of the other's. */
export function madeTogether(a: Uint32Array, b: Uint32Array, events: number): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const near = Math.max(MIN_CLOSE, (events / large.length) * CLOSE_FRACTION);
  let matched = 0;
  let j = 0;
  for (const e of small) {
    while (j < large.length && large[j] < e) j++;
    const after = j < large.length ? large[j] - e : Infinity;
    const before = j > 0 ? e - large[j - 1] : Infinity;
    if (Math.min(after, before) <= near) matched++;
  }
  return matched >= small.length * TOGETHER_SHARE;
}
