// The start of a line that a chunk ended in the middle of, kept until a later chunk ends it. Only
// the first MAX_LINE_BYTES are kept; `total` counts them all, so an oversized line is reported.

import { capacityFor, grown } from '../base/growable.ts';
import { MAX_LINE_BYTES } from '../format/limits.ts';

export class LineCarry {
  bytes = new Uint8Array(4096);
  /** Bytes kept in `bytes`. */
  length = 0;
  /** The line's real length so far (0: no line is waiting). */
  total = 0;

  append(buf: Uint8Array, s: number, e: number): void {
    this.total += e - s;
    const take = Math.min(MAX_LINE_BYTES - this.length, e - s);
    if (take <= 0) return;
    if (this.length + take > this.bytes.length)
      this.bytes = grown(this.bytes, Math.min(capacityFor(this.bytes.length, this.length + take), MAX_LINE_BYTES));
    this.bytes.set(buf.subarray(s, s + take), this.length);
    this.length += take;
  }

  clear(): void {
    this.length = 0;
    this.total = 0;
  }
}
