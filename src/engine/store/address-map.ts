// Open-addressing hash map from a 64-bit address (hi, lo words) to an event index. Linear probing
// with backward-shift deletion, so no tombstones build up as addresses are reused millions of times.

const EMPTY = -1;

export class AddressMap {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private val: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.val = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  private static slotOf(hi: number, lo: number, mask: number): number {
    // Addresses are 16-byte aligned: mix the words so the low bits are not all zero.
    let h = Math.imul(lo ^ (lo >>> 16), 0x45d9f3b) ^ Math.imul(hi, 0x9e3779b1);
    h ^= h >>> 15;
    return h & mask;
  }

  get(hi: number, lo: number): number {
    const mask = this.mask;
    let s = AddressMap.slotOf(hi, lo, mask);
    for (;;) {
      const v = this.val[s];
      if (v === EMPTY) return EMPTY;
      if (this.lo[s] === lo && this.hi[s] === hi) return v;
      s = (s + 1) & mask;
    }
  }

  /** Sets the value; returns the previous value or -1. */
  set(hi: number, lo: number, value: number): number {
    const mask = this.mask;
    let s = AddressMap.slotOf(hi, lo, mask);
    for (;;) {
      const v = this.val[s];
      if (v === EMPTY) break;
      if (this.lo[s] === lo && this.hi[s] === hi) {
        this.val[s] = value;
        return v;
      }
      s = (s + 1) & mask;
    }
    this.hi[s] = hi;
    this.lo[s] = lo;
    this.val[s] = value;
    if (++this.size * 2 > this.val.length) this.grow();
    return EMPTY;
  }

  /** Removes the key; returns its value or -1. */
  delete(hi: number, lo: number): number {
    const mask = this.mask;
    let s = AddressMap.slotOf(hi, lo, mask);
    for (;;) {
      const v = this.val[s];
      if (v === EMPTY) return EMPTY;
      if (this.lo[s] === lo && this.hi[s] === hi) break;
      s = (s + 1) & mask;
    }
    const removed = this.val[s];
    // Backward-shift: pull later entries of the probe run into the hole.
    let hole = s;
    let j = s;
    for (;;) {
      j = (j + 1) & mask;
      if (this.val[j] === EMPTY) break;
      const home = AddressMap.slotOf(this.hi[j], this.lo[j], mask);
      const between = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (between) continue;
      this.hi[hole] = this.hi[j];
      this.lo[hole] = this.lo[j];
      this.val[hole] = this.val[j];
      hole = j;
    }
    this.val[hole] = EMPTY;
    this.size--;
    return removed;
  }

  /** Calls fn for every stored value (order unspecified). */
  forEachValue(fn: (value: number) => void): void {
    const val = this.val;
    for (let s = 0; s < val.length; s++) if (val[s] !== EMPTY) fn(val[s]);
  }

  private grow(): void {
    const { hi, lo, val } = this;
    const cap = val.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.val = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.size = 0;
    for (let s = 0; s < val.length; s++) if (val[s] !== EMPTY) this.set(hi[s], lo[s], val[s]);
  }

  get byteSize(): number {
    return this.val.length * 12;
  }
}
