// What one log contributes to its program's history: its size, and its leaking sites plus the sites
// holding the most objects, each with its verdict (a few kilobytes, whatever the log's size).

import type { JsonReport, Suspect } from '../types.ts';
import type { RunSite, RunSummary } from './history.ts';

/** Sites listed besides the leaking ones: those holding the most objects. */
export const RUN_SITES = 200;

export function runSummary(report: JsonReport, sites: Suspect[]): RunSummary {
  const leaks = sites.filter((x) => x.verdict === 'leak');
  const others = sites
    .filter((x) => x.verdict !== 'leak')
    .sort((a, b) => b.live - a.live)
    .slice(0, RUN_SITES);
  const listed = [...leaks, ...others];
  const unlisted = sites.length - listed.length;
  return {
    log: report.file,
    lines: report.lines,
    live: report.live,
    clock: report.clock,
    sites: listed.map((x): RunSite => ({
      file: x.file,
      line: x.line,
      function: x.function,
      type: x.type,
      live: x.live,
      verdict: x.verdict,
    })),
    sitesBelow: unlisted > 0 ? (others.at(-1)?.live ?? 0) : 0,
  };
}
