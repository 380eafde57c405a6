// Column definitions shared by the tables: a numeric sort key and a display value per column,
// over row ids.

import { basename } from '../../../shared/names.ts';
import type { LogStore } from '../../store/log-store.ts';
import type { Cell, ColumnInfo, TableFilter, TableId } from '../../types.ts';
import type { Derived } from '../derived.ts';
import { maskOf } from '../row-mask.ts';

export interface ColumnDef extends ColumnInfo {
  key(r: number): number;
  value(r: number): Cell;
}

export interface TableDef {
  id: TableId;
  /** Row ids in natural order (ascending). */
  rows(): Uint32Array;
  columns: ColumnDef[];
  /** The rows the filter keeps, a byte per row id (1 = kept), or null when it keeps every row. */
  mask(f: TableFilter): Uint8Array | null;
}

type Kind = ColumnInfo['kind'];

export function col(
  id: string,
  title: string,
  kind: Kind,
  key: (r: number) => number,
  value?: (r: number) => Cell,
): ColumnDef {
  return { id, title, kind, key, value: value ?? key };
}

export function range(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** An event's clock as a sort key: in whole microseconds when every clock is one (Derived.clocksInMicros). */
export function clockSortKey(s: LogStore, d: Derived): (e: number) => number {
  return d.clocksInMicros() ? (e) => Math.round(s.clock.get(e) * 1e6) : (e) => s.clock.get(e);
}

/** Columns describing one event (NEW or DEL) reached through `ev(r)`; ids get `prefix`. */
export function eventColumns(
  s: LogStore,
  d: Derived,
  ev: (r: number) => number,
  prefix: string,
  titlePrefix: string,
  fullPath: boolean,
): ColumnDef[] {
  const fileRanks = () => d.ranks('files', !fullPath);
  const fileName = (id: number) => (fullPath ? s.files.strings[id] : basename(s.files.strings[id]));
  const p = (id: string) => (prefix ? prefix + id[0].toUpperCase() + id.slice(1) : id);
  const clockKey = clockSortKey(s, d);
  return [
    col(
      p('clock'),
      titlePrefix + 'Clock',
      'clock',
      (r) => clockKey(ev(r)),
      (r) => s.clock.get(ev(r)),
    ),
    col(
      p('file'),
      titlePrefix + 'File',
      'text',
      (r) => fileRanks()[s.sites.file[s.site.get(ev(r))]],
      (r) => fileName(s.sites.file[s.site.get(ev(r))]),
    ),
    col(p('line'), titlePrefix + 'Line', 'int', (r) => s.sites.line[s.site.get(ev(r))]),
    col(
      p('function'),
      titlePrefix + 'Function',
      'text',
      (r) => d.ranks('funcs')[s.sites.func[s.site.get(ev(r))]],
      (r) => s.funcs.strings[s.sites.func[s.site.get(ev(r))]],
    ),
    col(p('logLine'), titlePrefix + 'Log line', 'int', (r) => s.lineOf(ev(r))),
  ];
}

export function commonEventColumns(s: LogStore, d: Derived, ev: (r: number) => number): ColumnDef[] {
  return [
    col(
      'address',
      'Address',
      'address',
      (r) => s.address(ev(r)),
      (r) => s.addressHex(ev(r)),
    ),
    col(
      'type',
      'Type',
      'text',
      (r) => d.ranks('types')[s.typeOf(ev(r))],
      (r) => s.types.strings[s.typeOf(ev(r))],
    ),
  ];
}

export function extraEventColumns(s: LogStore, ev: (r: number) => number): ColumnDef[] {
  const cols = [
    col('liveCnt', s.countTitle, 'int', (r) => s.liveCnt.get(ev(r))),
    col(
      'rss',
      'RSS',
      'bytes',
      (r) => s.rssAt(ev(r)) ?? NaN,
      (r) => s.rssAt(ev(r)),
    ),
  ];
  const sizeof = s.sizeof;
  if (sizeof) cols.push(col('sizeof', 'Sizeof', 'bytes', (r) => sizeof.get(ev(r))));
  if (s.sourceFiles.length > 1) {
    const ranks = new Float64Array(s.sourceFiles.length).map((_, i) => i);
    cols.push(
      col(
        'source',
        'Log file',
        'text',
        (r) => ranks[s.fileOf(ev(r))],
        (r) => basename(s.sourceFiles[s.fileOf(ev(r))]),
      ),
    );
  }
  return cols;
}

/** The site's columns (file, line, function) for tables whose rows are site ids. */
export function siteColumns(s: LogStore, d: Derived, fullPath: boolean): ColumnDef[] {
  const fileOf = (i: number) => s.sites.file[i];
  return [
    col(
      'file',
      'File',
      'text',
      (i) => d.ranks('files', !fullPath)[fileOf(i)],
      (i) => (fullPath ? s.files.strings[fileOf(i)] : basename(s.files.strings[fileOf(i)])),
    ),
    col('line', 'Line', 'int', (i) => s.sites.line[i]),
    col(
      'function',
      'Function',
      'text',
      (i) => d.ranks('funcs')[s.sites.func[i]],
      (i) => s.funcs.strings[s.sites.func[i]],
    ),
  ];
}

export function combine(parts: ((r: number) => boolean)[]): ((r: number) => boolean) | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return (r) => parts.every((p) => p(r));
}

/** A small table filtered by a row predicate (null: keeps every row). */
export function byPredicate(
  def: Omit<TableDef, 'mask'> & { predicate(f: TableFilter): ((r: number) => boolean) | null },
): TableDef {
  const { predicate, ...rest } = def;
  return {
    ...rest,
    mask: (f) => {
      const keep = predicate(f);
      return keep && maskOf(def.rows(), keep);
    },
  };
}

export function textPredicate(f: TableFilter, texts: ((r: number) => string)[]): ((r: number) => boolean) | null {
  const text = f.text?.trim().toLowerCase();
  if (!text) return null;
  return (r) => texts.some((t) => t(r).toLowerCase().includes(text));
}

/** Ids 0..n-1 whose count is non-zero in any of the given arrays. */
export function idsWithAny(n: number, ...counts: ArrayLike<number>[]): Uint32Array {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) if (counts.some((c) => (c[i] ?? 0) !== 0)) ids.push(i);
  return Uint32Array.from(ids);
}
