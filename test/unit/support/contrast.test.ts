// The contrast math the theme tests rely on, against WCAG's own reference values.
import { describe, expect, test } from 'vitest';
import { contrast, flatten, isLargeText, luminance, over, parseColor, textMinimum } from '../../support/contrast.ts';

const WHITE = parseColor('#fff');
const BLACK = parseColor('#000000');

describe('parseColor', () => {
  test('the forms getComputedStyle and CSS give', () => {
    expect(parseColor('rgb(29, 78, 216)')).toEqual({ r: 29, g: 78, b: 216, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0.5)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColor('rgb(10 20 30 / 25%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.25 });
    expect(parseColor('#1d4ed8')).toEqual({ r: 29, g: 78, b: 216, a: 1 });
    expect(parseColor('#0008')).toEqual({ r: 0, g: 0, b: 0, a: 136 / 255 });
    expect(parseColor('transparent').a).toBe(0);
  });

  test('anything else is an error, not a guess', () => {
    expect(() => parseColor('oklch(0.5 0.1 200)')).toThrow(/not a colour/);
    expect(() => parseColor('#12345')).toThrow(/not a colour/);
  });
});

describe('luminance and contrast', () => {
  test('black on white is 21:1, white on white 1:1, in either order', () => {
    expect(luminance(WHITE)).toBeCloseTo(1, 10);
    expect(luminance(BLACK)).toBe(0);
    expect(contrast(BLACK, WHITE)).toBeCloseTo(21, 10);
    expect(contrast(WHITE, BLACK)).toBeCloseTo(21, 10);
    expect(contrast(WHITE, WHITE)).toBe(1);
  });

  test('known pairs: #767676 on white is the 4.5:1 border, #959595 is 3:1, #777 falls short', () => {
    expect(contrast(parseColor('#767676'), WHITE)).toBeCloseTo(4.54, 2);
    expect(contrast(parseColor('#959595'), WHITE)).toBeCloseTo(3.0, 1);
    expect(contrast(parseColor('#777777'), WHITE)).toBeLessThan(4.5);
    // The sRGB curve's linear part (channels ≤ 10/255).
    expect(luminance(parseColor('rgb(10, 10, 10)'))).toBeCloseTo(10 / 255 / 12.92, 12);
  });

  test('a translucent foreground is laid on the background first', () => {
    // Half-transparent black on white is mid grey (127.5).
    const grey = over(parseColor('rgba(0, 0, 0, 0.5)'), WHITE);
    expect(grey).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(contrast(parseColor('rgba(0, 0, 0, 0.5)'), WHITE)).toBeCloseTo(contrast(grey, WHITE), 12);
    expect(() => contrast(BLACK, parseColor('rgba(255, 255, 255, 0.5)'))).toThrow(/opaque/);
  });
});

describe('flatten', () => {
  test('layers nearest first over the canvas; transparent layers change nothing', () => {
    const layers = [parseColor('transparent'), parseColor('rgba(255, 0, 0, 0.5)'), parseColor('#0000ff')];
    expect(flatten(layers, WHITE)).toEqual({ r: 127.5, g: 0, b: 127.5, a: 1 });
    expect(flatten([parseColor('transparent')], BLACK)).toEqual(BLACK);
  });
});

describe('large text', () => {
  test('24 px, or 18.67 px bold, takes 3:1; smaller or lighter takes 4.5:1', () => {
    expect([
      isLargeText(24, 400),
      isLargeText(23.9, 400),
      isLargeText(18.67, 700),
      isLargeText(18.67, 600),
      isLargeText(18, 700),
    ]).toEqual([true, false, true, false, false]);
    expect([textMinimum(13, 400), textMinimum(20, 700), textMinimum(20, 600)]).toEqual([4.5, 3, 4.5]);
  });
});
