// How fast a site grows and when it began (query/leaks/growth-rates.ts), on real logs whose shape
// the programs fix (test/fixtures/leaks/README.md): reindex-phase keeps a whole index (3,285
// postings) in each of its two re-index phases and nothing while it serves; memo-cache keeps every
// one of the 500 pages it renders per request batch; a log without messages has no per-phase rate.

import { describe, expect, it } from 'vitest';
import type { Subject } from '../../../../src/engine/types.ts';
import { engineOf } from '../../../support/leak-corpus.ts';

const site = (file: string, line: number, fn: string): Subject => ({
  kind: 'site',
  site: { file, line, function: fn },
});

/** The full path of a site named by its base name, as the log has it. */
function siteIn(path: string, base: string, line: number): Subject {
  const x = engineOf(path)
    .ask('suspects', { by: 'site', limit: Infinity })
    .find((s) => s.file.endsWith(`/${base}`) && s.line === line)!;
  return site(x.file, x.line, x.function);
}

describe('growth rates', () => {
  it('reindex-phase: 3,285 postings kept in each of the 2 re-index phases, from “reindex generation 1”', () => {
    const path = 'leaks/reindex-phase.log.gz';
    const e = engineOf(path);
    const posting = siteIn(path, 'reindex_phase.py', 72);
    const [r] = e.ask('growthRates', { subjects: [posting] });
    expect(r.verdict).toBe('leak');
    expect(r.growing).toBe(true);
    expect(r.perPhase).toMatchObject({ perPhase: 3285, grewIn: 2, kept: 6570, firstMessage: 'reindex generation 1' });
    expect(r.during).toBe('reindex generation 1');
    const phases = e.ask('phases', {});
    expect(phases[r.phase! - 1].message).toBe('reindex generation 1');
    // The verdict's own numbers: per second of clock, since when.
    const v = e.ask('subjectVerdict', { subject: posting });
    expect([r.perSecond, r.since]).toEqual([v.growthPerSecond, v.growingSince]);
    expect(r.perSecond).toBeGreaterThan(1000);
    // Phase by phase, the detail's table agrees: it made 3,285 in each re-index phase.
    const made = v.phases.filter((p) => p.made > 0).map((p) => [p.message, p.made]);
    expect(made).toContainEqual(['reindex generation 1', 3285]);
    expect(made).toContainEqual(['reindex generation 2', 3285]);
  });

  it('memo-cache: 500 rendered pages kept per request batch, in every batch from “request batch 0”', () => {
    const path = 'leaks/memo-cache.log.gz';
    const [r] = engineOf(path).ask('growthRates', { subjects: [siteIn(path, 'memo_cache.py', 75)] });
    expect(r.perPhase).toMatchObject({ perPhase: 500, grewIn: 8, phases: 8, kept: 3800 });
    expect(r.during).toBe('request batch 0');
  });

  it('a working set does not grow: no rate, and its beginning is its first object', () => {
    const path = 'leaks/reindex-phase.log.gz';
    const e = engineOf(path);
    const doc = siteIn(path, 'reindex_phase.py', 118);
    const [r] = e.ask('growthRates', { subjects: [doc] });
    expect(r.verdict).toBe('working-set');
    expect([r.growing, r.perSecond, r.perPhase]).toEqual([false, 0, null]);
    const s = e
      .ask('suspects', { by: 'site', limit: Infinity })
      .find((x) => x.line === 118 && x.file.endsWith('reindex_phase.py'))!;
    expect(r.since).toBe(s.firstClock);
    // Made before the first message: no message yet, the first phase.
    expect([r.during, r.phase]).toEqual([null, 1]);
  });

  it('a log without messages: a rate per second, none per phase', () => {
    const path = 'leaks/event-history.log.gz';
    const e = engineOf(path);
    const leak = e.ask('suspects', { by: 'site', limit: 1 })[0];
    const [r] = e.ask('growthRates', { subjects: [site(leak.file, leak.line, leak.function)] });
    expect(r.growing).toBe(true);
    expect(r.perSecond).toBeGreaterThan(0);
    expect([r.perPhase, r.during, r.phase]).toEqual([null, null, null]);
  });

  it('types, several subjects in one pass, and one that holds nothing', () => {
    const path = 'leaks/reindex-phase.log.gz';
    const e = engineOf(path);
    const rates = e.ask('growthRates', {
      subjects: [{ kind: 'type', type: 'Posting' }, siteIn(path, 'reindex_phase.py', 72), site('nowhere.py', 1, 'f')],
    });
    expect(rates[0].perPhase?.perPhase).toBe(3285);
    expect(rates[1].perPhase).toEqual(rates[0].perPhase);
    expect(rates[2]).toMatchObject({ verdict: null, growing: false, since: null, perPhase: null });
  });
});
