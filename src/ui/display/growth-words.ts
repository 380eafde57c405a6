// How fast a site or a type grows and when it began, in the words the Summary's suspects and a
// row's detail both use (from the engine's growthRates query): "+6,134/s", "+3,285 per phase it
// grew in (2 of 8 phases)", "0.473503 s", "during “reindex generation 1”".

import type { GrowthRate } from '../../engine/query/leaks/growth-rates.ts';
import { fmtClock, fmtInt, fmtRate } from '../format.ts';

export interface GrowthWords {
  /** Objects kept per second of clock ("+6,134/s"); null unless it grows. */
  perSecond: string | null;
  /** Objects kept per phase ("+500 per phase (8 of 8 phases)"); null unless it grows in a log with messages. */
  perPhase: string | null;
  /** The same under a "Per phase" heading ("+500 (8 of 8 phases)", "+3,285 where it grew (2 of 8 phases)"). */
  perPhaseShort: string | null;
  /** When it began growing (or made its first object), as a clock ("0.473503 s"). */
  since: string | null;
  /** The same moment as the program's message then ("during “iteration 0”"), or before any. */
  during: string | null;
}

/** Growth in most of the phases since it began reads as a steady rate per phase. */
const STEADY = 0.75;

export function growthWords(r: GrowthRate): GrowthWords {
  const pp = r.perPhase;
  let perPhase: string | null = null;
  let perPhaseShort: string | null = null;
  if (pp) {
    const of = `(${fmtInt(pp.grewIn)} of ${fmtInt(pp.phases)} phase${pp.phases === 1 ? '' : 's'})`;
    const steady = pp.grewIn >= pp.phases * STEADY;
    perPhase = `+${fmtInt(pp.perPhase)} per phase${steady ? '' : ' it grew in'} ${of}`;
    perPhaseShort = `+${fmtInt(pp.perPhase)}${steady ? '' : ' where it grew'} ${of}`;
  }
  return {
    perSecond: r.growing ? `+${fmtRate(r.perSecond)}/s` : null,
    perPhase,
    perPhaseShort,
    since: r.since === null ? null : `${fmtClock(r.since)} s`,
    during: r.during !== null ? `during “${r.during}”` : r.phase === 1 ? 'before the first message' : null,
  };
}
