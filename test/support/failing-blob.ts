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

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.offset + this.size > this.failFrom) throw new RangeError('Array buffer allocation failed');
    return super.arrayBuffer();
  }
}
