// Names the RSS chart's brush handles for screen readers. Recharts gives both handles one label
// ("Min value: …, Max value: …", or the one passed) and their pixel position as aria-valuenow, and
// takes no other attributes for them; so once each render is committed, the handle further left
// is named the start of A..B, the other the end, and each says its clock (aria-valuetext, which
// screen readers read instead of the pixels). React does not own these attributes: the Brush gets
// a constant ariaLabel, so it never writes the label back.

import { useEffect, type RefObject } from 'react';
import { fmtClock } from '../format.ts';

export function useBrushLabels(
  ref: RefObject<HTMLElement | null>,
  startClock: number | undefined,
  endClock: number | undefined,
): void {
  useEffect(() => {
    const handles = Array.from(ref.current?.querySelectorAll('.recharts-brush-traveller') ?? []);
    handles.sort((a, b) => Number(a.getAttribute('aria-valuenow')) - Number(b.getAttribute('aria-valuenow')));
    handles.forEach((h, i) => {
      const clock = i === 0 ? startClock : endClock;
      h.setAttribute('aria-label', i === 0 ? 'Start of the window A..B' : 'End of the window A..B');
      if (clock !== undefined) h.setAttribute('aria-valuetext', `${fmtClock(clock)} s`);
    });
  });
}
