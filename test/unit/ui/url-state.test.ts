// The view state in the URL's hash: the keys of the leak views (t, win, ignore, part, of, detail, sus)
// parse, survive a round trip, and malformed values fall back to the defaults. Links carry a version
// (v=2): a link of version 1 (no v; the ignore list as `ign`) reads as it always did, every
// parameter form included, and a link newer than the page is refused with a reason.

import { describe, expect, it } from 'vitest';
import {
  CURRENT_URL_VERSION,
  DEFAULT_VIEW,
  UrlUpgradeError,
  parseHash,
  parseIgnore,
  readHash,
  serializeHash,
  upgradeHash,
  type ViewState,
} from '../../../src/ui/url-state.ts';

describe('the leak views in the URL', () => {
  it('reads t, win and ignore as the issue writes them', () => {
    const s = parseHash(
      '#v=2&tab=heap&t=0.05&win=0.04-0.06&ignore=type:frame&ignore=file:%3Cfrozen+importlib._bootstrap%3E',
    );
    expect(s.tab).toBe('heap');
    expect(s.t).toBe(0.05);
    expect(s.win).toEqual({ min: 0.04, max: 0.06 });
    expect(s.ignore).toEqual({ types: ['frame'], files: ['<frozen importlib._bootstrap>'] });
  });

  it('a full state survives serialize → parse', () => {
    const state = {
      ...DEFAULT_VIEW,
      tab: 'growth' as const,
      t: 1.234567,
      win: { min: 0.5, max: 2 },
      ignore: { types: ['frame', 'symtable entry'], files: ['<frozen abc>', 'C:\\py\\a b.py'] },
      part: 'objects' as const,
      of: { kind: 'site' as const, site: { file: 'C:\\app\\leaky.py', line: 10, function: 'remember_forever' } },
      detail: { kind: 'type' as const, type: 'dict[str, int]' },
      suspectsBy: 'type' as const,
      sort: { 'growth-types': [{ column: 'delta', desc: true }], phases: [{ column: 'createdAndAlive', desc: true }] },
      q: { 'heap-sites': 'leaky' },
    };
    const hash = serializeHash(state);
    expect(hash).toMatch(/^v=2&/);
    expect(hash).toContain('t=1.234567');
    expect(hash).toContain('sus=type');
    expect(hash).toContain('ignore=type:frame&ignore=type:symtable+entry');
    expect(hash).not.toMatch(/(^|&)ign=/);
    expect(parseHash(`#${hash}`)).toEqual(state);
  });

  it('the defaults write nothing', () => {
    expect(serializeHash(DEFAULT_VIEW)).toBe('');
    expect(parseHash('')).toEqual(DEFAULT_VIEW);
    expect(parseHash('#v=2')).toEqual(DEFAULT_VIEW);
  });

  it('drops what it cannot read', () => {
    const s = parseHash(
      '#v=2&t=-1&win=0.2-0.1&ignore=frame&ignore=type:&part=heap&of=site:leaky.py&detail=nonsense&sus=file&tab=nope',
    );
    expect(s).toEqual(DEFAULT_VIEW);
    expect(parseHash('#t=abc').t).toBeNull();
    expect(parseHash('#t=0').t).toBe(0);
  });

  it('ignore entries: repeated names once, types and files apart', () => {
    expect(parseIgnore(['type:a', 'type:a', 'file:a', 'file:x:y'])).toEqual({ types: ['a'], files: ['a', 'x:y'] });
  });
});

