// The shareable view state lives in location.hash, so a reload, or a colleague opening the same
// URL with the same file, shows the same view. Format (URLSearchParams, keys may repeat):
//   #v=2&tab=live&sub=problems&sort=live:clock:desc,type:asc&sort=pairs:lifetime:desc
//    &q=live:foo&q=types:dict&win=0.1-0.2&full=1&by=site
//    &t=0.05&ignore=type:frame&ignore=file:<frozen importlib._bootstrap>&part=sites
//    &of=site:/app/leaky.py:10:remember_forever&detail=type:LeakyRecord&sus=type
//    &log=879312:3fa2c41b9e0d77a1:reindex-phase.log.gz
// `v` is the version of this form (CURRENT_URL_VERSION); `sort` and `q` are per table (table id
// first, `compare` for the comparison); `win` is the clock window (A..B of the growth view); `full=1`
// full paths; `by=site` compares per allocation site instead of per type; `t` the instant T;
// `ignore` a type or file left out of everything; `part` the table the heap and growth tabs show;
// `of` the site or type whose objects the Live tab shows; `detail` the site or type whose detail is
// open; `sus=type` ranks suspects by type; `log` (repeated for a nested run) the local file the view
// was made from, `<size>:<fingerprint>:<name>` (data/log-identity.ts), so the page a colleague opens
// from the link can ask for it.
//
// Links are kept working as the form changes, as the Firefox Profiler does (its url-handling.ts):
// a link carries its version, and a link of an older version is upgraded on read, one version at a
// time, by the upgraders below; a link of a newer version than this page knows is not guessed at:
// the page says so (LinkNotice) and keeps the link as it is.

import { logUrlRefusal } from '../shared/log-url.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IgnoreList, SortSpec, TableId } from '../engine/types.ts';
import type { CompareBy } from '../engine/types.ts';
import { subjectFromText, subjectToText, type Subject } from '../shared/names.ts';
import { clockToUrl } from './format.ts';
import { logFromText, logToText, type LogIdentity } from './data/log-identity.ts';

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
  'runs',
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
  /** The heap at T shows only objects older than this many seconds at T (null: all of them). */
  older: number | null;
  /** Types and files left out of every table, the per-type chart, the suspects and the phases. */
  ignore: IgnoreList;
  part: MomentPart;
  /** The site or type whose objects the Live tab shows. */
  of: Subject | null;
  /** The site or type whose detail (live count over time, lifetimes) is open. */
  detail: Subject | null;
  /** How the Summary ranks the leak suspects. */
  suspectsBy: 'site' | 'type';
  /** The local file(s) the view was made from (none for a log from ?url=, which the link opens itself). */
  log: LogIdentity[];
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
  older: null,
  ignore: { types: [], files: [] },
  part: 'types',
  of: null,
  detail: null,
  suspectsBy: 'site',
  log: [],
};

function isTable(s: string): s is TableKey {
  return (TABLE_KEYS as string[]).includes(s);
}

const NUM = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const WIN_RE = new RegExp(`^${NUM}-${NUM}$`);
const T_RE = new RegExp(`^${NUM}$`);

/** `type:<name>` and `file:<name>` entries (repeated `ignore` keys); anything else is dropped. */
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

/** The version of the hash's form that this page writes: `v=2`. A hash without `v` is version 1. */
export const CURRENT_URL_VERSION = 2;

/** A link whose view this page cannot read: made by a newer version of the viewer, or not a version at all. */
export class UrlUpgradeError extends Error {
  override name = 'UrlUpgradeError';
  constructor(
    message: string,
    /** The link's version, or null when its `v` is not a version number. */
    readonly version: number | null,
  ) {
    super(message);
  }
}

/**
 * UPGRADERS[n] turns the parameters of a version n − 1 hash into those of version n, in place.
 * Every version from 2 to CURRENT_URL_VERSION has one (checked below, when the module loads).
 */
