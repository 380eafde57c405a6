// The phases table's rows: the worker numbers, filters (by message), sorts and exports them
// (worker/phase-table.ts); the page asks for windows of rows like any other table.

import type { ColumnInfo, SortSpec } from '../../engine/types.ts';
import type { RowSource } from './row-source.ts';
import { getApi } from './worker-client.ts';

export const PHASE_COLUMNS: ColumnInfo[] = [
  { id: 'phase', title: 'Phase', kind: 'int' },
  { id: 'from', title: 'Start', kind: 'clock' },
  { id: 'to', title: 'End', kind: 'clock' },
  { id: 'message', title: 'Message', kind: 'text' },
  { id: 'kind', title: 'Kind', kind: 'text' },
  { id: 'line', title: 'Log line', kind: 'int' },
  { id: 'new', title: 'NEW', kind: 'int' },
  { id: 'del', title: 'DEL', kind: 'int' },
  { id: 'netLive', title: 'Net live', kind: 'int' },
  { id: 'createdAndAlive', title: 'Created, alive at end', kind: 'int' },
  { id: 'rssDelta', title: 'RSS change', kind: 'bytes' },
];

/** The phases that left the most objects alive first. */
export const PHASES_DEFAULT_SORT: SortSpec[] = [{ column: 'createdAndAlive', desc: true }];

export const phaseSource: RowSource = {
  id: 'phases',
  columns: () => Promise.resolve(PHASE_COLUMNS),
  rows: (q, offset, limit) =>
    getApi().phaseTable({ ignore: q.ignore, text: q.filter.text, sort: q.sort, offset, limit }),
  export: (q, format) =>
    getApi().exportPhases({ ignore: q.ignore, text: q.filter.text, sort: q.sort }, PHASE_COLUMNS, format),
};
