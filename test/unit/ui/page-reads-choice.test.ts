import { describe, expect, it } from 'vitest';
import { pageReadsWanted } from '../../../src/ui/data/page-reads-choice.ts';

const CHROMIUM = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';

describe('page reads', () => {
  it('are on in Chromium and off in Firefox by default', () => {
    expect(pageReadsWanted('', CHROMIUM)).toBe(true);
    expect(pageReadsWanted('', FIREFOX)).toBe(false);
  });
  it('follow ?pageReads=0|1 in either browser', () => {
    expect(pageReadsWanted('?pageReads=0', CHROMIUM)).toBe(false);
    expect(pageReadsWanted('?pageReads=1', FIREFOX)).toBe(true);
    expect(pageReadsWanted('?url=x.log&pageReads=0', CHROMIUM)).toBe(false);
  });
});
