// The view state in the URL's hash: the keys of the leak views (t, win, ign, part, of, detail, sus)
// parse, survive a round trip, and malformed values fall back to the defaults.

import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseHash, parseIgnore, serializeHash } from '../../../src/ui/url-state.ts';

describe('the leak views in the URL', () => {
  it('reads t, win and ign as the issue writes them', () => {
    const s = parseHash('#tab=heap&t=0.05&win=0.04-0.06&ign=type:frame&ign=file:%3Cfrozen+importlib._bootstrap%3E');
    expect(s.tab).toBe('heap');
    expect(s.t).toBe(0.05);
    expect(s.win).toEqual({ min: 0.04, max: 0.06 });
    expect(s.ign).toEqual({ types: ['frame'], files: ['<frozen importlib._bootstrap>'] });
  });

  it('a full state survives serialize → parse', () => {
    const state = {
      ...DEFAULT_VIEW,
      tab: 'growth' as const,
      t: 1.234567,
      win: { min: 0.5, max: 2 },
      ign: { types: ['frame', 'symtable entry'], files: ['<frozen abc>', 'C:\\py\\a b.py'] },
      part: 'objects' as const,
      of: { kind: 'site' as const, site: { file: 'C:\\app\\leaky.py', line: 10, function: 'remember_forever' } },
      detail: { kind: 'type' as const, type: 'dict[str, int]' },
      suspectsBy: 'type' as const,
      sort: { 'growth-types': [{ column: 'delta', desc: true }], phases: [{ column: 'createdAndAlive', desc: true }] },
      q: { 'heap-sites': 'leaky' },
    };
    const hash = serializeHash(state);
    expect(hash).toContain('t=1.234567');
    expect(hash).toContain('sus=type');
    expect(parseHash(`#${hash}`)).toEqual(state);
  });

  it('the defaults write nothing', () => {
    expect(serializeHash(DEFAULT_VIEW)).toBe('');
    expect(parseHash('')).toEqual(DEFAULT_VIEW);
  });

  it('drops what it cannot read', () => {
    const s = parseHash(
      '#t=-1&win=0.2-0.1&ign=frame&ign=type:&part=heap&of=site:leaky.py&detail=nonsense&sus=file&tab=nope',
    );
    expect(s).toEqual(DEFAULT_VIEW);
    expect(parseHash('#t=abc').t).toBeNull();
    expect(parseHash('#t=0').t).toBe(0);
  });

  it('ignore entries: repeated names once, types and files apart', () => {
    expect(parseIgnore(['type:a', 'type:a', 'file:a', 'file:x:y'])).toEqual({ types: ['a'], files: ['a', 'x:y'] });
  });
});
