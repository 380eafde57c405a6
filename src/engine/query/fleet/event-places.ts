// Where an event sits in its log: its line, the source file it came from, and the RSS at it, read
// from the store's run tables with cursors so a walk in event order costs no search per row.

import { basename } from '../../../shared/names.ts';
import type { LogStore } from '../../store/log-store.ts';
import { RunCursor } from './run-cursor.ts';

export class EventPlaces {
  private readonly lineRuns: RunCursor;
  private readonly rssRuns: RunCursor;
  /** The file name (no folder) of each source file, so fleet rows tell logs apart. */
  readonly logFileNames: string[];

  constructor(private readonly s: LogStore) {
    this.lineRuns = new RunCursor(s.lines.event.data, s.lines.event.length);
    this.rssRuns = new RunCursor(s.rss.event.data, s.rss.event.length);
    this.logFileNames = s.sourceFiles.map((f) => basename(f));
  }

  /** The line of its log file that event e was read from (1-based). */
  logLine(e: number): number {
    const a = this.lineRuns.at(e);
    return this.s.lines.line.data[a] + (e - this.s.lines.event.data[a]);
  }

  /** The index of the source file event e came from. */
  sourceFile(e: number): number {
    return this.s.lines.file.data[this.lineRuns.at(e)];
  }

  /** RSS at event e (the last value at or before it), or null before the first. */
  rss(e: number): number | null {
    const r = this.rssRuns.at(e);
    return r < 0 ? null : this.s.rss.value[r];
  }

  /** The change of RSS from the event before e in the same source file; null when either is unknown. */
  drss(e: number): number | null {
    if (e === 0) return null;
    const before = this.rss(e - 1);
    const now = this.rss(e);
    if (before === null || now === null || this.sourceFile(e - 1) !== this.sourceFile(e)) return null;
    return now - before;
  }
}
