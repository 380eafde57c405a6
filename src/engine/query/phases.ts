// Phases: the spans between the program's own messages (MSG lines: 'Loop 8 start', 'csv
// write/read'), plus the span before the first and after the last, each with what it did to the
// heap: NEWs, DELs, the change of the live count, the objects it created that were still alive at
// its end, and the change of RSS. One pass over the events, however many messages there are.
// A phase holds the events after its message's clock up to the next message's (events at a
// message's exact clock belong to the phase before it, as "alive at T" counts them), so its numbers
// are those of growth from its start to its end.

import type { LogStore } from '../store/log-store.ts';
import { isDelOf, typeIdOf } from '../store/type-kind.ts';
import { REATTACH, RESUME, SUSPEND, DETACH_CHILD } from '../format/messages.ts';
import type { IgnoreMasks } from './ignore.ts';
import type { Instants } from './instants.ts';

export type PhaseKind = 'start' | 'message' | 'error' | 'suspend' | 'resume' | 'detach' | 'reattach';

export interface Phase {
  /** The clock of the message that starts it; null for the span before the first message. */
  from: number | null;
  /** The next message's clock, or the log's last clock. */
  to: number;
  message: string | null;
  kind: PhaseKind;
  /** The message's log line (0 for the start). */
  line: number;
  new: number;
  del: number;
  /** Live objects at its end minus at its start. */
  netLive: number;
  /** Objects it created that are still alive at its end. */
  createdAndAlive: number;
  /** RSS at its last event minus RSS before it (null without RSS). */
  rssDelta: number | null;
}

/** What kind of message a text is: the tracer's own, or the program's. */
export function messageKind(text: string, isErr: boolean): PhaseKind {
  if (isErr) return 'error';
  if (SUSPEND.test(text)) return 'suspend';
  if (RESUME.test(text)) return 'resume';
  if (DETACH_CHILD.test(text)) return 'detach';
  if (REATTACH.test(text)) return 'reattach';
  return 'message';
}

export function logPhases(s: LogStore, ends: Uint32Array, instants: Instants, ignore: IgnoreMasks | null): Phase[] {
  const n = s.eventCount;
  const notes = s.notes;
  const msgs: number[] = [];
  for (let i = 0; i < notes.msgLine.length; i++) if (notes.msgClock[i] === notes.msgClock[i]) msgs.push(i);
  msgs.sort((a, b) => notes.msgClock[a] - notes.msgClock[b] || a - b);
  // Phase k holds events [starts[k], starts[k + 1]).
  const starts = [0, ...msgs.map((i) => instants.prefixAt(notes.msgClock[i]))];
  const count = starts.length;
  const phaseEnd = (k: number) => (k + 1 < count ? starts[k + 1] : n);
  const news = new Int32Array(count);
  const dels = new Int32Array(count);
  const created = new Int32Array(count);
  const ended = new Int32Array(count);
  /** The phase holding event e (events are walked in order, so a cursor suffices). */
  let k = 0;
  const ignT = ignore?.types;
  const ignS = ignore?.sites;
  const ignored = (e: number) => ignT !== undefined && (ignT[typeIdOf(s.typeKind.get(e))] | ignS![s.site.get(e)]) === 1;
  const { pairNew, pairDel, dupOld, dupNew } = s.seed;
  let pair = 0;
  let dup = 0;
  for (let e = 0; e < n; e++) {
    while (k + 1 < count && e >= starts[k + 1]) k++;
    const del = isDelOf(s.typeKind.get(e));
    if (del) {
      if (pair < pairDel.length && pairDel.get(pair) === e) {
        if (!ignored(pairNew.get(pair))) ended[k]++;
        pair++;
      }
      if (!ignored(e)) dels[k]++;
      continue;
    }
    if (dup < dupNew.length && dupNew.data[dup] === e) {
      if (!ignored(dupOld.data[dup])) ended[k]++;
      dup++;
    }
    if (ignored(e)) continue;
    news[k]++;
    if (ends[e] >= phaseEnd(k)) created[k]++;
  }
  const rssBefore = (p: number) => (p > 0 ? s.rssAt(p - 1) : s.rss.first);
  const out: Phase[] = [];
  for (let p = 0; p < count; p++) {
    const m = p === 0 ? -1 : msgs[p - 1];
    const to = p + 1 < count ? notes.msgClock[msgs[p]] : (s.clockLast ?? 0);
    // The span before the first message is left out when it holds nothing.
    if (p === 0 && count > 1 && phaseEnd(0) === 0) continue;
    const startRss = rssBefore(starts[p]);
    const endRss = phaseEnd(p) > 0 ? s.rssAt(phaseEnd(p) - 1) : null;
    out.push({
      from: m < 0 ? null : notes.msgClock[m],
      to,
      message: m < 0 ? null : notes.msgText[m],
      kind: m < 0 ? 'start' : messageKind(notes.msgText[m], notes.msgIsErr[m]),
      line: m < 0 ? 0 : notes.msgLine[m],
      new: news[p],
      del: dels[p],
      netLive: news[p] - ended[p],
      createdAndAlive: created[p],
      rssDelta: startRss !== null && endRss !== null ? endRss - startRss : null,
    });
  }
  return out;
}
