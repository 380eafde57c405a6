// The phases (engine/query/phases.ts) as a table the page scrolls: numbered in clock order, their
// message text filtered, sorted by any columns (stably), and answered one window of rows at a time.

import type { Phase } from '../engine/query/phases.ts';
import type { Cell, Row } from '../engine/types.ts';
import type { PhaseTableQuery, PhaseWindow } from './api.ts';

/** One row per phase, numbered from 1 in the engine's (clock) order. */
export function phaseRows(phases: Phase[]): Row[] {
  return phases.map((p, i) => ({
    phase: i + 1,
    from: p.from,
    to: p.to,
    message: p.message,
    kind: p.kind,
    line: p.line,
    new: p.new,
    del: p.del,
    netLive: p.netLive,
    createdAndAlive: p.createdAndAlive,
    rssDelta: p.rssDelta,
  }));
}

/** Numbers in order, then text; a missing value (the first phase's start, no RSS) before any. */
function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function phaseWindow(rows: Row[], q: PhaseTableQuery): PhaseWindow {
  const text = q.text?.trim().toLowerCase();
  let kept = text
    ? rows.filter((r) =>
        String(r.message ?? '')
          .toLowerCase()
          .includes(text),
      )
    : rows;
  const sort = q.sort ?? [];
  if (sort.length) {
    kept = [...kept].sort((a, b) => {
      for (const s of sort) {
        const c = compareCells(a[s.column] ?? null, b[s.column] ?? null);
        if (c !== 0) return s.desc ? -c : c;
      }
      return 0;
    });
  }
  const offset = Math.max(0, Math.min(q.offset, kept.length));
  return { total: rows.length, matched: kept.length, offset, rows: kept.slice(offset, offset + Math.max(0, q.limit)) };
}
