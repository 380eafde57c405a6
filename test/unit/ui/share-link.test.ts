import { describe, expect, test } from 'vitest';
import { shareLink } from '../../../src/ui/data/share-link.ts';

const PAGE = 'https://tools.example/reftrace/';

describe('shareLink', () => {
  test('a ?url= log: the page as it is, ?url= and #view kept byte for byte', () => {
    const page = `${PAGE}?url=https://logs.example/run.log#tab=live&q=live:Fraction`;
    expect(shareLink(page, { kind: 'url', url: 'https://logs.example/run.log' })).toEqual({ link: page, note: null });
  });

  test('the example opened on a page without ?url=: ?url= is added, other parameters and the hash kept', () => {
    expect(shareLink(`${PAGE}?ref=chat#tab=types`, { kind: 'url', url: 'example.log' })).toEqual({
      link: `${PAGE}?ref=chat&url=example.log#tab=types`,
      note: null,
    });
  });

  test('a file opened after a ?url= log: ?url= is dropped, and the note names the file', () => {
    const got = shareLink(`${PAGE}?url=https%3A%2F%2Flogs.example%2Frun.log#tab=pairs`, {
      kind: 'files',
      names: ['run-17.log'],
    });
    expect(got).toEqual({
      link: `${PAGE}#tab=pairs`,
      note: 'The link does not carry the log: your colleague needs the same file, run-17.log; dropping it on the page opened from the link restores this view.',
    });
  });

  test('a nested run: the note names every file and says to drop them together', () => {
    expect(shareLink(PAGE, { kind: 'files', names: ['outer.log', 'inner.log'] }).note).toBe(
      'The link does not carry the log: your colleague needs the same files, outer.log, inner.log; dropping them together on the page opened from the link restores this view.',
    );
  });

  test('no log: the page without ?url=', () => {
    expect(shareLink(`${PAGE}?url=x.log&ref=chat`, null)).toEqual({ link: `${PAGE}?ref=chat`, note: null });
  });
});