describe('versioned links', () => {
  it('the page writes version 2', () => {
    expect(CURRENT_URL_VERSION).toBe(2);
    expect(serializeHash({ ...DEFAULT_VIEW, tab: 'live' })).toBe('v=2&tab=live');
  });

  // Every parameter of the version 1 form (before v existed), as the viewer wrote it and as the
  // README taught people to type it, with the view it must give.
  const V1: [string, Partial<ViewState>][] = [
    ['tab=live', { tab: 'live' }],
    ['tab=messages&sub=problems', { tab: 'messages', sub: 'problems' }],
    [
      'sort=live:clock:desc,type:asc',
      {
        sort: {
          live: [
            { column: 'clock', desc: true },
            { column: 'type', desc: false },
          ],
        },
      },
    ],
    [
      'sort=pairs:lifetime:desc&sort=compare:liveDiff:asc',
      { sort: { pairs: [{ column: 'lifetime', desc: true }], compare: [{ column: 'liveDiff', desc: false }] } },
    ],
    ['q=live:foo&q=types:dict', { q: { live: 'foo', types: 'dict' } }],
    ['q=heap-sites:a%20b:c', { q: { 'heap-sites': 'a b:c' } }],
    ['win=0.1-0.2', { win: { min: 0.1, max: 0.2 } }],
    ['full=1', { full: true }],
    ['by=site', { by: 'site' }],
    ['t=0.05', { t: 0.05 }],
    ['ign=type:frame', { ignore: { types: ['frame'], files: [] } }],
    [
      'ign=type:frame&ign=file:<frozen importlib._bootstrap>',
      { ignore: { types: ['frame'], files: ['<frozen importlib._bootstrap>'] } },
    ],
    [
      'ign=file:%3Cfrozen+importlib._bootstrap%3E&ign=type:symtable+entry&ign=file:C:%5Cpy%5Ca+b.py',
      { ignore: { types: ['symtable entry'], files: ['<frozen importlib._bootstrap>', 'C:\\py\\a b.py'] } },
    ],
    ['part=sites', { part: 'sites' }],
    [
      'of=site:/app/leaky.py:10:remember_forever',
      { of: { kind: 'site', site: { file: '/app/leaky.py', line: 10, function: 'remember_forever' } } },
    ],
    ['of=type:LeakyRecord', { of: { kind: 'type', type: 'LeakyRecord' } }],
    ['detail=type:dict[str, int]', { detail: { kind: 'type', type: 'dict[str, int]' } }],
    [
      'detail=site:C:\\app\\leaky.py:10:remember_forever',
      { detail: { kind: 'site', site: { file: 'C:\\app\\leaky.py', line: 10, function: 'remember_forever' } } },
    ],
    ['sus=type', { suspectsBy: 'type' }],
  ];

  it.each(V1)('a version 1 link, %s, gives the view it gave', (hash, want) => {
    const view = { ...DEFAULT_VIEW, ...want };
    expect(parseHash(`#${hash}`)).toEqual(view);
    // Written back in today's form, it reads the same.
    expect(parseHash(`#${serializeHash(view)}`)).toEqual(view);
  });

  it('a whole version 1 link: every parameter at once, upgraded to version 2', () => {
    const v1 =
      '#tab=growth&sub=problems&sort=growth-types:delta:desc&sort=live:clock:desc,type:asc&q=live:foo&q=compare:x' +
      '&win=0.04-0.06&full=1&by=site&t=0.05&ign=type:frame&ign=file:<frozen importlib._bootstrap>&part=objects' +
      '&of=site:/app/leaky.py:10:remember_forever&detail=type:LeakyRecord&sus=type';
    const view = parseHash(v1);
    expect(view).toEqual({
      tab: 'growth',
      sub: 'problems',
      sort: {
        'growth-types': [{ column: 'delta', desc: true }],
        live: [
          { column: 'clock', desc: true },
          { column: 'type', desc: false },
        ],
      },
      q: { live: 'foo', compare: 'x' },
      win: { min: 0.04, max: 0.06 },
      full: true,
      by: 'site',
      t: 0.05,
      older: null,
      ignore: { types: ['frame'], files: ['<frozen importlib._bootstrap>'] },
      part: 'objects',
      of: { kind: 'site', site: { file: '/app/leaky.py', line: 10, function: 'remember_forever' } },
      detail: { kind: 'type', type: 'LeakyRecord' },
      suspectsBy: 'type',
      log: [],
    } satisfies ViewState);
    const v2 = serializeHash(view);
    expect(v2).toMatch(/^v=2&/);
    expect(v2).toContain('&ignore=type:frame&ignore=file:');
    expect(parseHash(`#${v2}`)).toEqual(view);
  });

  it('the upgrade renames ign to ignore, keeps every other parameter and the order of the entries', () => {
    const p = upgradeHash('#tab=types&ign=file:b.py&q=types:x&ign=type:a&ign=file:c.py');
    expect([...p.keys()].filter((k) => k !== 'ignore')).toEqual(['tab', 'q']);
    expect(p.getAll('ignore')).toEqual(['file:b.py', 'type:a', 'file:c.py']);
    expect(p.has('ign')).toBe(false);
    expect(p.has('v')).toBe(false);
  });

  it('v=1 is the same as no v; a version 2 link is not upgraded (ign means nothing there)', () => {
    expect(parseHash('#v=1&ign=type:frame').ignore).toEqual({ types: ['frame'], files: [] });
    expect(parseHash('#v=2&ign=type:frame').ignore).toEqual({ types: [], files: [] });
  });

  it('a link of a newer version is refused with a reason, not read as the default view', () => {
    expect(() => parseHash('#v=3&tab=live')).toThrow(UrlUpgradeError);
    expect(() => parseHash('#v=3&tab=live')).toThrow(/newer version of RefTrace Viewer.*version 3.*up to version 2/);
    const read = readHash('#v=3&tab=live');
    expect(read.view).toEqual(DEFAULT_VIEW);
    expect(read.unreadable).toMatch(/^This link was made by a newer version of RefTrace Viewer/);
    expect(readHash('#v=2&tab=live')).toEqual({ view: { ...DEFAULT_VIEW, tab: 'live' }, unreadable: null });
  });

  it('a v that is not a version is refused too', () => {
    for (const v of ['x', '0', '-1', '2.5', '']) {
      const read = readHash(`#v=${v}&tab=live`);
      expect(read.unreadable, v).toMatch(/cannot read/);
      expect(read.view).toEqual(DEFAULT_VIEW);
    }
  });

  it('log: the local files a view was made from (name, size, fingerprint), in the link and back; malformed ones dropped', () => {
    const log = [
      { name: 'reindex-phase.log.gz', size: 879312, fp: '3fa2c41b9e0d77a1' },
      { name: 'child: 1.log', size: 12, fp: null },
    ];
    const view = { ...DEFAULT_VIEW, tab: 'live' as const, log };
    const hash = serializeHash(view);
    expect(hash).toBe('v=2&tab=live&log=879312:3fa2c41b9e0d77a1:reindex-phase.log.gz&log=12:-:child:+1.log');
    expect(parseHash(`#${hash}`)).toEqual(view);
    expect(parseHash('#v=2&log=x:y:z&log=12:ZZ:a.log&log=5:-:ok.log').log).toEqual([
      { name: 'ok.log', size: 5, fp: null },
    ]);
    // A link made before the parameter existed opens as it did.
    expect(parseHash('#v=2&tab=live')).toEqual({ ...DEFAULT_VIEW, tab: 'live' });
  });

  it('older: the heap at T of objects older than a number of seconds, in the link and back', () => {
    const view = { ...DEFAULT_VIEW, tab: 'heap' as const, t: 0.5, older: 0.125, part: 'objects' as const };
    const hash = serializeHash(view);
    expect(hash).toContain('&t=0.5&older=0.125');
    expect(parseHash(`#${hash}`)).toEqual(view);
    expect(parseHash('#v=2&t=0.5&older=soon').older).toBeNull();
  });
});
