// The page's data epochs: a table drops its rows when the epoch changes, keeps them when it does not.

import { describe, expect, it } from 'vitest';
import { sameEpoch } from '../../../src/ui/data/data-epoch.ts';

describe('sameEpoch', () => {
  it('is the same load in the same state, as a new object too', () => {
    expect(sameEpoch({ loadId: 3, final: false }, { loadId: 3, final: false })).toBe(true);
    expect(sameEpoch({ loadId: 3, final: false }, { loadId: 3, final: true })).toBe(false);
    expect(sameEpoch({ loadId: 3, final: true }, { loadId: 4, final: true })).toBe(false);
  });

  it('compares the baseline of a comparison too', () => {
    const after = { loadId: 2, final: true };
    expect(
      sameEpoch({ ...after, baseline: { loadId: 1, final: true } }, { ...after, baseline: { loadId: 1, final: true } }),
    ).toBe(true);
    expect(
      sameEpoch(
        { ...after, baseline: { loadId: 1, final: false } },
        { ...after, baseline: { loadId: 1, final: true } },
      ),
    ).toBe(false);
    expect(sameEpoch({ ...after, baseline: { loadId: 0, final: true } }, after)).toBe(false);
  });
});
