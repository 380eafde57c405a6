// A Blob whose reads fail as an allocation failure does (a RangeError) once they reach past
// `failFrom` bytes of the whole file: the seam tests use for a log too big for the tab.

export class FailingBlob extends Blob {
  constructor(
    parts: BlobPart[],
    private readonly failFrom: number,
    private readonly offset = 0,
  ) {
    super(parts);
  }

  slice(start = 0, end = this.size): Blob {
    const from = Math.min(this.size, Math.max(0, start));
    return new FailingBlob([super.slice(from, end)], this.failFrom, this.offset + from);
  }

  /** Its bytes a MiB at a time, through arrayBuffer(): the stream fails where the reads do. */
  stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    let at = 0;
    return new ReadableStream({
      type: 'bytes',
      pull: async (c) => {
        if (at >= this.size) {
          c.close();
          c.byobRequest?.respond(0);
          return;
        }
        const end = Math.min(this.size, at + (1 << 20));
        const bytes = new Uint8Array(await this.slice(at, end).arrayBuffer());
        at = end;
        c.enqueue(bytes);
      },
    });
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.offset + this.size > this.failFrom) throw new RangeError('Array buffer allocation failed');
    return super.arrayBuffer();
  }
}
