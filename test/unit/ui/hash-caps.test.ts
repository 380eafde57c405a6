// Issue 26, item 11: hostile `#` state is capped at the entry of parseHash, with a clear message:
// the link's size and its number of ignore entries.

import { describe, expect, it } from 'vitest';
import { MAX_HASH_CHARS, MAX_IGNORE_ENTRIES, readHash } from '../../../src/ui/url-state.ts';

describe('caps on the # state (issue 26)', () => {
  it('100,000 ign= entries (a 1.6 MB link): not read, at once, with why', () => {
    const hash = '#' + Array.from({ length: 100_000 }, (_, i) => `ign=type:T${i}`).join('&');
    expect(hash.length).toBeGreaterThan(1_000_000);
    const t = performance.now();
    const read = readHash(hash);
    expect(performance.now() - t).toBeLessThan(50);
    expect(read.view.ignore).toEqual({ types: [], files: [] });
    expect(read.unreadable).toMatch(/characters long; the viewer reads views of up to 65,536/);
  });

  it('a 1 MB of= value: not read, at once', () => {
    const t = performance.now();
    const read = readHash(`#v=2&of=site:${'a:1:'.repeat(250_000)}x:1:f`);
    expect(performance.now() - t).toBeLessThan(50);
    expect(read.view.of).toBeNull();
    expect(read.unreadable).toMatch(/characters long/);
  });

  it(`more than ${MAX_IGNORE_ENTRIES} ignore entries in a short link: not read, with why; ${MAX_IGNORE_ENTRIES} are`, () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => `ignore=type:${i}`).join('&');
    const over = `#v=2&${entries(MAX_IGNORE_ENTRIES + 1)}`;
    expect(over.length).toBeLessThan(MAX_HASH_CHARS);
    expect(readHash(over).unreadable).toMatch(/ignores 501 types and files; the viewer reads up to 500/);
    const at = readHash(`#v=2&${entries(MAX_IGNORE_ENTRIES)}`);
    expect(at.unreadable).toBeNull();
    expect(at.view.ignore.types).toHaveLength(MAX_IGNORE_ENTRIES);
  });

  it('the largest link read is read in well under 50 ms', () => {
    const hash = `#v=2&tab=live&of=site:/${'x'.repeat(MAX_HASH_CHARS - 100)}:1:f`;
    expect(hash.length).toBeLessThanOrEqual(MAX_HASH_CHARS);
    const t = performance.now();
    const read = readHash(hash);
    expect(performance.now() - t).toBeLessThan(50);
    expect(read.view.of?.kind).toBe('site');
  });
});
