// How fast a site or a type grows, and when it began, in the words a leak hunter asks them: objects
// kept per second of clock (the verdict's rate), objects kept per phase when the program writes
// messages (the spans between them, query/phases.ts), and the clock and the program's message when
// its growth began (a leak), or when it first made an object (anything else).
//
// Kept per phase is what subject-phases.ts counts for a row's detail (objects live at a phase's end
// that it never gives back), for every subject asked in one pass over the events: the Summary asks
// it for its ten suspects at once.

import type { LogStore } from '../../store/log-store.ts';
import { isDelOf } from '../../store/type-kind.ts';
import type { IgnoreList, Subject, Suspect, VerdictWord } from '../../types.ts';
import { isIgnored, type IgnoreMasks } from '../ignore.ts';
import type { Instants } from '../instants.ts';
import type { ObjectGroup } from '../lifetimes.ts';
import { phaseOf } from '../peaks.ts';
import { messageAt } from './message-at.ts';
import type { Phase } from '../phases.ts';

export interface GrowthRatesQuery {
  subjects: Subject[];
  ignore?: IgnoreList;
}

/** Its growth phase by phase, from the first phase it grew in since its growth began. */
export interface PhaseRate {
  /** Objects it kept in a phase it grew in (the median of those phases). */
  perPhase: number;
  /** Phases from the first it grew in to the end of the log, and how many of them it grew in. */
  phases: number;
  grewIn: number;
  /** Objects it kept over those phases. */
  kept: number;
  /** The first phase it grew in: its number (as the Phases tab numbers them) and message (first line). */
  firstPhase: number;
  firstMessage: string | null;
}

/** A subject's pace and its beginning (the Summary's suspects, a row's detail). */
export interface GrowthRate {
  subject: Subject;
  /** Its verdict; null when it holds nothing at the end. */
  verdict: VerdictWord | null;
  /** True for a leak: it grows (the rates below are its growth), else they are zero or null. */
  growing: boolean;
  /** Objects kept per second of clock once past its start-up (0 unless it grows). */
  perSecond: number;
  /** Kept per phase; null unless it grows in a log with messages. */
  perPhase: PhaseRate | null;
  /** When its growth began (a leak), or the clock of its first object; null when it made none. */
  since: number | null;
  /** The program's message in effect then (first line), or null when none had been written. */
  during: string | null;
  /** The phase it began in, numbered as the Phases tab numbers them; null in a log without messages. */
  phase: number | null;
}

/** What the verdicts say of a subject (leak-queries.ts finds it). */
export type VerdictOf = (subject: Subject) => Suspect | undefined;

export function growthRates(
  s: LogStore,
  subjects: Subject[],
  groups: (ObjectGroup | null)[],
  verdictOf: VerdictOf,
  phases: Phase[],
  instants: Instants,
  ignore: IgnoreMasks | null,
): GrowthRate[] {
  const judged = subjects.map(verdictOf);
  // Kept per phase only for the growing ones; the first NEW of those with no verdict.
  const follow = groups.map((g, i) => (g && (judged[i]?.verdict === 'leak' || !judged[i]) ? g : null));
  const walk = followGroups(s, follow, phases, instants, ignore);
  const during = messageAt(s);
  const phaseAt = (clock: number | null) =>
    clock === null || phases.length < 2 ? null : Math.max(1, phaseOf(phases, clock) + 1);
  return subjects.map((subject, i) => {
    const x = judged[i];
    if (!x) {
      const first = walk.firstNew[i];
      const since = first < 0 ? null : s.clock.get(first);
      return {
        subject,
        verdict: null,
        growing: false,
        perSecond: 0,
        perPhase: null,
        since,
        during: during(since),
        phase: phaseAt(since),
      };
    }
    const growing = x.verdict === 'leak';
    const since = growing ? x.growingSince : x.firstClock;
    const perPhase = growing && phases.length > 1 ? phaseRate(walk.kept[i], phases, x.growingSince) : null;
    return {
      subject,
      verdict: x.verdict,
      growing,
      perSecond: growing ? x.growthPerSecond : 0,
      perPhase,
      since,
      // The phase it first grew in, when there are phases: the verdict's own message is the one in
      // force a span (1% of the run) later.
      during: perPhase ? perPhase.firstMessage : growing ? x.growingDuring : during(since),
      phase: perPhase ? perPhase.firstPhase : phaseAt(since),
    };
  });
}

