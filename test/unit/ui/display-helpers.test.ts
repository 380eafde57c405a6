// The pure helpers of the leak views: sparkline geometry, placing and collapsing message markers,
// the lifetime histogram's labels, how a site or type reads and is written in the URL, and the
// moments of the heap and growth tabs.

import { describe, expect, it } from 'vitest';
import { bucketLabels, fmtDuration } from '../../../src/ui/display/lifetime-buckets.ts';
import { collapseMarkers, groupKind, placeMarkers } from '../../../src/ui/display/markers.ts';
import { momentOf, phaseWindow } from '../../../src/ui/display/moments.ts';
import { sparklinePath } from '../../../src/ui/display/sparkline.ts';
import { sameSubject, siteLabel, subjectFromText, subjectToText, type Subject } from '../../../src/shared/names.ts';

describe('sparkline', () => {
  it('spans the box: zero at the bottom, the highest sample at the top', () => {
    const s = sparklinePath([0, 5, 10], 100, 20, 0);
    expect(s).toEqual({ d: 'M0 20L50 10L100 0', max: 10 });
  });

  it('insets by the padding; all zeros is a flat line at the bottom; one sample sits in the middle', () => {
    expect(sparklinePath([0, 0], 10, 10, 1).d).toBe('M1 9L9 9');
    expect(sparklinePath([3], 10, 10, 1).d).toBe('M5 1');
    expect(sparklinePath([], 10, 10)).toEqual({ d: '', max: 0 });
  });

  it('33 samples of a steady leak rise from left to right', () => {
    const values = Array.from({ length: 33 }, (_, i) => i * 3);
    const ys = [...sparklinePath(values, 96, 24).d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(33);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1]);
  });
});

describe('message markers', () => {
  it("markers closer than the gap to a group's first join it", () => {
    expect(collapseMarkers([0, 2, 5, 6, 20, 40, 41], 6)).toEqual([
      { x: 0, first: 0, count: 3 },
      { x: 6, first: 3, count: 1 },
      { x: 20, first: 4, count: 1 },
      { x: 40, first: 5, count: 2 },
    ]);
  });

  it('a thousand markers on one pixel are one group; none is none', () => {
    expect(collapseMarkers(new Array(1000).fill(7), 4)).toEqual([{ x: 7, first: 0, count: 1000 }]);
    expect(collapseMarkers([], 4)).toEqual([]);
  });

  it('a group is styled by its kind, or as mixed', () => {
    expect(groupKind(['suspend'])).toBe('suspend');
    expect(groupKind(['message', 'message'])).toBe('message');
    expect(groupKind(['detach', 'message'])).toBe('mixed');
  });
});

describe('lifetime buckets', () => {
  it("reads the engine's edges as durations", () => {
    expect([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100].map(fmtDuration)).toEqual([
      '1 µs',
      '10 µs',
      '100 µs',
      '1 ms',
      '10 ms',
      '100 ms',
      '1 s',
      '10 s',
      '100 s',
    ]);
    expect(bucketLabels([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100])).toEqual([
      '< 1 µs',
      '1–10 µs',
      '10–100 µs',
      '100 µs–1 ms',
      '1–10 ms',
      '10–100 ms',
      '100 ms–1 s',
      '1–10 s',
      '10–100 s',
      '≥ 100 s',
    ]);
    expect(bucketLabels([])).toEqual(['all']);
  });
});

describe('subjects', () => {
  const leaky = { file: '/home/user/app/leaky.py', line: 10, function: 'remember_forever' };
  const site: Subject = { kind: 'site', site: leaky };

  it('a site reads as file:line function, its base name by default', () => {
    expect(siteLabel(leaky, false)).toBe('leaky.py:10 remember_forever');
    expect(siteLabel(leaky, true)).toBe('/home/user/app/leaky.py:10 remember_forever');
  });

  it('round-trips through the URL form, colons in the path included', () => {
    const win: Subject = { kind: 'site', site: { file: 'C:\\a:b\\x.py', line: 3, function: '<lambda>' } };
    const type: Subject = { kind: 'type', type: 'dict[str, int]' };
    for (const s of [site, win, type]) expect(subjectFromText(subjectToText(s))).toEqual(s);
    expect(subjectToText(site)).toBe('site:/home/user/app/leaky.py:10:remember_forever');
    expect(subjectFromText('site:x.py:ten:f')).toBeNull();
    expect(subjectFromText('type:')).toBeNull();
    expect(sameSubject(type, { kind: 'type', type: 'dict[str, int]' })).toBe(true);
    expect(sameSubject(type, null)).toBe(false);
    expect(sameSubject(null, null)).toBe(true);
  });
});

describe('placing message markers on the clock axis', () => {
  const at = (clock: number) => ({ clock });
  const toX = (c: number) => Math.round((c - 1) * 100); // [1, 2] s over 100 px

  it('zoomed in: only the markers inside the axis, at their place', () => {
    const p = placeMarkers([at(0.5), at(1.2), at(1.21), at(1.5), at(2.5)], 1, 2, false, toX, 4);
    expect(p.shown.map((m) => m.clock)).toEqual([1.2, 1.21, 1.5]);
    expect(p.groups).toEqual([
      { x: 20, first: 0, count: 2 },
      { x: 50, first: 2, count: 1 },
    ]);
  });

  it('the whole run: those just outside the axis are drawn at its edges', () => {
    const p = placeMarkers([at(0.99), at(1.5), at(2.01)], 1, 2, true, toX, 4);
    expect(p.shown).toHaveLength(3);
    expect(p.groups.map((g) => g.x)).toEqual([0, 50, 100]);
  });
});

describe('moments', () => {
  it('the heap tab needs T, the growth tab a window', () => {
    expect(momentOf('heap', { t: 0.5, win: null })).toEqual({ at: 0.5 });
    expect(momentOf('heap', { t: null, win: { min: 1, max: 2 } })).toBeNull();
    expect(momentOf('growth', { t: 0.5, win: { min: 1, max: 2 } })).toEqual({ from: 1, to: 2 });
    expect(momentOf('growth', { t: 0.5, win: null })).toBeNull();
  });

  it('a phase is a window; the one before the first message starts at 0', () => {
    expect(phaseWindow({ from: 0.2, to: 0.3 })).toEqual({ min: 0.2, max: 0.3 });
    expect(phaseWindow({ from: null, to: 0.3 })).toEqual({ min: 0, max: 0.3 });
    expect(phaseWindow({ from: 0.4, to: 0.3 })).toBeNull();
    expect(phaseWindow({ from: 0.1, to: null })).toBeNull();
  });
});
