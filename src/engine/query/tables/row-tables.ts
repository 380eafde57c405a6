// Tables whose rows are computed whole before they are shown (a few thousand at most): the phases
// and the comparison of two logs. They page, sort, filter and export like the others.

import type { Cell, ColumnInfo, Row, TableId } from '../../types.ts';
import type { Phase } from '../phases.ts';
import { byPredicate, col, range, textPredicate, type TableDef } from './columns.ts';

/** A table over rows in hand: numbers sort as numbers (a missing one first), text in locale order. */
export function rowTable(id: TableId, columns: ColumnInfo[], rows: Row[], filtered: string[]): TableDef {
  const textRanks = new Map<string, Float64Array>();
  const rankOf = (column: string) => {
    let ranks = textRanks.get(column);
    if (!ranks) {
      const order = rows
        .map((_, i) => i)
        .sort((a, b) => String(rows[a][column]).localeCompare(String(rows[b][column])));
      ranks = new Float64Array(rows.length);
      order.forEach((r, rank) => (ranks![r] = rank));
      textRanks.set(column, ranks);
    }
    return ranks;
  };
  const key = (c: ColumnInfo) =>
    c.kind === 'text'
      ? (r: number) => rankOf(c.id)[r]
      : (r: number) => {
          const v = rows[r][c.id];
          return typeof v === 'number' ? v : -Infinity;
        };
  return byPredicate({
    id,
    rows: () => range(rows.length),
    columns: columns.map((c) => col(c.id, c.title, c.kind, key(c), (r): Cell => rows[r][c.id] ?? null)),
    predicate: (f) =>
      textPredicate(
        f,
        filtered.map((c) => (r: number) => String(rows[r][c] ?? '')),
      ),
  });
}

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

/** One row per phase, numbered from 1 in clock order; the filter looks at the message. */
export function phaseTable(phases: Phase[]): TableDef {
  const rows = phases.map((p, i) => ({ phase: i + 1, ...p }));
  return rowTable('phases', PHASE_COLUMNS, rows, ['message']);
}

export function compareColumns(by: 'type' | 'site'): ColumnInfo[] {
  const n = (id: string, title: string): ColumnInfo => ({ id, title, kind: 'int' });
  return [
    { id: 'key', title: by === 'type' ? 'Type' : 'Site', kind: 'text' },
    n('newA', 'New before'),
    n('newB', 'New after'),
    n('newDiff', 'New Δ'),
    n('delA', 'Del before'),
    n('delB', 'Del after'),
    n('delDiff', 'Del Δ'),
    n('liveA', 'Live before'),
    n('liveB', 'Live after'),
    n('liveDiff', 'Live Δ'),
  ];
}

export const COMPARE_PHASE_COLUMNS: ColumnInfo[] = [
  { id: 'phase', title: 'Phase (message)', kind: 'text' },
  { id: 'in', title: 'In', kind: 'text' },
  { id: 'newA', title: 'New before', kind: 'int' },
  { id: 'newB', title: 'New after', kind: 'int' },
  { id: 'newDiff', title: 'New Δ', kind: 'int' },
  { id: 'delA', title: 'Del before', kind: 'int' },
  { id: 'delB', title: 'Del after', kind: 'int' },
  { id: 'delDiff', title: 'Del Δ', kind: 'int' },
  { id: 'netA', title: 'Net live before', kind: 'int' },
  { id: 'netB', title: 'Net live after', kind: 'int' },
  { id: 'netDiff', title: 'Net live Δ', kind: 'int' },
  { id: 'aliveA', title: 'Made, alive at end before', kind: 'int' },
  { id: 'aliveB', title: 'Made, alive at end after', kind: 'int' },
  { id: 'aliveDiff', title: 'Made, alive at end Δ', kind: 'int' },
];

/** The two runs phase by phase (compare-phases.ts); the filter looks at the message. */
export function comparePhaseTable(rows: Row[]): TableDef {
  return rowTable('compare-phases', COMPARE_PHASE_COLUMNS, rows, ['phase', 'in']);
}

/** The comparison's rows (compare.ts), biggest growth of live objects first; the filter looks at the key. */
export function compareTable(by: 'type' | 'site', rows: Row[]): TableDef {
  return rowTable(by === 'type' ? 'compare-types' : 'compare-sites', compareColumns(by), rows, ['key']);
}