/** The growth per phase from the first phase it grew in at or after `since` (kept: per phase). */
export function phaseRate(kept: Int32Array, phases: Phase[], since: number | null): PhaseRate | null {
  const P = phases.length;
  const before = (p: number) => (p > 0 ? kept[p - 1] : 0);
  let start = 0;
  while (start < P && ((since !== null && phases[start].to <= since) || kept[start] <= before(start))) start++;
  if (start === P) return null;
  const grown: number[] = [];
  for (let p = start; p < P; p++) if (kept[p] > before(p)) grown.push(kept[p] - before(p));
  grown.sort((a, b) => a - b);
  const mid = grown.length >> 1;
  const median = grown.length % 2 ? grown[mid] : (grown[mid - 1] + grown[mid]) / 2;
  return {
    perPhase: Math.round(median),
    phases: P - start,
    grewIn: grown.length,
    kept: kept[P - 1] - before(start),
    firstPhase: start + 1,
    firstMessage: phases[start].message?.split('\n')[0] ?? null,
  };
}

/**
 * One pass over the events for every group: its first NEW, and its kept count at the end of each
 * phase (alive then and never given back afterwards: the lowest live count from then on).
 */
function followGroups(
  s: LogStore,
  groups: (ObjectGroup | null)[],
  phases: Phase[],
  instants: Instants,
  ignore: IgnoreMasks | null,
): { kept: Int32Array[]; firstNew: Int32Array } {
  const n = s.eventCount;
  const G = groups.length;
  const P = Math.max(1, phases.length);
  // Each event is in at most one site group and one type group.
  const bySite = new Map<number, number[]>();
  const byType = new Map<number, number[]>();
  groups.forEach((g, i) => {
    if (!g) return;
    const [map, key] = g.site !== undefined ? [bySite, g.site] : [byType, g.type!];
    map.set(key, [...(map.get(key) ?? []), i]);
  });
  const firstNew = new Int32Array(G).fill(-1);
  const live = new Int32Array(G);
  const lowest = new Int32Array(G);
  const liveAt = new Int32Array(G * P);
  const low = new Int32Array(G * P);
  if (bySite.size + byType.size === 0) return { kept: groups.map(() => new Int32Array(P)), firstNew };
  const ends = phases.map((p, i) => (i === phases.length - 1 ? n : instants.prefixAt(p.to)));
  const none: number[] = [];
  const groupsOf = (e: number): number[] => {
    const a = bySite.get(s.site.get(e));
    const b = byType.size ? byType.get(s.typeOf(e)) : undefined;
    if (!a && !b) return none;
    if (ignore && isIgnored(ignore, s, e)) return none;
    return a && b ? [...a, ...b] : (a ?? b!);
  };
  let p = 0;
  const close = () => {
    for (let g = 0; g < G; g++) {
      liveAt[g * P + p] = live[g];
      low[g * P + p] = lowest[g];
      lowest[g] = live[g];
    }
    p++;
  };
  const free = (e: number) => {
    for (const g of groupsOf(e)) if (--live[g] < lowest[g]) lowest[g] = live[g];
  };
  const { pairNew, pairDel, dupOld, dupNew } = s.seed;
  let pair = 0;
  let dup = 0;
  for (let e = 0; e < n; e++) {
    while (p < P - 1 && e >= ends[p]) close();
    if (isDelOf(s.typeKind.get(e))) {
      if (pair < pairDel.length && pairDel.get(pair) === e) {
        free(pairNew.get(pair));
        pair++;
      }
      continue;
    }
    if (dup < dupNew.length && dupNew.data[dup] === e) {
      free(dupOld.data[dup]);
      dup++;
    }
    for (const g of groupsOf(e)) {
      live[g]++;
      if (firstNew[g] < 0) firstNew[g] = e;
    }
  }
  while (p < P) close();
  const kept = groups.map((_, g) => {
    const out = new Int32Array(P);
    let k = live[g];
    for (let i = P - 1; i >= 0; i--) {
      out[i] = Math.min(k, liveAt[g * P + i]);
      k = Math.min(k, low[g * P + i]);
    }
    return out;
  });
  return { kept, firstNew };
}
