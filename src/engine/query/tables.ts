// The tables the viewer and CLI show, each as columns over row ids: a numeric sort key and a
// display value per column, and a row filter. Rows are never materialised beyond one window.

import type { LogStore } from '../store/log-store.ts';
import { basename } from '../base/text.ts';
import type { Cell, ColumnInfo, TableFilter, TableId } from '../types.ts';
import type { Derived } from './derived.ts';
import { eventRowsMask } from './event-filter.ts';
import { byRowId, eventSegments, maskOf } from './row-mask.ts';

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

function col(id: string, title: string, kind: Kind, key: (r: number) => number, value?: (r: number) => Cell): ColumnDef {
  return { id, title, kind, key, value: value ?? key };
}

function range(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

function columnToArray(c: { length: number }): Uint32Array {
  return range(c.length);
}

/** An event's clock as a sort key: in whole microseconds when every clock is one (Derived.clocksInMicros). */
function clockSortKey(s: LogStore, d: Derived): (e: number) => number {
  return d.clocksInMicros() ? (e) => Math.round(s.clock.get(e) * 1e6) : (e) => s.clock.get(e);
}

/** Columns describing one event (NEW or DEL) reached through `ev(r)`; ids get `prefix`. */
function eventColumns(
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
    col(p('clock'), titlePrefix + 'Clock', 'clock', (r) => clockKey(ev(r)), (r) => s.clock.get(ev(r))),
    col(p('file'), titlePrefix + 'File', 'text', (r) => fileRanks()[s.sites.file[s.site.get(ev(r))]], (r) => fileName(s.sites.file[s.site.get(ev(r))])),
    col(p('line'), titlePrefix + 'Line', 'int', (r) => s.sites.line[s.site.get(ev(r))]),
    col(p('function'), titlePrefix + 'Function', 'text', (r) => d.ranks('funcs')[s.sites.func[s.site.get(ev(r))]], (r) => s.funcs.strings[s.sites.func[s.site.get(ev(r))]]),
    col(p('logLine'), titlePrefix + 'Log line', 'int', (r) => s.lineOf(ev(r))),
  ];
}

function commonEventColumns(s: LogStore, d: Derived, ev: (r: number) => number): ColumnDef[] {
  return [
    col('address', 'Address', 'address', (r) => s.address(ev(r)), (r) => s.addressHex(ev(r))),
    col('type', 'Type', 'text', (r) => d.ranks('types')[s.typeOf(ev(r))], (r) => s.types.strings[s.typeOf(ev(r))]),
  ];
}

function extraEventColumns(s: LogStore, ev: (r: number) => number): ColumnDef[] {
  const cols = [
    col('liveCnt', 'LiveCnt', 'int', (r) => s.liveCnt.get(ev(r))),
    col('rss', 'RSS', 'bytes', (r) => s.rssAt(ev(r)) ?? NaN, (r) => s.rssAt(ev(r))),
  ];
  const sizeof = s.sizeof;
  if (sizeof) cols.push(col('sizeof', 'Sizeof', 'bytes', (r) => sizeof.get(ev(r))));
  if (s.sourceFiles.length > 1) {
    const ranks = new Float64Array(s.sourceFiles.length).map((_, i) => i);
    cols.push(col('source', 'Log file', 'text', (r) => ranks[s.fileOf(ev(r))], (r) => basename(s.sourceFiles[s.fileOf(ev(r))])));
  }
  return cols;
}

function combine(parts: ((r: number) => boolean)[]): ((r: number) => boolean) | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return (r) => parts.every((p) => p(r));
}

/** An event table's filter: text on any of the row's events, clock window on the first. */
function eventMask(s: LogStore, d: Derived, f: TableFilter, events: Uint32Array[][]): Uint8Array | null {
  return eventRowsMask(s, f, events, (text) => d.nameMatches(text));
}

/** A small table filtered by a row predicate (null: keeps every row). */
function byPredicate(def: Omit<TableDef, 'mask'> & { predicate(f: TableFilter): ((r: number) => boolean) | null }): TableDef {
  const { predicate, ...rest } = def;
  return {
    ...rest,
    mask: (f) => {
      const keep = predicate(f);
      return keep && maskOf(def.rows(), keep);
    },
  };
}

