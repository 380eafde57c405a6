// One site's or type's objects phase by phase (the spans between the program's messages): made in
// the phase, live at its end, and kept at its end (what it never gives back afterwards), so a
// row's detail shows where its verdict comes from.

import type { LogStore } from '../../store/log-store.ts';
import { isDelOf } from '../../store/type-kind.ts';
import type { SubjectPhase } from '../../types.ts';
import { isIgnored, type IgnoreMasks } from '../ignore.ts';
import type { Instants } from '../instants.ts';
import type { ObjectGroup } from '../lifetimes.ts';
import type { Phase } from '../phases.ts';

export function subjectPhases(
  s: LogStore,
  group: ObjectGroup,
  phases: Phase[],
  instants: Instants,
  ignore: IgnoreMasks | null,
): SubjectPhase[] {
  const n = s.eventCount;
  const inGroup = (e: number) =>
    (group.site === undefined || s.site.get(e) === group.site) &&
    (group.type === undefined || s.typeOf(e) === group.type) &&
    !(ignore && isIgnored(ignore, s, e));
  const ends = phases.map((p, i) => (i === phases.length - 1 ? n : instants.prefixAt(p.to)));
  const made = new Int32Array(phases.length);
  const liveAt = new Int32Array(phases.length);
  const low = new Int32Array(phases.length);
  const { pairNew, pairDel, dupOld, dupNew } = s.seed;
  let pair = 0;
  let dup = 0;
  let live = 0;
  let p = 0;
  let lowest = 0;
  const close = () => {
    liveAt[p] = live;
    low[p] = lowest;
    lowest = live;
    p++;
  };
  for (let e = 0; e < n; e++) {
    while (p < phases.length - 1 && e >= ends[p]) close();
    if (isDelOf(s.typeKind.get(e))) {
      if (pair < pairDel.length && pairDel.get(pair) === e) {
        if (inGroup(pairNew.get(pair))) lowest = Math.min(lowest, --live);
        pair++;
      }
      continue;
    }
    if (dup < dupNew.length && dupNew.data[dup] === e) {
      if (inGroup(dupOld.data[dup])) lowest = Math.min(lowest, --live);
      dup++;
    }
    if (inGroup(e)) {
      live++;
      made[p]++;
    }
  }
  while (p < phases.length) close();
  const out: SubjectPhase[] = [];
  let kept = live;
  for (let i = phases.length - 1; i >= 0; i--) {
    out.push({
      phase: i + 1,
      message: phases[i].message,
      from: phases[i].from,
      to: phases[i].to,
      made: made[i],
      liveAtEnd: liveAt[i],
      kept: Math.min(kept, liveAt[i]),
    });
    kept = Math.min(kept, low[i]);
  }
  return out.reverse();
}
