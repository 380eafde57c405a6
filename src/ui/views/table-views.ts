// What each table tab shows: its title, a one-line explanation, how its filter reads and its
// order when the URL gives none.
import type { SortSpec, TableId } from '../../engine/types.ts';

export interface TableViewDef {
  table: TableId;
  title: string;
  description: string;
  placeholder: string;
  /** Event tables filter by creation clock; aggregate tables cover the whole log. */
  usesClockWindow: boolean;
  emptyText: string;
  /** The order when the URL has none (none: the worker's natural order). */
  defaultSort?: SortSpec[];
}

/** Most live objects first: where a leak hunter looks first. */
const MOST_LIVE_FIRST: SortSpec[] = [{ column: 'live', desc: true }];

const EVENT_FILTER = 'Filter by type, file, function, or 0x… address   ( / )';

/** The tables with a tab of their own (the phases and the comparison have theirs). */
export type TabTableId = Exclude<TableId, 'phases' | 'compare-types' | 'compare-sites' | 'compare-phases'>;

export const TABLE_VIEWS: Record<TabTableId, TableViewDef> = {
  live: {
    table: 'live',
    title: 'Live objects',
    description: 'Objects created (NEW) and not deleted by the end of the log: the candidates for leaks.',
    placeholder: EVENT_FILTER,
    usesClockWindow: true,
    emptyText: 'No live objects: everything created was deleted.',
  },
  pairs: {
    table: 'pairs',
    title: 'NEW/DEL pairs',
    description: 'Objects created and deleted within the log, with their lifetime (DEL clock − NEW clock).',
    placeholder: EVENT_FILTER,
    usesClockWindow: true,
    emptyText: 'No object was both created and deleted in this log.',
  },
  types: {
    table: 'types',
    title: 'Types',
    description:
      'Per type: created, deleted, the difference, DELs without a NEW (untracked), and still live. Click a row (or Enter) for its detail.',
    placeholder: 'Filter by type   ( / )',
    usesClockWindow: false,
    emptyText: 'No types: the log has no NEW or DEL lines.',
    defaultSort: MOST_LIVE_FIRST,
  },
  sites: {
    table: 'sites',
    title: 'Sites',
    description:
      'Where objects are created, grouped by file:line:function, with how many are still live. Click a row (or Enter) for its detail.',
    placeholder: 'Filter by file, function or type   ( / )',
    usesClockWindow: false,
    emptyText: 'No sites: the log has no NEW lines.',
    defaultSort: MOST_LIVE_FIRST,
  },
  untracked: {
    table: 'untracked',
    title: 'Untracked DELs',
    description: 'DEL lines for addresses never seen created: objects that existed before tracing started.',
    placeholder: EVENT_FILTER,
    usesClockWindow: true,
    emptyText: 'No untracked DELs: every deleted object was seen created.',
  },
  duplicates: {
    table: 'duplicates',
    title: 'Duplicates',
    description: 'NEW lines for an address that was still live: the earlier object’s DEL was never logged.',
    placeholder: EVENT_FILTER,
    usesClockWindow: true,
    emptyText: 'No duplicates: no address was created twice without a DEL between.',
  },
  messages: {
    table: 'messages',
    title: 'Messages',
    description: 'MSG and ERR lines written into the log by the traced program.',
    placeholder: 'Filter message text   ( / )',
    usesClockWindow: true,
    emptyText: 'No MSG or ERR lines in this log.',
  },
  problems: {
    table: 'problems',
    title: 'Problems',
    description: 'Lines the parser could not read as expected, by their line number in the log.',
    placeholder: 'Filter problem or detail   ( / )',
    usesClockWindow: false,
    emptyText: 'No problems: every line read as expected.',
  },
};
