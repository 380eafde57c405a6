// What the tables of the heap-at-T and growth tabs show: per type, per site and the objects, at an
// instant T or over a window A..B, each with its own sort and filter in the URL.

import type { SortSpec, TableId } from '../../engine/types.ts';
import type { MomentKey, MomentPart } from '../url-state.ts';

export type MomentMode = 'heap' | 'growth';

export interface MomentTableDef {
  /** Its sort and filter in the URL. */
  key: MomentKey;
  table: TableId;
  label: string;
  description: string;
  placeholder: string;
  emptyText: string;
  defaultSort: SortSpec[];
}

const OBJECT_FILTER = 'Filter by type, file, function, or 0x… address   ( / )';
const LIVE_DESC: SortSpec[] = [{ column: 'live', desc: true }];
const DELTA_DESC: SortSpec[] = [{ column: 'delta', desc: true }];

export const MOMENT_TABLES: Record<MomentMode, Record<MomentPart, MomentTableDef>> = {
  heap: {
    types: {
      key: 'heap-types',
      table: 'types',
      label: 'Types at T',
      description:
        'Per type, the log as if it had ended at T: created, deleted and alive (Live) at T. Most alive first; click a row for its detail.',
      placeholder: 'Filter by type   ( / )',
      emptyText: 'Nothing was created by T.',
      defaultSort: LIVE_DESC,
    },
    sites: {
      key: 'heap-sites',
      table: 'sites',
      label: 'Sites at T',
      description:
        'Per allocation site, the log as if it had ended at T: its objects alive (Live) at T. Most alive first; click a row for its detail.',
      placeholder: 'Filter by file, function or type   ( / )',
      emptyText: 'Nothing was created by T.',
      defaultSort: LIVE_DESC,
    },
    objects: {
      key: 'heap-objects',
      table: 'live',
      label: 'Objects alive at T',
      description: 'The objects alive at T: created (NEW) by T and not deleted by then.',
      placeholder: OBJECT_FILTER,
      emptyText: 'Nothing was alive at T.',
      defaultSort: [],
    },
  },
  growth: {
    types: {
      key: 'growth-types',
      table: 'types',
      label: 'Growth per type',
      description:
        'Per type: alive at A, alive at B, the difference Δ, and those created after A still alive at B. Largest Δ first; click a row for its detail.',
      placeholder: 'Filter by type   ( / )',
      emptyText: 'Nothing was alive at A or B.',
      defaultSort: DELTA_DESC,
    },
    sites: {
      key: 'growth-sites',
      table: 'sites',
      label: 'Growth per site',
      description:
        'Per allocation site: alive at A, alive at B, the difference Δ, and those created after A still alive at B. Largest Δ first; click a row for its detail.',
      placeholder: 'Filter by file, function or type   ( / )',
      emptyText: 'Nothing was alive at A or B.',
      defaultSort: DELTA_DESC,
    },
    objects: {
      key: 'growth-objects',
      table: 'live',
      label: 'Created in A..B, alive at B',
      description: 'The objects created after A and still alive at B: what the window added to the heap.',
      placeholder: OBJECT_FILTER,
      emptyText: 'Nothing created after A was alive at B.',
      defaultSort: [],
    },
  },
};
