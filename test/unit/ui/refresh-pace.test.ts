import { describe, expect, it } from 'vitest';
import { QUERY_SHARE, REFRESH_EVERY_MS, refreshInterval } from '../../../src/ui/data/refresh-pace.ts';

describe('refreshInterval', () => {
  it('refreshes every second while the answers are cheap', () => {
    expect(refreshInterval(0)).toBe(REFRESH_EVERY_MS);
    expect(refreshInterval(200)).toBe(1000);
    expect(refreshInterval(-5)).toBe(1000);
  });

  it('waits four times what the last answers cost once they are dear, so they take at most a fifth of the worker', () => {
    // The sites table on 64M events: about 1.6 s per refresh.
    expect(refreshInterval(1600)).toBe(6400);
    const share = 1600 / (refreshInterval(1600) + 1600);
    expect(share).toBeLessThanOrEqual(1 / (QUERY_SHARE + 1));
  });
});
