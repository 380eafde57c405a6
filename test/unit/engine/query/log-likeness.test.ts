// Whether the two logs of a comparison look like the same program (query/log-likeness.ts), and the
// "before" log's series for the chart: two releases of one service share nearly every function
// that makes objects; two different programs of the leak corpus share few.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../../src/engine/analysis.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import { DIFFERENT_PROGRAMS_BELOW } from '../../../../src/engine/query/log-likeness.ts';
import { bytesOf } from '../../../support/leak-corpus.ts';

const analysis = (path: string) => analyseChunks([bytesOf(path)], path);

describe('log likeness', () => {
  it('two releases of one service: the same program', () => {
    const e = new Engine(analysis('releases/r6.log.gz'), analysis('releases/r1.log.gz'));
    const l = e.ask('likeness')!;
    expect(l.share).toBeGreaterThan(0.95);
    expect(l.share).toBeGreaterThanOrEqual(DIFFERENT_PROGRAMS_BELOW);
    expect(l.different).toBe(false);
    expect(l.common).toBeLessThanOrEqual(Math.min(l.before, l.after));
  });

  it('two different programs: below the line', () => {
    const e = new Engine(analysis('leaks/memo-cache.log.gz'), analysis('leaks/reindex-phase.log.gz'));
    const l = e.ask('likeness')!;
    expect(l.share).toBeLessThan(DIFFERENT_PROGRAMS_BELOW);
    expect(l.different).toBe(true);
    expect(l.common).toBeGreaterThan(0);
  });

  it('no "before" log: no likeness and an empty series', () => {
    const e = new Engine(analysis('leaks/memo-cache.log.gz'));
    expect(e.ask('likeness')).toBeNull();
    expect(e.ask('baselineSeries', { buckets: 100 })).toEqual([]);
  });

  it('the "before" series is that log’s own series', () => {
    const before = analysis('leaks/reindex-phase.log.gz');
    const e = new Engine(analysis('leaks/memo-cache.log.gz'), before);
    expect(e.ask('baselineSeries', { buckets: 200 })).toEqual(new Engine(before).ask('series', { buckets: 200 }));
  });
});
