// The tabs of the page, in order, with their counts and how an error message names each.

import type { Summary } from '../../engine/types.ts';
import type { TabItem } from '../components/Tabs.tsx';
import type { TabId } from '../url-state.ts';

/** `runs`: how many runs of the program were opened (their tab shows once there are any). */
export function tabItems(s: Summary | null, runs = 0): TabItem[] {
  return [
    { id: 'summary', label: 'Summary' },
    { id: 'live', label: 'Live objects', short: 'Live', count: s?.live },
    { id: 'pairs', label: 'NEW/DEL pairs', short: 'Pairs', count: s?.pairs },
    { id: 'types', label: 'Types', count: s?.types },
    // No badge: the summary counts every site, the tab lists the ones that create objects.
    { id: 'sites', label: 'Sites' },
    { id: 'heap', label: 'Heap at T' },
    { id: 'growth', label: 'Growth A→B', short: 'Growth' },
    { id: 'phases', label: 'Phases' },
    { id: 'untracked', label: 'Untracked DELs', short: 'Untracked', count: s?.untracked },
    { id: 'duplicates', label: 'Duplicates', count: s?.duplicates, warn: !!s && s.duplicates > 0 },
    {
      id: 'messages',
      label: 'Messages & problems',
      short: 'Messages',
      count: s ? s.counts.msg + s.counts.err + s.problems : undefined,
      warn: !!s && (s.problems > 0 || s.counts.err > 0),
    },
    { id: 'compare', label: 'Compare' },
    ...(runs > 0 ? [{ id: 'runs' as const, label: 'Runs', count: runs }] : []),
  ];
}

export const TAB_TITLES: Record<TabId, string> = {
  summary: 'the Summary',
  live: 'the Live objects table',
  pairs: 'the NEW/DEL pairs table',
  types: 'the Types table',
  sites: 'the Sites table',
  heap: 'the heap at T',
  growth: 'the growth from A to B',
  phases: 'the Phases table',
  untracked: 'the Untracked DELs table',
  duplicates: 'the Duplicates table',
  messages: 'Messages & problems',
  compare: 'the comparison',
  runs: "the program's runs",
};

/** The tabs that show a site's or a type's detail above their table. */
export const DETAIL_TABS: ReadonlySet<TabId> = new Set(['live', 'types', 'sites', 'heap', 'growth']);
