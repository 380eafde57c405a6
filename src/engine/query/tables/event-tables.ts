// Tables whose rows are events: live objects, NEW/DEL pairs, untracked DELs, duplicate NEWs. At an
// instant they show the log as if it had ended there (the events before the cut); the growth view's
// live table shows the objects created after its start and alive at its end.

import type { LogStore } from '../../store/log-store.ts';
import type { TableFilter, TableId } from '../../types.ts';
import type { Derived } from '../derived.ts';
import { eventRowsMask } from '../event-filter.ts';
import { aliveRows } from '../heap.ts';
import { groupMasks, inGroup } from '../group-filter.ts';
import { isIgnored } from '../ignore.ts';
import { byRowId, eventSegments } from '../row-mask.ts';
import {
  clockSortKey,
  col,
  commonEventColumns,
  eventColumns,
  extraEventColumns,
  range,
  type TableDef,
} from './columns.ts';
import type { ViewContext } from './view-context.ts';

/**
 * An event table's filter: text on any of the row's events, clock window on the first; then the
 * exact site and type, and the ignore list, on the first.
 */
function eventMask(
  s: LogStore,
  d: Derived,
  v: ViewContext,
  f: TableFilter,
  events: Uint32Array[][],
): Uint8Array | null {
  let mask = eventRowsMask(s, f, events, (text) => d.nameMatches(text));
  const ignore = v.ignore;
  const group = groupMasks(s, f);
  if (!ignore && !group) return mask;
  const first = events[0];
  let n = 0;
  for (const seg of first) n += seg.length;
  mask ??= new Uint8Array(n).fill(1);
  let r = 0;
  for (const seg of first)
    for (let i = 0; i < seg.length; i++, r++)
      if (mask[r] && ((ignore && isIgnored(ignore, s, seg[i])) || (group && !inGroup(group, s, seg[i])))) mask[r] = 0;
  return mask;
}

/** How many entries of an ascending list of event ids come before the cut. */
function countBefore(prefix: number, length: number, at: (i: number) => number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first n entries of an event-id list, as segments (no copy). */
function firstSegments(segs: Uint32Array[], n: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (const seg of segs) {
    if (n <= 0) break;
    out.push(seg.length <= n ? seg : seg.subarray(0, n));
    n -= seg.length;
  }
  return out;
}

export function eventTable(id: TableId, s: LogStore, d: Derived, v: ViewContext, fullPath: boolean): TableDef | null {
  const { seed } = s;
  switch (id) {
    case 'live': {
      const ev = (r: number) => r; // rows are event ids
      let rows: Uint32Array | null = null;
      const liveRows = () => (rows ??= v.kind === 'end' ? d.live() : aliveRows(s, v.ends(), v.prefix, v.born, null));
      return {
        id,
        rows: liveRows,
        columns: [
          ...commonEventColumns(s, d, ev),
          ...eventColumns(s, d, ev, '', '', fullPath),
          ...extraEventColumns(s, ev),
        ],
        mask: (f) => {
          // Rows are event ids: the mask by position in the live list, then by event id.
          const all = liveRows();
          const mask = eventMask(s, d, v, f, [[all]]);
          return mask && byRowId(mask, all);
        },
      };
    }
    case 'untracked': {
      const n = countBefore(v.prefix, seed.untracked.length, (i) => seed.untracked.get(i));
      const ev = (r: number) => seed.untracked.get(r);
      return {
        id,
        rows: () => range(n),
        columns: [
          ...commonEventColumns(s, d, ev),
          ...eventColumns(s, d, ev, '', '', fullPath),
          ...extraEventColumns(s, ev),
        ],
        mask: (f) => eventMask(s, d, v, f, [firstSegments(eventSegments(seed.untracked), n)]),
      };
    }
    case 'pairs': {
      const n = countBefore(v.prefix, seed.pairDel.length, (i) => seed.pairDel.get(i));
      const born = (r: number) => seed.pairNew.get(r);
      const died = (r: number) => seed.pairDel.get(r);
      const lifetime = (r: number) => s.clock.get(died(r)) - s.clock.get(born(r));
      const clockKey = clockSortKey(s, d);
      return {
        id,
        rows: () => range(n),
        columns: [
          ...commonEventColumns(s, d, born),
          col('lifetime', 'Lifetime (s)', 'clock', (r) => clockKey(died(r)) - clockKey(born(r)), lifetime),
          ...eventColumns(s, d, born, 'new', 'NEW ', fullPath),
          ...eventColumns(s, d, died, 'del', 'DEL ', fullPath),
        ],
        mask: (f) => {
          const { lifetimeMin: lo, lifetimeMax: hi } = f;
          const mask = eventMask(s, d, v, f, [
            firstSegments(eventSegments(seed.pairNew), n),
            firstSegments(eventSegments(seed.pairDel), n),
          ]);
          if (lo === undefined && hi === undefined) return mask;
          // A lifetime window is rare (the CLI's, not the viewer's): a test per kept row is fine.
          const out = mask ?? new Uint8Array(n).fill(1);
          for (let r = 0; r < out.length; r++) {
            if (out[r] === 0) continue;
            const t = lifetime(r);
            if ((lo !== undefined && !(t >= lo)) || (hi !== undefined && !(t <= hi))) out[r] = 0;
          }
          return out;
        },
      };
    }
    case 'duplicates': {
      const n = countBefore(v.prefix, seed.dupNew.length, (i) => seed.dupNew.get(i));
      const older = (r: number) => seed.dupOld.get(r);
      const newer = (r: number) => seed.dupNew.get(r);
      return {
        id,
        rows: () => range(n),
        columns: [
          ...commonEventColumns(s, d, newer),
          col(
            'oldType',
            'Replaced type',
            'text',
            (r) => d.ranks('types')[s.typeOf(older(r))],
            (r) => s.types.strings[s.typeOf(older(r))],
          ),
          ...eventColumns(s, d, older, 'old', 'Replaced ', fullPath),
          ...eventColumns(s, d, newer, 'new', 'NEW ', fullPath),
        ],
        mask: (f) =>
          eventMask(s, d, v, f, [
            firstSegments(eventSegments(seed.dupNew), n),
            firstSegments(eventSegments(seed.dupOld), n),
          ]),
      };
    }
    default:
      return null;
  }
}
