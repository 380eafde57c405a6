// The shareable view state lives in location.hash, so a reload, or a colleague opening the same
// URL with the same file, shows the same view. Format (URLSearchParams, keys may repeat):
//   #tab=live&sub=problems&sort=live:clock:desc,type:asc&sort=pairs:lifetime:desc
//    &q=live:foo&q=types:dict&win=0.1-0.2&full=1&by=site
// `sort` and `q` are per table (table id first, `compare` for the comparison); `win` is the clock
// window; `full=1` full paths; `by=site` compares per allocation site instead of per type.

import { useCallback, useEffect, useState } from 'react';
import type { SortSpec, TableId } from '../engine/types.ts';
import type { CompareBy } from './data/worker-client.ts';
import { clockToUrl } from './format.ts';

export const TABS = ['summary', 'live', 'pairs', 'types', 'sites', 'untracked', 'duplicates', 'messages', 'compare'] as const;
export type TabId = (typeof TABS)[number];

export const TABLE_IDS: TableId[] = ['live', 'pairs', 'types', 'sites', 'untracked', 'duplicates', 'messages', 'problems'];

/** What a sort or filter in the URL belongs to: a worker table, or the comparison. */
export type TableKey = TableId | 'compare';
const TABLE_KEYS: TableKey[] = [...TABLE_IDS, 'compare'];

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
}

export const DEFAULT_VIEW: ViewState = { tab: 'summary', sub: 'messages', sort: {}, q: {}, win: null, full: false, by: 'type' };

function isTable(s: string): s is TableKey {
  return (TABLE_KEYS as string[]).includes(s);
}

const NUM = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const WIN_RE = new RegExp(`^${NUM}-${NUM}$`);

export function parseHash(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewState = { ...DEFAULT_VIEW, sort: {}, q: {} };
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
  // Commas and colons read better unescaped and are safe in a fragment.
  return p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
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
