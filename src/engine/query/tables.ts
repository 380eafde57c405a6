// The tables the viewer and CLI show, each as columns over row ids: a numeric sort key and a
// display value per column, and a row filter. Rows are never materialised beyond one window.

import type { LogStore } from '../log-store.ts';
import { basename } from '../text.ts';
import type { Cell, ColumnInfo, TableFilter, TableId } from '../types.ts';
import type { Derived } from './derived.ts';

export interface ColumnDef extends ColumnInfo {
  key(r: number): number;
  value(r: number): Cell;
}

export interface TableDef {
  id: TableId;
  /** Row ids in natural order. */
  rows(): Uint32Array;
  columns: ColumnDef[];
  /** A row predicate for the filter, or null when it keeps every row. */
  predicate(f: TableFilter): ((r: number) => boolean) | null;
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
  return [
    col(p('clock'), titlePrefix + 'Clock', 'clock', (r) => s.clock.get(ev(r))),
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

/** Filter on one event's names and clock. */
function eventPredicate(s: LogStore, d: Derived, f: TableFilter, events: ((r: number) => number)[]): ((r: number) => boolean) | null {
  const parts: ((r: number) => boolean)[] = [];
  const text = f.text?.trim().toLowerCase();
  if (text) {
    if (/^0x[0-9a-f]+$/.test(text)) {
      parts.push((r) => events.some((ev) => s.addressHex(ev(r)).includes(text)));
    } else {
      // One mask per type and one per site (file or function matches), so a row costs two lookups
      // per event instead of three string tests.
      const t = d.matches('types', text);
      const fi = d.matches('files', text);
      const fu = d.matches('funcs', text);
      const siteHit = new Uint8Array(s.sites.size);
      for (let i = 0; i < siteHit.length; i++) siteHit[i] = fi[s.sites.file[i]] | fu[s.sites.func[i]];
      const hit = (e: number) => t[s.typeKind.get(e) >>> 1] === 1 || siteHit[s.site.get(e)] === 1;
      const [a, b] = events;
      parts.push(b ? (r) => hit(a(r)) || hit(b(r)) : (r) => hit(a(r)));
    }
  }
  const first = events[0];
  if (f.clockMin !== undefined) {
    const m = f.clockMin;
    parts.push((r) => s.clock.get(first(r)) >= m);
  }
  if (f.clockMax !== undefined) {
    const m = f.clockMax;
    parts.push((r) => s.clock.get(first(r)) <= m);
  }
  return combine(parts);
}

function combine(parts: ((r: number) => boolean)[]): ((r: number) => boolean) | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return (r) => parts.every((p) => p(r));
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
        predicate: (f) => eventPredicate(s, d, f, [ev]),
      };
    }
    case 'untracked': {
      const ev = (r: number) => s.untracked.get(r);
      return {
        id,
        rows: () => columnToArray(s.untracked),
        columns: [...commonEventColumns(s, d, ev), ...eventColumns(s, d, ev, '', '', fullPath), ...extraEventColumns(s, ev)],
        predicate: (f) => eventPredicate(s, d, f, [ev]),
      };
    }
    case 'pairs': {
      const born = (r: number) => s.pairNew.get(r);
      const died = (r: number) => s.pairDel.get(r);
      const lifetime = (r: number) => s.clock.get(died(r)) - s.clock.get(born(r));
      return {
        id,
        rows: () => columnToArray(s.pairNew),
        columns: [
          ...commonEventColumns(s, d, born),
          col('lifetime', 'Lifetime (s)', 'clock', lifetime),
          ...eventColumns(s, d, born, 'new', 'NEW ', fullPath),
          ...eventColumns(s, d, died, 'del', 'DEL ', fullPath),
        ],
        predicate: (f) => {
          const parts: ((r: number) => boolean)[] = [];
          const base = eventPredicate(s, d, f, [born, died]);
          if (base) parts.push(base);
          if (f.lifetimeMin !== undefined) {
            const m = f.lifetimeMin;
            parts.push((r) => lifetime(r) >= m);
          }
          if (f.lifetimeMax !== undefined) {
            const m = f.lifetimeMax;
            parts.push((r) => lifetime(r) <= m);
          }
          return combine(parts);
        },
      };
    }
    case 'duplicates': {
      const older = (r: number) => s.dupOld.get(r);
      const newer = (r: number) => s.dupNew.get(r);
      return {
        id,
        rows: () => range(s.dupNew.length),
        columns: [
          ...commonEventColumns(s, d, newer),
          col('oldType', 'Replaced type', 'text', (r) => d.ranks('types')[s.typeOf(older(r))], (r) => s.types.strings[s.typeOf(older(r))]),
          ...eventColumns(s, d, older, 'old', 'Replaced ', fullPath),
          ...eventColumns(s, d, newer, 'new', 'NEW ', fullPath),
        ],
        predicate: (f) => eventPredicate(s, d, f, [newer, older]),
      };
    }
    case 'types': {
      const live = (t: number) => d.liveByType()[t] ?? 0;
      const newN = (t: number) => s.typeNew.data[t] ?? 0;
      const delN = (t: number) => s.typeDel.data[t] ?? 0;
      return {
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
          col('untracked', 'Untracked', 'int', (t) => s.typeUntracked.data[t] ?? 0),
          col('live', 'Live', 'int', live),
        ],
        predicate: (f) => textPredicate(f, [(t) => s.types.strings[t]]),
      };
    }
    case 'sites': {
      const st = () => d.sites();
      const fileOf = (i: number) => s.sites.file[i];
      return {
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
      };
    }
    case 'messages': {
      const n = s.notes;
      const fileName = (r: number) => basename(s.sourceFiles[n.msgFile[r]] ?? '');
      return {
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
      };
    }
    case 'problems': {
      const n = s.notes;
      const kinds = [...new Set(n.probKind)].sort();
      return {
        id,
        rows: () => range(n.probLine.length),
        columns: [
          col('logLine', 'Log line', 'int', (r) => n.probFile[r] * 2 ** 32 + n.probLine[r], (r) => n.probLine[r]),
          col('kind', 'Problem', 'text', (r) => kinds.indexOf(n.probKind[r]), (r) => n.probKind[r]),
          col('detail', 'Detail', 'text', (r) => d.textRanks('problem', n.probDetail)[r], (r) => n.probDetail[r]),
          ...(s.sourceFiles.length > 1 ? [col('source', 'Log file', 'text', (r) => n.probFile[r], (r) => basename(s.sourceFiles[n.probFile[r]] ?? ''))] : []),
        ],
        predicate: (f) => textPredicate(f, [(r) => n.probKind[r], (r) => n.probDetail[r]]),
      };
    }
  }
}
