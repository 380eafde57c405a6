// The verdict on one site or type, from the shape of its retained curve (curves.ts): growth that
// goes on through its life, or growth that recurs and is never given back, is a leak; a start-up
// working set, a cache that plateaued while it kept making objects, a single step, objects made at
// the very end of the run and objects made while importing modules are not.

import type { VerdictWord } from '../../types.ts';
import { isImportMachinery, SPANS, type LeakCurves } from './curves.ts';

export interface Judgement {
  verdict: VerdictWord;
  reason: string;
  /** Objects kept (never given back) by the end of the run's last-but-one span. */
  kept: number;
  /** Objects it kept after its start-up, per second of clock (0 unless it grows). */
  growthPerSecond: number;
  /** Clock from which its growth after start-up began (null when it has none). */
  growingSince: number | null;
}

/** Fewer kept objects than this cannot tell a leak from noise. */
const MIN_KEPT = 3;
/** A life shorter than this many spans (about 8% of the run) is too short to see growth go on. */
const MIN_LIFE = 8;
/** Entries of a functools.lru_cache with a maxsize (one with none makes no such objects): evicted when it is full. */
const LRU_ENTRY = 'functools._lru_list_elem';

export interface KeyName {
  file: string;
  function: string;
  /** The type it makes most. */
  type: string;
}

/** Judges key index `c` of the curves; `name` lets import machinery and cache entries be recognised. */
export function judge(curves: LeakCurves, c: number, name: KeyName): Judgement {
  const base = c * SPANS;
  const R = (t: number) => (t < 0 ? 0 : curves.retained[base + t]);
  const N = (t: number) => curves.news[base + t];
  const last = SPANS - 2; // the last span (the last 1% of the run) is left out: its objects may be in flight
  const kept = R(last);
  const live = curves.live[c];
  const clockAt = (t: number) => (t < 0 ? curves.clockFirst : curves.spanEnd[t]);
  const none = { kept, growthPerSecond: 0, growingSince: null };
  if (kept === 0)
    return { verdict: 'end-of-run', reason: `its ${live} live objects were made in the last 1% of the run`, ...none };
  if (isImportMachinery(name.file))
    return {
      verdict: 'import',
      reason: 'made by the import machinery: it lasts as long as the module it imported',
      ...none,
    };
  if (name.type === LRU_ENTRY)
    return {
      verdict: 'bounded',
      reason: `entries of a functools.lru_cache with a maxsize (${kept} kept): it evicts when full`,
      ...none,
    };
  let first = 0;
  while (first < last && N(first) === 0) first++;
  const life = last - first + 1;
  const pctOfRun = (t: number) => Math.round(((t + 1) / SPANS) * 100);
  if (kept < MIN_KEPT) return { verdict: 'too-few', reason: `keeps only ${kept}: too few to tell`, ...none };
  if (life < MIN_LIFE)
    return {
      verdict: 'made-late',
      reason: `first made at ${pctOfRun(first - 1)}% of the run: too little of it left to see whether it grows`,
      ...none,
    };

  // Growth spans and their episodes (runs of consecutive spans in which it kept more).
  const grew: number[] = [];
  for (let t = first; t <= last; t++) if (R(t) > R(t - 1)) grew.push(t);
  const episodes: [number, number][] = [];
  for (const t of grew) {
    const e = episodes.at(-1);
    if (e && e[1] === t - 1) e[1] = t;
    else episodes.push([t, t]);
  }
  // Growth only while modules were imported is their module-level objects (classes, enums, patterns).
  const whileImporting = grew.every((t) => curves.importing[t] === 1 || (t > 0 && curves.importing[t - 1] === 1));
  const imported: Judgement = {
    verdict: 'import',
    reason: `grew only while modules were being imported (${grew.length} times): their classes, enums and patterns`,
    ...none,
  };
  const lastGrowth = grew.at(-1) ?? first;
  let activeAfter = 0;
  let madeAfter = 0;
  for (let t = lastGrowth + 1; t <= last; t++) {
    if (N(t) > 0) activeAfter++;
    madeAfter += N(t);
  }
  const quarter = (q: number) => first + Math.floor((life * q) / 4) - 1;
  const grewIn = (q: number) => R(quarter(q + 1)) > R(quarter(q));
  const survival = curves.created[c] > 0 ? live / curves.created[c] : 0;
  const startUp = R(quarter(1));
  const since = episodes.find(([, end]) => end > quarter(1))?.[0] ?? first;
  const rate = (from: number) => {
    const seconds = clockAt(last) - clockAt(from - 1);
    return seconds > 0 ? (kept - R(from - 1)) / seconds : 0;
  };
  const steadily = grewIn(1) && grewIn(2) && grewIn(3) && kept - startUp >= MIN_KEPT;
  if (steadily) {
    if (whileImporting) return imported;
    const share =
      survival >= 0.95
        ? 'keeps everything it makes'
        : `keeps ${pct(survival)} of what it makes: a busy site that keeps a fraction`;
    return {
      verdict: 'leak',
      reason: `grew in ${pct(grew.length / life)} of the run since its first object, through to the end; ${share}`,
      kept,
      growthPerSecond: rate(quarter(1) + 1),
      growingSince: clockAt(since - 1),
    };
  }
  const plateauWhileBusy = activeAfter >= Math.max(3, Math.ceil(life / 10));
  if (episodes.length >= 3 && !plateauWhileBusy && kept - R(episodes[0][1]) >= MIN_KEPT) {
    if (whileImporting) return imported;
    return {
      verdict: 'leak',
      reason:
        `grew in ${episodes.length} separate bursts (${episodes.map(([a]) => `at ${pctOfRun(a - 1)}%`).join(', ')} of the run) ` +
        `and never gave any of it back`,
      kept,
      growthPerSecond: rate(episodes[1][0]),
      growingSince: clockAt(episodes[1][0] - 1),
    };
  }
  if (plateauWhileBusy)
    return {
      verdict: 'bounded',
      reason: `plateaued at ${kept} from ${pctOfRun(lastGrowth)}% of the run while it made ${madeAfter} more: a bounded cache or pool`,
      ...none,
    };
  if (episodes.length === 1 && episodes[0][1] <= quarter(1))
    return {
      verdict: 'working-set',
      reason: `built by ${pctOfRun(episodes[0][1])}% of the run (${kept} objects), flat since`,
      ...none,
    };
  return {
    verdict: 'one-step',
    reason: `grew ${episodes.length === 1 ? 'once' : 'twice'} (last at ${pctOfRun(lastGrowth)}% of the run) and held ${kept} since: a structure built lazily, or growth that stopped`,
    ...none,
  };
}

function pct(x: number): string {
  return x >= 0.1 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(1)}%`;
}
