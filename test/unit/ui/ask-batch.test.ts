import { describe, expect, it } from 'vitest';
import { askBatch } from '../../../src/ui/data/ask-batch.ts';

describe('askBatch', () => {
  it('sends what one task asked after it, the first-read questions ahead, each group in order', async () => {
    const sent: string[] = [];
    const queue = askBatch<string>(
      (q) => q.startsWith('leaks') || q.startsWith('suspects'),
      (q) => sent.push(q),
    );
    for (const q of ['series', 'phases', 'peaks', 'leaks', 'suspects', 'sites']) queue(q);
    expect(sent).toEqual([]);
    await Promise.resolve();
    expect(sent).toEqual(['leaks', 'suspects', 'series', 'phases', 'peaks', 'sites']);
  });

  it('a later task is a batch of its own, after the one before', async () => {
    const sent: string[] = [];
    const queue = askBatch<string>(
      (q) => q === 'leaks',
      (q) => sent.push(q),
    );
    queue('series');
    await new Promise((r) => setTimeout(r, 0));
    queue('peaks');
    queue('leaks');
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(['series', 'leaks', 'peaks']);
  });
});
