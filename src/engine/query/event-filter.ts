// The filter of the event tables (live, pairs, untracked, duplicates) as one byte per row, by loops
// over the rows' event ids that read the event columns' chunks directly: no closure, no string and
// no `.get()` per row. Rows are in event order (pairs in DEL order), so most reads are near the
// previous row's.

import { chunkOf, slotOf } from '../store/chunked-columns.ts';
import { typeIdOf } from '../store/type-kind.ts';
import type { LogStore } from '../store/log-store.ts';
import type { TableFilter } from '../types.ts';
import { addressPrefixTest } from './address-match.ts';

/** The text filter as compared: trimmed, lower case; '' for none. */
export function filterText(f: TableFilter): string {
  return f.text?.trim().toLowerCase() ?? '';
}

/** "0x…" filters match addresses; any other text matches names. */
export function isAddressText(text: string): boolean {
  return /^0x[0-9a-f]+$/.test(text);
}

export interface NameMatches {
  /** Per type id: does the name contain the text? */
  types: Uint8Array;
  /** Per site id: does its file or function name contain the text? */
  sites: Uint8Array;
}

/**
 * Which rows the filter keeps (1), by position in row order, or null when the filter has no text
 * and no clock window. `events[k]` holds the k-th event of every row (one or two) as arrays in row
 * order; the text may match any of them, the clock window tests the first.
 */
export function eventRowsMask(
  s: LogStore,
  f: TableFilter,
  events: Uint32Array[][],
  names: (text: string) => NameMatches,
): Uint8Array | null {
  const text = filterText(f);
  const { clockMin, clockMax } = f;
  if (!text && clockMin === undefined && clockMax === undefined) return null;
  let n = 0;
  for (const seg of events[0]) n += seg.length;
  const out = new Uint8Array(n);
  if (!text) out.fill(1);
  // The events of a row share one address (pairs and duplicates are found by address): test the first.
  else if (isAddressText(text)) addressRows(s, addressPrefixTest(text), events[0], out);
  else {
    const m = names(text);
    // A text no name contains (a typo) keeps nothing: no pass over the rows.
    if (m.types.includes(1) || m.sites.includes(1)) nameRows(s, m, events[0], events[1] ?? null, out);
  }
  if (clockMin !== undefined || clockMax !== undefined)
    clockRows(s, clockMin ?? 0, clockMax ?? 0, clockMin !== undefined, clockMax !== undefined, events[0], out);
  return out;
}

/** out[r] = the row's first or second event matches by type or site (one loop for both: one write a row). */
function nameRows(
  s: LogStore,
  m: NameMatches,
  first: Uint32Array[],
  second: Uint32Array[] | null,
  out: Uint8Array,
): void {
  const { types, sites } = m;
  const tk = s.typeKind.chunks;
  const site = s.site.chunks;
  for (let k = 0, base = 0; k < first.length; base += first[k].length, k++) {
    const a = first[k];
    const b = second ? second[k] : null;
    for (let i = 0; i < a.length; i++) {
      const e = a[i];
      let c = chunkOf(e);
      let j = slotOf(e);
      let hit = types[typeIdOf(tk[c][j])] | sites[site[c][j]];
      if (b !== null) {
        const e2 = b[i];
        c = chunkOf(e2);
        j = slotOf(e2);
        hit |= types[typeIdOf(tk[c][j])] | sites[site[c][j]];
      }
      out[base + i] = hit;
    }
  }
}

function addressRows(
  s: LogStore,
  test: (hi: number, lo: number) => boolean,
  segs: Uint32Array[],
  out: Uint8Array,
): void {
  const his = s.addrHi;
  const los = s.addrLo.chunks;
  for (let k = 0, base = 0; k < segs.length; base += segs[k].length, k++) {
    const a = segs[k];
    for (let i = 0; i < a.length; i++) {
      const e = a[i];
      if (test(his.get(e), los[chunkOf(e)][slotOf(e)])) out[base + i] = 1;
    }
  }
}

/** Clears rows whose event's clock is outside the window; a bound is tested only when given (a NaN clock passes no bound). */
function clockRows(
  s: LogStore,
  min: number,
  max: number,
  hasMin: boolean,
  hasMax: boolean,
  segs: Uint32Array[],
  out: Uint8Array,
): void {
  const clock = s.clock;
  for (let k = 0, base = 0; k < segs.length; base += segs[k].length, k++) {
    const a = segs[k];
    for (let i = 0; i < a.length; i++) {
      const v = clock.get(a[i]);
      if ((hasMin && !(v >= min)) || (hasMax && !(v <= max))) out[base + i] = 0;
    }
  }
}
