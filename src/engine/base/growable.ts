// Typed arrays that grow by doubling, for side tables whose size is not per line (the per-event
// columns are chunked instead: see store/chunked-columns.ts). Every growth in the engine goes through here.

type GrowableArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** The doubled (or more) capacity that holds `need` elements, starting from `current`. */
export function capacityFor(current: number, need: number): number {
  let n = Math.max(current, 1);
  while (n < need) n *= 2;
  return n;
}

/** A copy of a in a longer array of the same kind (zero-filled after a's end). */
export function grown<T extends GrowableArray>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** a itself when it holds `need` elements, else a copy grown by doubling to hold them. */
export function withRoom<T extends GrowableArray>(a: T, need: number): T {
  return need <= a.length ? a : grown(a, capacityFor(a.length, need));
}

/** A growable list of int32. */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(initial = 16) {
    this.data = new Int32Array(initial);
  }
  push(v: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.data.length * 2);
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  /** Grows so that index i exists (zero-filled). */
  ensure(i: number): void {
    if (i >= this.data.length) this.data = grown(this.data, capacityFor(this.data.length, i + 1));
  }
  /** The filled part, as its own array (to transfer). */
  take(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** A growable byte buffer. */
export class GrowableBytes {
  data: Uint8Array;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Uint8Array(initial);
  }
  append(src: Uint8Array, s: number, e: number): void {
    this.data = withRoom(this.data, this.length + e - s);
    this.data.set(src.subarray(s, e), this.length);
    this.length += e - s;
  }
  /** The filled part, as its own array (to transfer). */
  take(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}
