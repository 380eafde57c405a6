// Two runs compared phase by phase: their phases aligned on the program's messages (the same text in
// the same order, as a diff aligns lines), and per phase the NEWs, DELs, net live change and
// objects made and still alive at its end in each run, and the difference. A phase that kept
// objects in the after run and none before comes first.

import type { Row } from '../types.ts';
import type { Phase } from './phases.ts';

/** Beyond this many cells the alignment is greedy (first match in order) instead of a longest common subsequence. */
const MAX_LCS_CELLS = 4_000_000;

/** Pairs of indexes into a and b (-1 where a phase has no counterpart), in order. */
export function alignPhases(a: Phase[], b: Phase[]): [number, number][] {
  const text = (p: Phase) => (p.message === null ? '\0start' : `${p.kind}\0${p.message}`);
  const ta = a.map(text);
  const tb = b.map(text);
  const matched = a.length * b.length <= MAX_LCS_CELLS ? lcs(ta, tb) : greedy(ta, tb);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const [x, y] of [...matched, [a.length, b.length] as [number, number]]) {
    while (i < x) out.push([i++, -1]);
    while (j < y) out.push([-1, j++]);
    if (x < a.length && y < b.length) out.push([i++, j++]);
  }
  return out;
}

function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const len = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      len[i * w + j] =
        a[i] === b[j] ? len[(i + 1) * w + j + 1] + 1 : Math.max(len[(i + 1) * w + j], len[i * w + j + 1]);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (len[(i + 1) * w + j] >= len[i * w + j + 1]) i++;
    else j++;
  }
  return pairs;
}

function greedy(a: string[], b: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const k = b.indexOf(a[i], j);
    if (k >= 0) {
      pairs.push([i, k]);
      j = k + 1;
    }
  }
  return pairs;
}

/** One row per aligned phase; the phases that kept more in the after run first. */
export function comparePhaseRows(before: Phase[], after: Phase[]): Row[] {
  const rows = alignPhases(before, after).map(([i, j]) => {
    const x = i >= 0 ? before[i] : null;
    const y = j >= 0 ? after[j] : null;
    const p = y ?? x!;
    const n = (ph: Phase | null, k: 'new' | 'del' | 'netLive' | 'createdAndAlive') => (ph ? ph[k] : 0);
    return {
      phase: p.message === null ? '(before the first message)' : p.message,
      in: x && y ? 'both' : x ? 'before only' : 'after only',
      newA: n(x, 'new'),
      newB: n(y, 'new'),
      newDiff: n(y, 'new') - n(x, 'new'),
      delA: n(x, 'del'),
      delB: n(y, 'del'),
      delDiff: n(y, 'del') - n(x, 'del'),
      netA: n(x, 'netLive'),
      netB: n(y, 'netLive'),
      netDiff: n(y, 'netLive') - n(x, 'netLive'),
      aliveA: n(x, 'createdAndAlive'),
      aliveB: n(y, 'createdAndAlive'),
      aliveDiff: n(y, 'createdAndAlive') - n(x, 'createdAndAlive'),
      // Kept objects in the after run and none before: the first thing to look at.
      leaksAfterOnly: n(y, 'createdAndAlive') > 0 && n(x, 'createdAndAlive') === 0 && y !== null ? 1 : 0,
    };
  });
  const order = rows.map((_, k) => k);
  order.sort(
    (p, q) => rows[q].leaksAfterOnly - rows[p].leaksAfterOnly || rows[q].aliveDiff - rows[p].aliveDiff || p - q,
  );
  return order.map((k) => rows[k]);
}
