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
}

const FIELD_BY_TITLE: Record<string, Field> = {
  Clock: Field.Clock,
  Address: Field.Address,
  LiveCnt: Field.LiveCnt,
  Sizeof: Field.Sizeof,
  Line: Field.Line,
  Function: Field.Function,
  RSS: Field.Rss,
  dRSS: Field.DRss,
};

export const STANDARD_TITLES = ['Clock', 'Address', 'LiveCnt', 'Type', 'File', 'Line', 'Function', 'RSS', 'dRSS'];

/** Builds a layout from HDR titles, or returns the reason it cannot. */
export function layoutFromTitles(titles: string[]): Layout | string {
  const t = titles.indexOf('Type');
  const f = titles.indexOf('File');
  if (t < 0 || f < 0) return `HDR has no ${t < 0 ? 'Type' : 'File'} column`;
  if (f !== t + 1) return 'HDR must have File right after Type';
  const left = titles.slice(0, t).map((x) => FIELD_BY_TITLE[x] ?? Field.Other);
  const right = titles.slice(f + 1).map((x) => FIELD_BY_TITLE[x] ?? Field.Other);
  if (!left.includes(Field.Clock) || !left.includes(Field.Address)) return 'HDR needs Clock and Address before Type';
  if (right.includes(Field.Clock) || right.includes(Field.Address)) return 'HDR has Clock or Address after File';
  return { titles, left, rightReversed: right.reverse(), hasSizeof: left.includes(Field.Sizeof) };
}

export const STANDARD_LAYOUT = layoutFromTitles(STANDARD_TITLES) as Layout;

/** Width of the Type column (printf %-32s). */
export const TYPE_WIDTH = 32;
