// The shareable view state lives in location.hash, so a reload, or a colleague opening the same
// URL with the same file, shows the same view. Format (URLSearchParams, keys may repeat):
//   #tab=live&sub=problems&sort=live:clock:desc,type:asc&sort=pairs:lifetime:desc
//    &q=live:foo&q=types:dict&win=0.1-0.2&full=1&by=site
//    &t=0.05&ign=type:frame&ign=file:<frozen importlib._bootstrap>&part=sites
//    &of=site:/app/leaky.py:10:remember_forever&detail=type:LeakyRecord&sus=type
// `sort` and `q` are per table (table id first, `compare` for the comparison); `win` is the clock
// window (A..B of the growth view); `full=1` full paths; `by=site` compares per allocation site
// instead of per type; `t` the instant T; `ign` a type or file left out of everything; `part` the
// table the heap and growth tabs show; `of` the site or type whose objects the Live tab shows;
// `detail` the site or type whose detail is open; `sus=type` ranks suspects by type.

import { useCallback, useEffect, useState } from 'react';
import type { IgnoreList, SortSpec, TableId } from '../engine/types.ts';
import type { CompareBy } from '../engine/types.ts';
import { subjectFromText, subjectToText, type Subject } from '../shared/names.ts';
import { clockToUrl } from './format.ts';

export const TABS = [
  'summary',
  'live',
  'pairs',
  'types',
  'sites',
  'heap',
  'growth',
  'phases',
  'untracked',
  'duplicates',
  'messages',
  'compare',
] as const;
export type TabId = (typeof TABS)[number];

export const TABLE_IDS: TableId[] = [
  'live',
  'pairs',
  'types',
  'sites',
  'untracked',
  'duplicates',
  'messages',
  'problems',
];

/** The tables of the heap-at-T and growth tabs. */
export const MOMENT_KEYS = [
  'heap-types',
  'heap-sites',
  'heap-objects',
  'growth-types',
  'growth-sites',
  'growth-objects',
] as const;
export type MomentKey = (typeof MOMENT_KEYS)[number];

/** What a sort or filter in the URL belongs to: a worker table, a heap or growth table, the phases, or the comparison. */
export type TableKey = TableId | MomentKey | 'phases' | 'compare';
const TABLE_KEYS: TableKey[] = [...TABLE_IDS, ...MOMENT_KEYS, 'phases', 'compare'];

/** Which table the heap and growth tabs show. */
export type MomentPart = 'types' | 'sites' | 'objects';
const PARTS: MomentPart[] = ['types', 'sites', 'objects'];

export type MessagesSub = 'messages' | 'problems';

export interface ClockWindow {
  min: number;
  max: number;
}

export interface ViewState {
  tab: TabId;
  sub: MessagesSub;
  sort: Partial<Record<TableKey, SortSpec[]>>;
  q: Partial<Record<TableKey, string>>;
  win: ClockWindow | null;
  full: boolean;
  by: CompareBy;
  /** The instant T of the heap-at-T tab (CPU seconds). */
  t: number | null;
  /** Types and files left out of every table, the per-type chart, the suspects and the phases. */
  ign: IgnoreList;
  part: MomentPart;
  /** The site or type whose objects the Live tab shows. */
  of: Subject | null;
  /** The site or type whose detail (live count over time, lifetimes) is open. */
  detail: Subject | null;
  /** How the Summary ranks the leak suspects. */
  suspectsBy: 'site' | 'type';
}

export const DEFAULT_VIEW: ViewState = {
  tab: 'summary',
  sub: 'messages',
  sort: {},
  q: {},
  win: null,
  full: false,
  by: 'type',
  t: null,
  ign: { types: [], files: [] },
  part: 'types',
  of: null,
  detail: null,
  suspectsBy: 'site',
};

function isTable(s: string): s is TableKey {
  return (TABLE_KEYS as string[]).includes(s);
}

const NUM = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const WIN_RE = new RegExp(`^${NUM}-${NUM}$`);
const T_RE = new RegExp(`^${NUM}$`);

/** `type:<name>` and `file:<name>` entries (repeated `ign` keys); anything else is dropped. */
export function parseIgnore(entries: string[]): IgnoreList {
  const list: IgnoreList = { types: [], files: [] };
  for (const e of entries) {
    const m = /^(type|file):([\s\S]+)$/.exec(e);
    if (!m) continue;
    const names = m[1] === 'type' ? list.types : list.files;
    if (!names.includes(m[2])) names.push(m[2]);
  }
  return list;
}

