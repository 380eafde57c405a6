// A program's runs over time (oldest first): which site began to leak in which run. Each run is
// its summary (what `reftrace analyse --json` keeps of a log), so a CI job can keep a few kilobytes
// per run instead of its log. Sites are matched across runs by file base name, line and function,
// and a site whose file and function are the same but whose line moved is matched too (and said so).

import { basename } from '../../shared/names.ts';
import type { VerdictWord } from '../types.ts';

/** One site of a run: enough to follow it across runs. */
export interface RunSite {
  file: string;
  line: number;
  function: string;
  type: string;
  live: number;
  verdict: VerdictWord;
}

/** What a run contributes to its history. */
export interface RunSummary {
  log: string;
  lines: number;
  live: number;
  clock: { first: number | null; last: number | null };
  /** Its leaking sites and the sites holding the most objects (the rest hold fewer than `sitesBelow`). */
  sites: RunSite[];
  /** Sites not listed hold at most this many objects (0 when every site holding objects is listed). */
  sitesBelow: number;
}

export interface HistorySite {
  /** The file as the latest run names it. */
  file: string;
  /** Its file's full path in each run (null where the run does not have it): a release may live elsewhere. */
  files: (string | null)[];
  /** Its line in each run (null where the run does not have it). */
  lines: (number | null)[];
  function: string;
  type: string;
  /** Live objects at the end of each run (null: not listed there, so it held at most that run's sitesBelow). */
  live: (number | null)[];
  verdict: (VerdictWord | null)[];
  /** The first run whose verdict is leak, or null. */
  firstLeakRun: number | null;
  /** Where the line moved between runs, in words (empty when it never moved). */
  moves: string[];
}

export interface History {
  runs: { log: string; lines: number; live: number; clock: RunSummary['clock']; leaks: number }[];
  /** Sites that leak in any run, the earliest first leak first. */
  sites: HistorySite[];
  /** Sites listed in some run that never leak. */
  neverLeak: { sites: number; liveLastRun: number };
}

interface Identity {
  base: string;
  function: string;
  site: HistorySite;
  lastLine: number;
}

export function runHistory(runs: RunSummary[]): History {
  const n = runs.length;
  const ids: Identity[] = [];
  const exact = new Map<string, Identity>();
  const key = (base: string, line: number, fn: string) => `${base}\0${line}\0${fn}`;
  runs.forEach((run, r) => {
    const claimed = new Set<Identity>();
    // Exact matches first, so a moved line only takes an identity no site of this run has.
    const pending: RunSite[] = [];
    for (const s of run.sites) {
      const id = exact.get(key(basename(s.file), s.line, s.function));
      if (id && !claimed.has(id)) place(id, s, r, claimed);
      else pending.push(s);
    }
    for (const s of pending) {
      const base = basename(s.file);
      const moved = ids
        .filter((id) => id.base === base && id.function === s.function && !claimed.has(id) && id.site.lines[r] === null)
        .sort((a, b) => Math.abs(a.lastLine - s.line) - Math.abs(b.lastLine - s.line))[0];
      if (moved && moved.site.lines.slice(0, r).some((l) => l !== null)) {
        moved.site.moves.push(`line ${moved.lastLine} → ${s.line} in ${run.log}`);
        place(moved, s, r, claimed);
        continue;
      }
      const site: HistorySite = {
        file: s.file,
        files: Array(n).fill(null),
        lines: Array(n).fill(null),
        function: s.function,
        type: s.type,
        live: Array(n).fill(null),
        verdict: Array(n).fill(null),
        firstLeakRun: null,
        moves: [],
      };
      const id: Identity = { base, function: s.function, site, lastLine: s.line };
      ids.push(id);
      place(id, s, r, claimed);
    }
  });

  function place(id: Identity, s: RunSite, r: number, claimed: Set<Identity>): void {
    claimed.add(id);
    id.site.lines[r] = s.line;
    id.site.files[r] = s.file;
    id.site.live[r] = s.live;
    id.site.verdict[r] = s.verdict;
    id.site.file = s.file;
    id.site.type = s.type;
    id.lastLine = s.line;
    exact.set(key(id.base, s.line, s.function), id);
    if (s.verdict === 'leak' && id.site.firstLeakRun === null) id.site.firstLeakRun = r;
  }

  const leaking = ids.map((i) => i.site).filter((s) => s.firstLeakRun !== null);
  leaking.sort((a, b) => a.firstLeakRun! - b.firstLeakRun! || (b.live[n - 1] ?? 0) - (a.live[n - 1] ?? 0));
  const never = ids.map((i) => i.site).filter((s) => s.firstLeakRun === null);
  return {
    runs: runs.map((run) => ({
      log: run.log,
      lines: run.lines,
      live: run.live,
      clock: run.clock,
      leaks: run.sites.filter((s) => s.verdict === 'leak').length,
    })),
    sites: leaking,
    neverLeak: { sites: never.length, liveLastRun: never.reduce((t, s) => t + (s.live[n - 1] ?? 0), 0) },
  };
}
