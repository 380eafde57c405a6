// Which of the program's own messages was in effect at a clock: the "during" of a verdict and of a
// growth rate (one answer for both, so the Summary's and the detail's words agree).

import type { LogStore } from '../../store/log-store.ts';
import { messageKind } from '../phases.ts';

/** The program's own message in effect at a clock (the last one at or before it; the tracer's are not), its first line, or null. */
export function messageAt(s: LogStore): (clock: number | null) => string | null {
  const n = s.notes;
  const user: number[] = [];
  for (let i = 0; i < n.msgLine.length; i++)
    if (!n.msgIsErr[i] && n.msgClock[i] === n.msgClock[i] && messageKind(n.msgText[i], false) === 'message')
      user.push(i);
  user.sort((a, b) => n.msgClock[a] - n.msgClock[b]);
  return (clock) => {
    if (clock === null) return null;
    let lo = 0;
    let hi = user.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (n.msgClock[user[mid]] <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? n.msgText[user[lo - 1]].split('\n')[0] : null;
  };
}
