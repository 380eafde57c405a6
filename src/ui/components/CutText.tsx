// A name or message from a log, which may be of any length (a 60 KB opening message without a
// space): shown cut to its first `max` characters with how long it is, and the whole text on
// demand. The whole text is laid out on one line per line of it (no wrapping inside a word), in a
// box that scrolls: wrapping 60,000 characters anywhere took Chromium seconds. Its direction is
// isolated (styles/log-text.css): a right-to-left override inside cannot reorder the page around it.

import { useState } from 'react';
import { fmtInt } from '../format.ts';

export const CUT_TEXT_MAX = 2000;

export function CutText({ text, max = CUT_TEXT_MAX }: { text: string; max?: number }) {
  const [whole, setWhole] = useState(false);
  if (text.length <= max) return <span className="log-text">{text}</span>;
  if (whole)
    return (
      <span className="log-text log-text-whole" data-testid="cut-text-whole">
        {text}
      </span>
    );
  return (
    <span className="log-text">
      {text.slice(0, max)}
      <span className="log-text-cut">
        {'… '}
        <button type="button" data-testid="cut-text-more" onClick={() => setWhole(true)}>
          Show all {fmtInt(text.length)} characters
        </button>
      </span>
    </span>
  );
}
