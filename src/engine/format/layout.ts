// Column layout of NEW:/DEL: records, read from the HDR: titles. Numbers are read from the left up
// to Type and from the right after File; Type and File (which may hold spaces) sit in between.

export const enum Field {
  Clock,
  Address,
  LiveCnt,
  Sizeof,
  Line,
  Function,
  Rss,
  DRss,
  Other,
}

export interface Layout {
  titles: string[];
  /** Fields before Type, left to right. */
  left: Field[];
  /** Fields after File, right to left. */
  rightReversed: Field[];
  hasSizeof: boolean;
  /** Byte offsets of each field when no value overflows its printf width, or null. */
  fixed: FixedOffsets | null;
}

/** Where each field starts in a record line whose values all fit their widths (-1: absent). */
export interface FixedOffsets {
  /** Length of such a line: any longer line has an overflowing value. */
  length: number;
  /** Offsets that must hold the separating space. */
  separators: Int32Array;
  clock: number;
  clockWidth: number;
  address: number;
  addressWidth: number;
  liveCnt: number;
  liveCntWidth: number;
  sizeof: number;
  sizeofWidth: number;
  type: number;
  typeWidth: number;
  file: number;
  fileWidth: number;
  line: number;
  lineWidth: number;
  func: number;
  funcWidth: number;
  rss: number;
  rssWidth: number;
  drss: number;
  drssWidth: number;
  /** Bytes from the start of Type to the end of Function (adjacent, in that order). */
  namesWidth: number;
}

// printf widths of " %12.6f %16p %16ld [%16ld] %-32s %-80s %4d %-40s %16zd %16ld".
const WIDTH: Record<string, number> = {
  Clock: 12,
  Address: 16,
  LiveCnt: 16,
  RefCnt: 16,
  Sizeof: 16,
  Type: 32,
  File: 80,
  Line: 4,
  Function: 40,
  RSS: 16,
  dRSS: 16,
};
function fixedOffsets(titles: string[]): FixedOffsets | null {
  // Titles come from the log: own keys only (a title `constructor` or `__proto__` is just unknown).
  const at: Record<string, number> = Object.create(null);
  const separators: number[] = [];
  let pos = 4; // after the "NEW:" tag
  for (const t of titles) {
    const w = Object.hasOwn(WIDTH, t) ? WIDTH[t] : undefined;
    if (w === undefined || t in at) return null;
    separators.push(pos);
    at[t] = pos + 1;
    pos += 1 + w;
  }
  if (at.Type === undefined || at.File !== at.Type + 33 || at.Line !== at.File + 81 || at.Function !== at.Line + 5)
    return null;
  // One object literal, so the hot path reads fast (in-object) properties, not a dictionary.
  const o = (t: string) => at[t] ?? -1;
  return {
    length: pos,
    separators: Int32Array.from(separators),
    clock: o('Clock'),
    clockWidth: WIDTH.Clock,
    address: o('Address'),
    addressWidth: WIDTH.Address,
    liveCnt: at.LiveCnt ?? at.RefCnt ?? -1,
    liveCntWidth: WIDTH.LiveCnt,
    sizeof: o('Sizeof'),
    sizeofWidth: WIDTH.Sizeof,
    type: o('Type'),
    typeWidth: WIDTH.Type,
    file: o('File'),
    fileWidth: WIDTH.File,
    line: o('Line'),
    lineWidth: WIDTH.Line,
    func: o('Function'),
    funcWidth: WIDTH.Function,
    rss: o('RSS'),
    rssWidth: WIDTH.RSS,
    drss: o('dRSS'),
    drssWidth: WIDTH.dRSS,
    namesWidth: at.Function + WIDTH.Function - at.Type,
  };
}

const FIELD_BY_TITLE: Record<string, Field> = {
  Clock: Field.Clock,
  Address: Field.Address,
  LiveCnt: Field.LiveCnt,
  RefCnt: Field.LiveCnt,
  Sizeof: Field.Sizeof,
  Line: Field.Line,
  Function: Field.Function,
  RSS: Field.Rss,
  dRSS: Field.DRss,
};

/**
 * Every title pymemtrace writes (Sizeof only in some builds). Before 0.6 the third column was titled
 * RefCnt and held the object's reference count; it is read in LiveCnt's place.
 */
export const KNOWN_TITLES = new Set([
  'Clock',
  'Address',
  'LiveCnt',
  'RefCnt',
  'Sizeof',
  'Type',
  'File',
  'Line',
  'Function',
  'RSS',
  'dRSS',
]);

export const STANDARD_TITLES = ['Clock', 'Address', 'LiveCnt', 'Type', 'File', 'Line', 'Function', 'RSS', 'dRSS'];

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; reason: string };

/** Builds a layout from HDR titles, or says why it cannot. */
export function layoutFromTitles(titles: string[]): LayoutResult {
  const no = (reason: string): LayoutResult => ({ ok: false, reason });
  const t = titles.indexOf('Type');
  const f = titles.indexOf('File');
  if (t < 0 || f < 0) return no(`HDR has no ${t < 0 ? 'Type' : 'File'} column`);
  if (f !== t + 1) return no('HDR must have File right after Type');
  const fieldOf = (x: string) => (Object.hasOwn(FIELD_BY_TITLE, x) ? FIELD_BY_TITLE[x] : Field.Other);
  const left = titles.slice(0, t).map(fieldOf);
  const right = titles.slice(f + 1).map(fieldOf);
  if (!left.includes(Field.Clock) || !left.includes(Field.Address))
    return no('HDR needs Clock and Address before Type');
  if (right.includes(Field.Clock) || right.includes(Field.Address)) return no('HDR has Clock or Address after File');
  return {
    ok: true,
    layout: {
      titles,
      left,
      rightReversed: right.reverse(),
      hasSizeof: left.includes(Field.Sizeof),
      fixed: fixedOffsets(titles),
    },
  };
}

/** The layout of titles that are known to be valid. */
function validLayout(titles: string[]): Layout {
  const r = layoutFromTitles(titles);
  if (!r.ok) throw new Error(r.reason);
  return r.layout;
}

export const STANDARD_LAYOUT = validLayout(STANDARD_TITLES);
const SIZEOF_LAYOUT = validLayout(['Clock', 'Address', 'LiveCnt', 'Sizeof', ...STANDARD_TITLES.slice(3)]);

/**
 * The standard layout (with or without Sizeof) when titles has its length and every known title
 * in its standard place, so that only unknown (damaged) titles differ; null otherwise.
 */
export function standardLayoutFor(titles: string[]): Layout | null {
  for (const layout of [STANDARD_LAYOUT, SIZEOF_LAYOUT]) {
    const want = layout.titles;
    if (titles.length === want.length && titles.every((t, i) => t === want[i] || !KNOWN_TITLES.has(t))) return layout;
  }
  return null;
}

/** Width of the Type column (printf %-32s). */
export const TYPE_WIDTH = 32;
