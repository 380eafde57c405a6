// Whether two logs look like runs of the same program: the functions that make objects in each (a
// site's file base name and function, so that a fix which moves lines, or a checkout in another
// folder, still counts as the same program), and how many of them both logs share. The import
// machinery (`<frozen …>`) runs in every Python program and is left out.

import { basename } from '../../shared/names.ts';
import type { LogStore } from '../store/log-store.ts';
import { derivedOf } from './derived.ts';
import { isImportMachinery } from './leaks/curves.ts';

export interface LogLikeness {
  /** Functions (file base name and function) that make objects in the "before" and "after" logs, and in both. */
  before: number;
  after: number;
  common: number;
  /** common / the smaller of before and after (0 when either has none). */
  share: number;
  /** Whether they look like different programs (share below DIFFERENT_PROGRAMS_BELOW, both with some). */
  different: boolean;
}

/**
 * The share of common functions below which the two logs are said to look like different programs.
 * On the real logs of test/fixtures: the six releases of one service share 96% or more pairwise;
 * 638 of the 666 pairs of the leak corpus's 37 different programs share less than 80% (small
 * programs share a few standard-library functions).
 */
export const DIFFERENT_PROGRAMS_BELOW = 0.8;

function functionsOf(s: LogStore): Set<string> {
  const out = new Set<string>();
  for (const i of derivedOf(s).sites().ids) {
    const file = s.files.strings[s.sites.file[i]];
    if (!isImportMachinery(file)) out.add(`${basename(file)}\0${s.funcs.strings[s.sites.func[i]]}`);
  }
  return out;
}

export function logLikeness(before: LogStore, after: LogStore): LogLikeness {
  const a = functionsOf(before);
  const b = functionsOf(after);
  let common = 0;
  for (const k of a) if (b.has(k)) common++;
  const smaller = Math.min(a.size, b.size);
  const share = smaller > 0 ? common / smaller : 0;
  return { before: a.size, after: b.size, common, share, different: smaller > 0 && share < DIFFERENT_PROGRAMS_BELOW };
}