const UPGRADERS: Record<number, (p: URLSearchParams) => void> = {
  // 1 → 2: `ign` is `ignore` (one word per idea: the engine and the page call it the ignore list).
  2: (p) => {
    for (const entry of p.getAll('ign')) p.append('ignore', entry);
    p.delete('ign');
  },
};
for (let v = 2; v <= CURRENT_URL_VERSION; v++)
  if (!UPGRADERS[v])
    throw new Error(`url-state: no upgrader to version ${v} (CURRENT_URL_VERSION ${CURRENT_URL_VERSION})`);
for (const v of Object.keys(UPGRADERS).map(Number))
  if (v > CURRENT_URL_VERSION) throw new Error(`url-state: an upgrader to version ${v}: raise CURRENT_URL_VERSION`);

/**
 * The hash's parameters in today's form (version CURRENT_URL_VERSION, `v` dropped): a hash without
 * `v` is version 1, and each upgrader from its version on is applied in turn. Throws
 * UrlUpgradeError for a version newer than this page's, or a `v` that is not a version.
 */
export function upgradeHash(hash: string): URLSearchParams {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const v = p.get('v');
  const version = v === null ? 1 : /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null;
  if (version === null)
    throw new UrlUpgradeError(`This link’s view has version “${v}”, which this viewer cannot read.`, null);
  if (version > CURRENT_URL_VERSION)
    throw new UrlUpgradeError(
      `This link was made by a newer version of RefTrace Viewer (its view is version ${version}; this page reads up to version ${CURRENT_URL_VERSION}).`,
      version,
    );
  p.delete('v');
  for (let to = version + 1; to <= CURRENT_URL_VERSION; to++) UPGRADERS[to](p);
  return p;
}

/**
 * The longest `#` part read, and the most ignore entries: a hostile link could otherwise take
 * seconds and GBs (100,000 ignore entries: 40 s, 2.4 GB; a 1 MB `of=`: 8 s). A link past either is
 * not read: the default view, and a notice saying why.
 */
export const MAX_HASH_CHARS = 64 * 1024;
export const MAX_IGNORE_ENTRIES = 500;
/** The most files a link names (a nested run's parent and children). */
const MAX_LOG_FILES = 64;

/** The view a hash of any version up to this page's describes (upgraded first); throws UrlUpgradeError beyond. */
export function parseHash(hash: string): ViewState {
  if (hash.length > MAX_HASH_CHARS)
    throw new UrlUpgradeError(
      `Its view is ${hash.length.toLocaleString('en-US')} characters long; the viewer reads views of up to ${MAX_HASH_CHARS.toLocaleString('en-US')}.`,
      null,
    );
  const p = upgradeHash(hash);
  const ignored = p.getAll('ignore').length;
  if (ignored > MAX_IGNORE_ENTRIES)
    throw new UrlUpgradeError(
      `It ignores ${ignored.toLocaleString('en-US')} types and files; the viewer reads up to ${MAX_IGNORE_ENTRIES} (ignore a whole file, or fewer types).`,
      null,
    );
  const state: ViewState = { ...DEFAULT_VIEW, sort: {}, q: {}, ignore: parseIgnore(p.getAll('ignore')) };
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
  const by = p.get('by');
  if (by === 'site' || by === 'phase') state.by = by;
  const t = p.get('t')?.match(T_RE);
  if (t && Number.isFinite(Number(t[1]))) state.t = Number(t[1]);
  const older = p.get('older')?.match(T_RE);
  if (older && Number.isFinite(Number(older[1]))) state.older = Number(older[1]);
  const part = p.get('part');
  if (part && (PARTS as string[]).includes(part)) state.part = part as MomentPart;
  state.of = subjectFromText(p.get('of') ?? '');
  state.detail = subjectFromText(p.get('detail') ?? '');
  if (p.get('sus') === 'type') state.suspectsBy = 'type';
  state.log = p
    .getAll('log')
    .slice(0, MAX_LOG_FILES)
    .map(logFromText)
    .filter((l) => l !== null);
  return state;
}

