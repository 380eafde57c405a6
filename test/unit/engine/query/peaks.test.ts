// The peaks of a run (query/peaks.ts): the instant T with the most live objects and the one with
// the highest RSS. Checked against a plain replay of the events (test/support/peaks-reference.ts)
// and against the heap at T, which must show exactly the peak's count at the peak's clock.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../../src/engine/analysis.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import { fixture, fixtureLogs } from '../../../support/fixtures.ts';
import { engineOf } from '../../../support/leak-corpus.ts';
import { replayInstants } from '../../../support/peaks-reference.ts';
import { generateLog } from '../../../support/reflog-generator.ts';

function checkPeaks(name: string, e: Engine): void {
  const peaks = e.ask('peaks');
  const instants = replayInstants(e.store);
  const maxLive = Math.max(...instants.map((i) => i.live));
  const firstMax = instants.find((i) => i.live === maxLive)!;
  expect(peaks.live, name).not.toBeNull();
  expect([peaks.live!.clock, peaks.live!.value], name).toEqual([firstMax.clock, maxLive]);
  // T at the peak's clock shows exactly the peak's count.
  expect(e.ask('heap', { at: peaks.live!.clock }).alive, name).toBe(maxLive);
  const withRss = instants.filter((i) => i.rss === i.rss);
  if (withRss.length === 0) expect(peaks.rss, name).toBeNull();
  else {
    const maxRss = Math.max(...withRss.map((i) => i.rss));
    expect([peaks.rss!.clock, peaks.rss!.value], name).toEqual([withRss.find((i) => i.rss === maxRss)!.clock, maxRss]);
    expect(peaks.rss!.value, name).toBe(e.log.summary().rssMax);
  }
  // The phase named is the one the Phases tab lists holding that clock.
  const phases = e.ask('phases', {});
  for (const p of [peaks.live!, peaks.rss].filter((x) => x !== null)) {
    const phase = phases[p.phase! - 1];
    expect(phase.from === null || phase.from < p.clock, name).toBe(true);
    expect(p.clock <= phase.to || p.phase === phases.length, name).toBe(true);
    expect(p.message, name).toBe(phase.message?.split('\n')[0] ?? null);
  }
}

describe('peaks', () => {
  it.each(fixtureLogs('samples'))('%s: the replay’s highest live count and RSS, and the heap at T agrees', (rel) => {
    checkPeaks(rel, new Engine(analyseChunks([fixture(rel)])));
  });

  it.each(['leaks/reindex-phase.log.gz', 'leaks/memo-cache.log.gz', 'leaks/batch-peak.log.gz'])(
    '%s (real log with phases)',
    (rel) => checkPeaks(rel, engineOf(rel)),
  );

  it('generated logs with duplicates, untracked DELs and clocks shared by many events', () => {
    for (const seed of [5, 6])
      checkPeaks(
        `seed ${seed}`,
        new Engine(analyseChunks(generateLog({ lines: 20_000, seed, msgRate: 0.005, duplicateRate: 0.02 }).chunks)),
      );
  });

  it('batch-peak: the live peak falls in one of its batch phases, not at the end', () => {
    const e = engineOf('leaks/batch-peak.log.gz');
    const p = e.ask('peaks').live!;
    expect(p.value).toBeGreaterThan(e.log.summary().live * 2);
    expect(p.message).not.toBeNull();
  });

  it('an empty log has no peaks', () => {
    expect(new Engine(analyseChunks([])).ask('peaks')).toEqual({ live: null, rss: null });
  });
});
