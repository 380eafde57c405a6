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
  /** The end of the span its growth began in: the program's message then says what it was doing. */
  growthSeen: number | null;
}

/** Fewer kept objects than this cannot tell a leak from noise. */
const MIN_KEPT = 3;
/** A burst that rebuilds a structure adds at least this many objects (a pool grows by a few at its peaks). */
const MIN_REBUILD = 10;
/** A life shorter than this many spans (about 8% of the run) is too short to see growth go on. */
const MIN_LIFE = 8;
/** The share of a key's freed objects whose lifetime says how long its objects may still live. */
const USUAL_LIFETIME = 0.99;
/** Fewer freed objects than this say nothing of their lifetimes. */
const MIN_FREED = 10;

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
  const retained = (t: number) => (t < 0 ? 0 : curves.retained[base + t]);
  const N = (t: number) => curves.news[base + t];
  // The last span (the last 1% of the run) is left out: its objects may be in flight.
  const kept = retained(SPANS - 2);
  const live = curves.live[c];
  const clockAt = (t: number) => (t < 0 ? curves.clockFirst : curves.spanEnd[t]);
  const none = { kept, growthPerSecond: 0, growingSince: null, growthSeen: null };
  const pctOfRun = (t: number) => Math.round(((t + 1) / SPANS) * 100);
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
  while (first < SPANS - 2 && N(first) === 0) first++;
  const last = SPANS - 2;
  const life = last - first + 1;
  const R = retained;
  const judgedKept = R(last);
  if (judgedKept < MIN_KEPT) return { verdict: 'too-few', reason: `keeps only ${kept}: too few to tell`, ...none };
  // Evidence of a leak is objects older than nearly all it ever freed, more of them than it freed that old.
  const { spans: usual, beyond } = usualLifetime(curves, c);
  const overdue = R(last - usual);
  const young = judgedKept - overdue;
  const longLived: Judgement = {
    verdict: 'long-lived',
    reason:
      `its freed objects lived up to ${pctOfRun(usual - 1)}% of the run (${beyond} lived longer); ` +
      `${young} of the ${kept} it holds are younger than that and may still be freed`,
    ...none,
  };
  const evidence = overdue >= MIN_KEPT && overdue > beyond;
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
    return seconds > 0 ? (judgedKept - R(from - 1)) / seconds : 0;
  };
  // A leak keeps old objects: a good share of what it kept after start-up was made in the first half of its life.
  const keepsOld = R(quarter(2)) - startUp >= (judgedKept - startUp) / 4;
  const steadily = grewIn(1) && grewIn(2) && grewIn(3) && keepsOld && judgedKept - startUp >= MIN_KEPT;
  if (steadily) {
    if (whileImporting) return imported;
    if (!evidence) return longLived;
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
      growthSeen: clockAt(since),
    };
  }
  // A cache or pool at its cap replaces what it holds: it plateaued while it kept making objects, and what it
  // holds is no older than what it gives back. (A busy site whose kept share stopped growing holds objects
  // older than anything it ever freed: that is evidence, not a cap.)
  const plateauWhileBusy = activeAfter >= Math.max(3, Math.ceil(life / 10));
  const bounded = plateauWhileBusy && !evidence;
  // Each later burst kept as much again as the first built: it builds the same thing again and keeps the old one.
  // Bursts are the episodes that kept MIN_REBUILD or more; a trickle between them is allowed, if the bursts made
  // most of the growth since the first.
  const burst = ([a, b]: [number, number]) => R(b) - R(a - 1);
  const bursts = episodes.filter((e) => burst(e) >= MIN_REBUILD);
  const inBursts = bursts.reduce((n, e) => n + burst(e), 0);
  const rebuilds =
    bursts.length >= 3 &&
    bursts.slice(1).every((e) => burst(e) * 2 >= burst(bursts[0])) &&
    inBursts * 4 >= (judgedKept - R(bursts[0][0] - 1)) * 3;
  if (rebuilds && !bounded && judgedKept - R(bursts[0][1]) >= MIN_KEPT) {
    if (whileImporting) return imported;
    if (!evidence) return longLived;
    return {
      verdict: 'leak',
      reason:
        `grew in ${bursts.length} separate bursts (${bursts.map(([a]) => `at ${pctOfRun(a - 1)}%`).join(', ')} of the run) ` +
        `and never gave any of it back`,
      kept,
      growthPerSecond: rate(bursts[1][0]),
      growingSince: clockAt(bursts[1][0] - 1),
      growthSeen: clockAt(bursts[1][0]),
    };
  }
  // The longest stretch of sustained growth (gaps of a span allowed), and how much of what it made it kept there.
  const stretch = longestStretch(episodes);
  const [sa, sb] = stretch ?? [first, first];
  const stretchSpans = sb - sa + 1;
  const stretchKept = R(sb) - R(sa - 1);
  const during = `${pctOfRun(sa - 1)}–${pctOfRun(sb)}% of the run`;
  const sustained = stretch !== null && stretchSpans >= MIN_LIFE && stretchKept >= MIN_KEPT;
  const phaseLeak = (why: string): Judgement => ({
    verdict: 'leak',
    reason: why,
    kept,
    growthPerSecond: (stretchKept / (clockAt(sb) - clockAt(sa - 1))) | 0,
    growingSince: clockAt(sa - 1),
    growthSeen: clockAt(sa),
  });
  if (young >= MIN_KEPT && young > overdue) return longLived;
  if (bounded)
    return {
      verdict: 'bounded',
      reason: `plateaued at ${kept} from ${pctOfRun(lastGrowth)}% of the run while it made ${madeAfter} more: a bounded cache or pool`,
      ...none,
    };
  // Growth at a steady rate through a quarter of the run or more, then none: as big as that phase's work.
  const half = sa + Math.floor(stretchSpans / 2);
  const steadyRate = R(sb) - R(half - 1) >= (R(half - 1) - R(sa - 1)) / 2;
  if (sustained && stretchSpans >= SPANS / 4 && steadyRate && !whileImporting && evidence)
    return phaseLeak(
      `grew at a steady rate all through ${during}, keeping everything, then stopped and never gave it back: it grows with the work of that phase`,
    );
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

/** The longest run of growth episodes separated by at most one flat span, if its spans mostly grew (3 in 4). */
function longestStretch(episodes: [number, number][]): [number, number] | null {
  let best: [number, number] | null = null;
  let grown = 0;
  let cur: [number, number] | null = null;
  for (const [a, b] of episodes) {
    if (cur && a - cur[1] <= 2) {
      cur = [cur[0], b];
      grown += b - a + 1;
    } else {
      cur = [a, b];
      grown = b - a + 1;
    }
    if (grown * 4 >= (cur[1] - cur[0] + 1) * 3 && (!best || cur[1] - cur[0] > best[1] - best[0])) best = cur;
  }
  return best;
}

/** How many spans its freed objects live (USUAL_LIFETIME of them; 0 when few were freed), and how many lived longer. */
function usualLifetime(curves: LeakCurves, c: number): { spans: number; beyond: number } {
  let freed = 0;
  for (let b = 0; b < SPANS; b++) freed += curves.lifetimes[c * SPANS + b];
  if (freed < MIN_FREED) return { spans: 0, beyond: 0 };
  let seen = 0;
  for (let b = 0; b < SPANS; b++) {
    seen += curves.lifetimes[c * SPANS + b];
    if (seen >= freed * USUAL_LIFETIME) return { spans: b + 1, beyond: freed - seen };
  }
  return { spans: SPANS, beyond: 0 };
}

function pct(x: number): string {
  return x >= 0.1 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(1)}%`;
}