function textPredicate(f: TableFilter, texts: ((r: number) => string)[]): ((r: number) => boolean) | null {
  const text = f.text?.trim().toLowerCase();
  if (!text) return null;
  return (r) => texts.some((t) => t(r).toLowerCase().includes(text));
}

export function tableDef(id: TableId, s: LogStore, d: Derived, fullPath: boolean): TableDef {
  switch (id) {
    case 'live': {
      const ev = (r: number) => r; // rows are event ids
      return {
        id,
        rows: () => d.live(),
        columns: [...commonEventColumns(s, d, ev), ...eventColumns(s, d, ev, '', '', fullPath), ...extraEventColumns(s, ev)],
        mask: (f) => {
          // Rows are event ids: the mask by position in the live list, then by event id.
          const rows = d.live();
          const mask = eventMask(s, d, f, [[rows]]);
          return mask && byRowId(mask, rows);
        },
      };
    }
    case 'untracked': {
      const ev = (r: number) => s.seed.untracked.get(r);
      return {
        id,
        rows: () => columnToArray(s.seed.untracked),
        columns: [...commonEventColumns(s, d, ev), ...eventColumns(s, d, ev, '', '', fullPath), ...extraEventColumns(s, ev)],
        mask: (f) => eventMask(s, d, f, [eventSegments(s.seed.untracked)]),
      };
    }
    case 'pairs': {
      const born = (r: number) => s.seed.pairNew.get(r);
      const died = (r: number) => s.seed.pairDel.get(r);
      const lifetime = (r: number) => s.clock.get(died(r)) - s.clock.get(born(r));
      const clockKey = clockSortKey(s, d);
      return {
        id,
        rows: () => columnToArray(s.seed.pairNew),
        columns: [
          ...commonEventColumns(s, d, born),
          col('lifetime', 'Lifetime (s)', 'clock', (r) => clockKey(died(r)) - clockKey(born(r)), lifetime),
          ...eventColumns(s, d, born, 'new', 'NEW ', fullPath),
          ...eventColumns(s, d, died, 'del', 'DEL ', fullPath),
        ],
        mask: (f) => {
          const { lifetimeMin: lo, lifetimeMax: hi } = f;
          const mask = eventMask(s, d, f, [eventSegments(s.seed.pairNew), eventSegments(s.seed.pairDel)]);
          if (lo === undefined && hi === undefined) return mask;
          // A lifetime window is rare (the CLI's, not the viewer's): a test per kept row is fine.
          const out = mask ?? new Uint8Array(s.seed.pairNew.length).fill(1);
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
      const older = (r: number) => s.seed.dupOld.get(r);
      const newer = (r: number) => s.seed.dupNew.get(r);
      return {
        id,
        rows: () => range(s.seed.dupNew.length),
        columns: [
          ...commonEventColumns(s, d, newer),
          col('oldType', 'Replaced type', 'text', (r) => d.ranks('types')[s.typeOf(older(r))], (r) => s.types.strings[s.typeOf(older(r))]),
          ...eventColumns(s, d, older, 'old', 'Replaced ', fullPath),
          ...eventColumns(s, d, newer, 'new', 'NEW ', fullPath),
        ],
        mask: (f) => eventMask(s, d, f, [eventSegments(s.seed.dupNew), eventSegments(s.seed.dupOld)]),
      };
    }
    case 'types': {
      const live = (t: number) => d.liveByType()[t] ?? 0;
      const newN = (t: number) => s.seed.typeNew.data[t] ?? 0;
      const delN = (t: number) => s.seed.typeDel.data[t] ?? 0;
      return byPredicate({
        id,
        rows: () => {
          const ids: number[] = [];
          for (let t = 0; t < s.types.size; t++) if (newN(t) || delN(t)) ids.push(t);
          return Uint32Array.from(ids);
        },
        columns: [
          col('type', 'Type', 'text', (t) => d.ranks('types')[t], (t) => s.types.strings[t]),
          col('new', 'New', 'int', newN),
          col('del', 'Del', 'int', delN),
          col('net', 'New − Del', 'int', (t) => newN(t) - delN(t)),
          col('untracked', 'Untracked', 'int', (t) => s.seed.typeUntracked.data[t] ?? 0),
          col('live', 'Live', 'int', live),
        ],
        predicate: (f) => textPredicate(f, [(t) => s.types.strings[t]]),
      });
    }
    case 'sites': {
      const st = () => d.sites();
      const fileOf = (i: number) => s.sites.file[i];
      return byPredicate({
        id,
        rows: () => st().ids,
        columns: [
          col('file', 'File', 'text', (i) => d.ranks('files', !fullPath)[fileOf(i)], (i) => (fullPath ? s.files.strings[fileOf(i)] : basename(s.files.strings[fileOf(i)]))),
          col('line', 'Line', 'int', (i) => s.sites.line[i]),
          col('function', 'Function', 'text', (i) => d.ranks('funcs')[s.sites.func[i]], (i) => s.funcs.strings[s.sites.func[i]]),
          col('live', 'Live', 'int', (i) => st().live[i]),
          col('created', 'New', 'int', (i) => st().created[i]),
          col('freed', 'Freed (pairs)', 'int', (i) => st().freed[i]),
          col('typeCount', 'Types', 'int', (i) => st().typeCount[i]),
          col('topType', 'Most created type', 'text', (i) => d.ranks('types')[st().topType[i]] ?? NaN, (i) => s.types.strings[st().topType[i]] ?? null),
        ],
        predicate: (f) => textPredicate(f, [(i) => s.files.strings[fileOf(i)], (i) => s.funcs.strings[s.sites.func[i]], (i) => s.types.strings[st().topType[i]] ?? '']),
      });
    }
    case 'messages': {
      const n = s.notes;
      const fileName = (r: number) => basename(s.sourceFiles[n.msgFile[r]] ?? '');
      return byPredicate({
        id,
        rows: () => range(n.msgLine.length),
        columns: [
          col('logLine', 'Log line', 'int', (r) => n.msgLine[r]),
          col('clock', 'Clock', 'clock', (r) => n.msgClock[r], (r) => (n.msgClock[r] === n.msgClock[r] ? n.msgClock[r] : null)),
          col('kind', 'Kind', 'text', (r) => (n.msgIsErr[r] ? 1 : 0), (r) => (n.msgIsErr[r] ? 'ERR' : 'MSG')),
          col('text', 'Text', 'text', (r) => d.textRanks('msg', n.msgText)[r], (r) => n.msgText[r]),
          ...(s.sourceFiles.length > 1 ? [col('source', 'Log file', 'text', (r) => n.msgFile[r], fileName)] : []),
        ],
        predicate: (f) => {
          const parts: ((r: number) => boolean)[] = [];
          const t = textPredicate(f, [(r) => n.msgText[r]]);
          if (t) parts.push(t);
          if (f.clockMin !== undefined) parts.push((r) => n.msgClock[r] >= f.clockMin!);
          if (f.clockMax !== undefined) parts.push((r) => n.msgClock[r] <= f.clockMax!);
          return combine(parts);
        },
      });
    }
    case 'problems': {
      const n = s.notes;
      const kinds = [...new Set(n.probKind)].sort();
      return byPredicate({
        id,
        rows: () => range(n.probLine.length),
        columns: [
          col('logLine', 'Log line', 'int', (r) => n.probFile[r] * 2 ** 32 + n.probLine[r], (r) => n.probLine[r]),
          col('kind', 'Problem', 'text', (r) => kinds.indexOf(n.probKind[r]), (r) => n.probKind[r]),
          col('detail', 'Detail', 'text', (r) => d.textRanks('problem', n.probDetail)[r], (r) => n.probDetail[r]),
          ...(s.sourceFiles.length > 1 ? [col('source', 'Log file', 'text', (r) => n.probFile[r], (r) => basename(s.sourceFiles[n.probFile[r]] ?? ''))] : []),
        ],
        predicate: (f) => textPredicate(f, [(r) => n.probKind[r], (r) => n.probDetail[r]]),
      });
    }
  }
}
