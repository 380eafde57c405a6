// What a record reader found on one NEW/DEL line. One instance per parser, reused for every line:
// reading a record never allocates.

export class RecordFields {
  clock = 0;
  /** Address as two 32-bit words (exact for all 64-bit addresses). */
  hi = 0;
  lo = 0;
  live = 0;
  sizeof = 0;
  line = 0;
  /** NaN when the record has no RSS (cut short). */
  rss = NaN;
  // Byte spans of the names in the line.
  typeS = 0;
  typeE = 0;
  fileS = 0;
  fileE = 0;
  funcS = 0;
  funcE = 0;
  /** Set by the fixed-offset reader, which interns as it reads; -1 otherwise. */
  typeId = -1;
  siteId = -1;
  /** Set by the fixed-offset reader: the id of the Type..Function key (see NameCombos). */
  combo = -1;
  /** Why the line could not be read whole. */
  error = '';
}

/** Outcomes of reading a record. */
export const UNUSABLE = 0;
/** Whole record; names still to intern from the spans. */
export const WHOLE = 1;
/** Clock, Address and LiveCnt read; the rest missing (cut short or missing columns). */
export const INCOMPLETE = 2;
/** Whole record read at fixed offsets; typeId and siteId set. */
export const WHOLE_INTERNED = 3;
