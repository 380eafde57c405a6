import { describe, expect, it } from 'vitest';
import { pageReadsWanted } from '../../../src/ui/data/page-reads-choice.ts';

describe('page reads', () => {
  it('are off unless the URL asks for them', () => {
    expect(pageReadsWanted('')).toBe(false);
    expect(pageReadsWanted('?pageReads=0')).toBe(false);
    expect(pageReadsWanted('?pageReads=1')).toBe(true);
    expect(pageReadsWanted('?url=x.log&pageReads=1')).toBe(true);
  });
});
