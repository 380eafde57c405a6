// Log line numbers of events, kept as anchors where (line - event index) or the source file changes:
// a few per log (messages, problem lines, child logs), not one per event.

import { GrowableInt32 } from '../base/growable.ts';

export class LineAnchors {
  readonly event = new GrowableInt32();
  readonly line = new GrowableInt32();
  readonly file = new GrowableInt32();
  private delta = NaN;
  private fileIdx = -1;

  /** Event e is at line of source file `file`. */
  note(e: number, file: number, line: number): void {
    if (line - e !== this.delta || file !== this.fileIdx) {
      this.event.push(e);
      this.line.push(line);
      this.file.push(file);
      this.delta = line - e;
      this.fileIdx = file;
    }
  }

  lineOf(e: number): number {
    const a = this.indexOf(e);
    return this.line.data[a] + (e - this.event.data[a]);
  }

  fileOf(e: number): number {
    return this.file.data[this.indexOf(e)];
  }

  get byteSize(): number {
    return this.event.data.byteLength * 3;
  }

  private indexOf(e: number): number {
    const ev = this.event.data;
    let lo = 0;
    let hi = this.event.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ev[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