/** The hash of a view, in today's form (`v=2` first); the default view is the empty hash. */
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
  if (s.older !== null) p.set('older', clockToUrl(s.older));
  for (const e of ignoreEntries(s.ignore)) p.append('ignore', e);
  if (s.part !== DEFAULT_VIEW.part) p.set('part', s.part);
  if (s.of) p.set('of', subjectToText(s.of));
  if (s.detail) p.set('detail', subjectToText(s.detail));
  if (s.suspectsBy !== DEFAULT_VIEW.suspectsBy) p.set('sus', s.suspectsBy);
  for (const l of s.log) p.append('log', logToText(l));
  if (p.size === 0) return '';
  // Commas and colons read better unescaped and are safe in a fragment.
  const text = p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return `v=${CURRENT_URL_VERSION}&${text}`;
}

/** What a hash says: its view, or, for a link this page cannot read, the default view and why. */
export interface HashRead {
  view: ViewState;
  /** Why the link's view is not shown (a newer viewer's link), for the page to say; null when it is. */
  unreadable: string | null;
}

export function readHash(hash: string): HashRead {
  try {
    return { view: parseHash(hash), unreadable: null };
  } catch (e) {
    if (!(e instanceof UrlUpgradeError)) throw e;
    return { view: { ...DEFAULT_VIEW }, unreadable: e.message };
  }
}

export interface HashState {
  view: ViewState;
  setView: (update: (s: ViewState) => ViewState) => void;
  /** Why the link's view could not be shown (made by a newer viewer), until dismissed; else null. */
  unreadable: string | null;
  dismissUnreadable: () => void;
}

/**
 * View state bound to location.hash: read at startup and on hashchange (an older link upgraded),
 * written with replaceState. A link this page cannot read leaves the default view and a notice,
 * and stays in the address bar as it is until the view is changed (a reload with a newer viewer
 * then opens it).
 */
export function useHashState(): HashState {
  const [first] = useState(() => readHash(location.hash));
  const [view, setState] = useState<ViewState>(first.view);
  const [unreadable, setUnreadable] = useState<string | null>(first.unreadable);
  /** The view shown in place of an unreadable link: not written over that link. */
  const standIn = useRef<ViewState | null>(first.unreadable ? first.view : null);

  useEffect(() => {
    const onHash = () => {
      const read = readHash(location.hash);
      standIn.current = read.unreadable ? read.view : null;
      setUnreadable(read.unreadable);
      setState(read.view);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const held = standIn.current;
    // Naming the file opened is not a change of view: the unreadable link stays.
    if (held !== null && (Object.keys(view) as (keyof ViewState)[]).every((k) => k === 'log' || view[k] === held[k])) {
      standIn.current = view;
      return;
    }
    const hash = serializeHash(view);
    if (hash === location.hash.replace(/^#/, '')) return;
    // replaceState keeps ?url=… and does not fire hashchange or fill the history with every keystroke.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
  }, [view]);

  const setView = useCallback((fn: (s: ViewState) => ViewState) => setState(fn), []);
  const dismissUnreadable = useCallback(() => setUnreadable(null), []);
  return { view, setView, unreadable, dismissUnreadable };
}

/**
 * ?url= opens https:// addresses, this site's own, and http:// on a loopback address (a local
 * server, which browsers trust like https). The page's Content-Security-Policy (connect-src 'self'
 * https:) covers the page's own fetches, but a worker started from a script URL does not inherit
 * it, and the worker is what fetches the log: the address is checked here before it goes there.
 */
export function urlRefusal(u: URL): string | null {
  // The worker checks where a redirect ends by the same rule (shared/log-url.ts).
  return logUrlRefusal(u, location.origin);
}
