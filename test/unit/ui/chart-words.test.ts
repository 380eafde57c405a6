// The RSS chart for those who do not see it or use no mouse: its summary in words, one point as the
// keyboard cursor reads it, and what each key does to the cursor.

import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../../src/ui/display/chart-data.ts';
import { chartSummary, pointSummary } from '../../../src/ui/display/chart-summary.ts';
import { cursorKey, selection } from '../../../src/ui/display/cursor-keys.ts';

const MiB = 2 ** 20;
const point = (clock: number, rss: [number, number] | null, live: [number, number]): ChartPoint => ({
  clock,
  rss: rss && rss[1],
  rssRange: rss,
  live: live[1],
  liveRange: live,
});
const POINTS = [
  point(0.1, [10 * MiB, 10 * MiB], [0, 5]),
  point(0.2, [10 * MiB, 12 * MiB], [5, 40]),
  point(0.3, [11 * MiB, 11 * MiB], [30, 30]),
];

describe('the chart in words', () => {
  it('says the clock span, when RSS and the live count peaked (their bucket), T and A..B', () => {
    expect(chartSummary(POINTS, null, null, false)).toBe(
      'RSS and live objects over clock 0.100000 to 0.300000 s. RSS peaks at 12.0 MiB at about 0.200000 s. Live objects peak at 40 at about 0.200000 s.',
    );
    expect(chartSummary(POINTS, 0.25, { min: 0.1, max: 0.2 }, true)).toBe(
      'RSS and live objects over clock 0.100000 to 0.300000 s, so far (the file is still being read). RSS peaks at 12.0 MiB at about 0.200000 s. ' +
        'Live objects peak at 40 at about 0.200000 s. The instant T is 0.250000 s. The window A..B is 0.100000 to 0.200000 s.',
    );
  });

  it('a log without RSS, and a chart with nothing yet', () => {
    expect(chartSummary([point(1, null, [2, 3])], null, null, false)).toBe(
      'RSS and live objects over clock 1.000000 to 1.000000 s. The log has no RSS. Live objects peak at 3 at about 1.000000 s.',
    );
    expect(chartSummary([], null, null, true)).toMatch(/nothing to show yet/);
  });

  it('the first of equal peaks is the one named', () => {
    expect(chartSummary([point(1, null, [0, 7]), point(2, null, [7, 7])], null, null, false)).toMatch(
      /peak at 7 at about 1\.000000 s/,
    );
  });

  it('one point: its clock, RSS and live count, as ranges when the bucket held several', () => {
    expect(pointSummary(POINTS[0])).toBe('0.100000 s: RSS 10.0 MiB, 0 to 5 live objects');
    expect(pointSummary(POINTS[1])).toBe('0.200000 s: RSS 10.0 MiB to 12.0 MiB, 5 to 40 live objects');
    expect(pointSummary(point(1, null, [3, 3]))).toBe('1.000000 s: 3 live objects');
  });
});

describe('the chart cursor’s keys', () => {
  const at = (a: number, anchor: number | null = null) => ({ at: a, anchor });
  const move = (a: number, anchor: number | null = null) => ({ kind: 'move', state: at(a, anchor) });

  it('arrows step one point, within the part in view', () => {
    expect(cursorKey('ArrowRight', false, at(5), 100, [0, 99])).toEqual(move(6));
    expect(cursorKey('ArrowUp', false, at(5), 100, [0, 99])).toEqual(move(6));
    expect(cursorKey('ArrowLeft', false, at(5), 100, [0, 99])).toEqual(move(4));
    expect(cursorKey('ArrowDown', false, at(5), 100, [0, 99])).toEqual(move(4));
    expect(cursorKey('ArrowRight', false, at(20), 100, [10, 20])).toEqual(move(20));
    expect(cursorKey('ArrowLeft', false, at(50), 100, [10, 20])).toEqual(move(20));
  });

  it('Page Up/Down step a twentieth of the run, Home/End go to the ends of the view', () => {
    expect(cursorKey('PageUp', false, at(5), 100, [0, 99])).toEqual(move(10));
    expect(cursorKey('PageDown', false, at(5), 100, [0, 99])).toEqual(move(0));
    expect(cursorKey('PageUp', false, at(0), 10, [0, 9])).toEqual(move(1));
    expect(cursorKey('Home', false, at(15), 100, [10, 20])).toEqual(move(10));
    expect(cursorKey('End', false, at(15), 100, [10, 20])).toEqual(move(20));
  });

  it('Shift selects from the anchor, past the view; a plain key drops the anchor', () => {
    expect(cursorKey('ArrowRight', true, at(15), 100, [10, 20])).toEqual(move(16, 15));
    expect(cursorKey('ArrowRight', true, at(20, 15), 100, [10, 20])).toEqual(move(21, 15));
    expect(cursorKey('End', true, at(20, 15), 100, [10, 20])).toEqual(move(99, 15));
    expect(cursorKey('ArrowLeft', false, at(20, 15), 100, [0, 99])).toEqual(move(19));
  });

  it('Enter sets T at the cursor; Esc drops a selection, and is left alone without one; other keys are not the cursor’s', () => {
    expect(cursorKey('Enter', false, at(7, 3), 100, [0, 99])).toEqual({ kind: 'set-t', at: 7 });
    expect(cursorKey('Escape', false, at(7, 3), 100, [0, 99])).toEqual({ kind: 'drop-selection' });
    expect(cursorKey('Escape', false, at(7), 100, [0, 99])).toBeNull();
    expect(cursorKey('Tab', false, at(7), 100, [0, 99])).toBeNull();
    expect(cursorKey('a', true, at(7), 100, [0, 99])).toBeNull();
  });

  it('a selection spans anchor and cursor, lowest first; none without an anchor or on it', () => {
    expect(selection(at(3, 8))).toEqual([3, 8]);
    expect(selection(at(8, 3))).toEqual([3, 8]);
    expect(selection(at(8))).toBeNull();
    expect(selection(at(8, 8))).toBeNull();
  });
});