export function ignoreEntries(list: IgnoreList): string[] {
  return [...list.types.map((t) => `type:${t}`), ...list.files.map((f) => `file:${f}`)];
}

export function parseHash(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewState = { ...DEFAULT_VIEW, sort: {}, q: {}, ign: parseIgnore(p.getAll('ign')) };
  const tab = p.get('tab');
  if (tab && (TABS as readonly string[]).includes(tab)) state.tab = tab as TabId;
  if (p.get('sub') === 'problems') state.sub = 'problems';
  for (const s of p.getAll('sort')) {
    // live:clock:desc,type:asc
    const [table, ...rest] = s.split(':');
    if (!isTable(table)) continue;
    const specs: SortSpec[] = [];
    for (const part of rest.join(':').split(',')) {
      const [column, dir] = part.split(':');
      if (column && /^[A-Za-z]+$/.test(column)) specs.push({ column, desc: dir === 'desc' });
    }
    if (specs.length) state.sort[table] = specs;
  }
  for (const q of p.getAll('q')) {
    const i = q.indexOf(':');
    if (i < 0) continue;
    const table = q.slice(0, i);
    if (isTable(table) && q.length > i + 1) state.q[table] = q.slice(i + 1);
  }
  const win = p.get('win')?.match(WIN_RE);
  if (win) {
    const a = Number(win[1]);
    const b = Number(win[2]);
    if (Number.isFinite(a) && Number.isFinite(b) && a <= b) state.win = { min: a, max: b };
  }
  state.full = p.get('full') === '1';
  if (p.get('by') === 'site') state.by = 'site';
  const t = p.get('t')?.match(T_RE);
  if (t && Number.isFinite(Number(t[1]))) state.t = Number(t[1]);
  const part = p.get('part');
  if (part && (PARTS as string[]).includes(part)) state.part = part as MomentPart;
  state.of = subjectFromText(p.get('of') ?? '');
  state.detail = subjectFromText(p.get('detail') ?? '');
  if (p.get('sus') === 'type') state.suspectsBy = 'type';
  return state;
}

export function serializeHash(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.tab !== DEFAULT_VIEW.tab) p.set('tab', s.tab);
  if (s.sub !== DEFAULT_VIEW.sub) p.set('sub', s.sub);
  for (const t of TABLE_KEYS) {
    const specs = s.sort[t];
    if (specs?.length) p.append('sort', `${t}:${specs.map((x) => `${x.column}:${x.desc ? 'desc' : 'asc'}`).join(',')}`);
  }
  for (const t of TABLE_KEYS) {
    const q = s.q[t];
    if (q) p.append('q', `${t}:${q}`);
  }
  if (s.win) p.set('win', `${clockToUrl(s.win.min)}-${clockToUrl(s.win.max)}`);
  if (s.full) p.set('full', '1');
  if (s.by !== DEFAULT_VIEW.by) p.set('by', s.by);
  if (s.t !== null) p.set('t', clockToUrl(s.t));
  for (const e of ignoreEntries(s.ign)) p.append('ign', e);
  if (s.part !== DEFAULT_VIEW.part) p.set('part', s.part);
  if (s.of) p.set('of', subjectToText(s.of));
  if (s.detail) p.set('detail', subjectToText(s.detail));
  if (s.suspectsBy !== DEFAULT_VIEW.suspectsBy) p.set('sus', s.suspectsBy);
  // Commas and colons read better unescaped and are safe in a fragment.
  return p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** View state bound to location.hash: read at startup and on hashchange, written with replaceState. */
export function useHashState(): [ViewState, (update: (s: ViewState) => ViewState) => void] {
  const [state, setState] = useState<ViewState>(() => parseHash(location.hash));

  useEffect(() => {
    const onHash = () => setState(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const hash = serializeHash(state);
    if (hash === location.hash.replace(/^#/, '')) return;
    // replaceState keeps ?url=… and does not fire hashchange or fill the history with every keystroke.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
  }, [state]);

  const update = useCallback((fn: (s: ViewState) => ViewState) => setState(fn), []);
  return [state, update];
}

/**
 * ?url= opens https:// addresses, this site's own, and http:// on a loopback address (a local
 * server, which browsers trust like https). The page's Content-Security-Policy (connect-src 'self'
 * https:) covers the page's own fetches, but a worker started from a script URL does not inherit
 * it, and the worker is what fetches the log: the address is checked here before it goes there.
 */
export function urlRefusal(u: URL): string | null {
  if (u.origin === location.origin || u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(u.hostname)) return null;
  return 'Only https:// addresses (or this site’s own, or a local server on 127.0.0.1 or localhost) can be opened with ?url=.';
}
