// Header negotiation: which layout to read records with, given the titles of the log's HDR line,
// and what to tell the reader about titles that are unknown, damaged or missing.

import { KNOWN_TITLES, type Layout, layoutFromTitles, STANDARD_LAYOUT, standardLayoutFor } from '../format/layout.ts';

export interface HeaderOutcome {
  layout: Layout;
  /** A `header` problem to report at the HDR line, or null when the titles are fine. */
  problem: string | null;
}

/** The layout for the first HDR of a log (before any record). */
export function layoutForHeader(titles: string[]): HeaderOutcome {
  const built = layoutFromTitles(titles);
  if (!built.ok) return { layout: STANDARD_LAYOUT, problem: `${built.reason}; assuming the standard columns` };
  const unknown = titles.filter((t) => !KNOWN_TITLES.has(t));
  const missing = ['Line', 'Function', 'RSS'].filter((t) => !titles.includes(t));
  const standard = standardLayoutFor(titles);
  if (unknown.length && standard) {
    // Damaged titles in the standard places (e.g. "Funct1on"): the values are where pymemtrace
    // always writes them, so read the standard columns.
    return {
      layout: standard,
      problem: `unknown column title(s) ${unknown.join(', ')} where the standard ones belong; reading the standard columns`,
    };
  }
  if (unknown.length || missing.length) {
    const parts = [
      unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
      missing.length ? `no ${missing.join(', ')} column in the HDR` : '',
    ];
    return { layout: built.layout, problem: parts.filter(Boolean).join('; ') };
  }
  return { layout: built.layout, problem: null };
}
