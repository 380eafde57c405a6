import { describe, expect, it } from 'vitest';
import { throttledYield } from '../../../src/worker/yield.ts';

describe('throttledYield', () => {
  it('yields only once the interval has passed since the last yield, and counts from when that yield ended', async () => {
    let now = 0;
    const yieldNow = throttledYield(10, () => now);
    now = 9.9;
    expect(yieldNow()).toBeUndefined();
    now = 10;
    const first = yieldNow();
    expect(first).toBeInstanceOf(Promise);
    now = 14;
    await first; // the yield ends at 14: the next is due at 24
    now = 23;
    expect(yieldNow()).toBeUndefined();
    now = 24;
    await expect(yieldNow()).resolves.toBeUndefined();
  });

  it('lets a macrotask queued before it run before it resolves', async () => {
    let now = 0;
    const yieldNow = throttledYield(0, () => now++);
    const seen: string[] = [];
    setTimeout(() => seen.push('task'), 0);
    await new Promise((r) => setTimeout(r, 0)); // the timer above is due now
    setImmediate(() => seen.push('immediate'));
    await yieldNow();
    seen.push('after');
    expect(seen).toEqual(['task', 'immediate', 'after']);
  });
});
