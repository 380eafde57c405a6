// Open-addressing hash map from a 64-bit key (hi, lo words: an address) to a value that is not
// negative (an event index; or a count, by increment()). Linear probing with backward-shift
// deletion, so no tombstones build up as addresses are reused millions of times. A slot is 4 words
// in one array (lo, hi, value, home slot): a probe touches one cache line, and a deletion's shift
// reads each entry's home instead of hashing it again.

const EMPTY = -1;

export class AddressMap {
  /** Per slot: lo, hi (as int32), value (EMPTY: free), the slot its hash points to. */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.slots = new Int32Array(capacity * 4).fill(EMPTY);
    this.mask = capacity - 1;
  }

  private static slotOf(hi: number, lo: number, mask: number): number {
    // Addresses are 16-byte aligned: mix the words so the low bits are not all zero.
    let h = Math.imul(lo ^ (lo >>> 16), 0x45d9f3b) ^ Math.imul(hi, 0x9e3779b1);
    h ^= h >>> 15;
    return h & mask;
  }

  get(hi: number, lo: number): number {
    hi |= 0;
    lo |= 0;
    const slots = this.slots;
    const mask = this.mask;
    for (let s = AddressMap.slotOf(hi, lo, mask); ; s = (s + 1) & mask) {
      const i = s << 2;
      const v = slots[i + 2];
      if (v === EMPTY) return EMPTY;
      if (slots[i] === lo && slots[i + 1] === hi) return v;
    }
  }

  /** Sets the value; returns the previous value or -1. */
  set(hi: number, lo: number, value: number): number {
    hi |= 0;
    lo |= 0;
    const slots = this.slots;
    const mask = this.mask;
    const home = AddressMap.slotOf(hi, lo, mask);
    let s = home;
    for (; ; s = (s + 1) & mask) {
      const i = s << 2;
      const v = slots[i + 2];
      if (v === EMPTY) break;
      if (slots[i] === lo && slots[i + 1] === hi) {
        slots[i + 2] = value;
        return v;
      }
    }
    this.insertAt(s, hi, lo, value, home);
    return EMPTY;
  }

  /** Adds 1 to the key's value (taken as 0 when absent); returns the new value. One probe, for counting. */
  increment(hi: number, lo: number): number {
    hi |= 0;
    lo |= 0;
    const slots = this.slots;
    const mask = this.mask;
    const home = AddressMap.slotOf(hi, lo, mask);
    let s = home;
    for (; ; s = (s + 1) & mask) {
      const i = s << 2;
      const v = slots[i + 2];
      if (v === EMPTY) break;
      if (slots[i] === lo && slots[i + 1] === hi) return (slots[i + 2] = v + 1);
    }
    this.insertAt(s, hi, lo, 1, home);
    return 1;
  }

  /** Removes the key; returns its value or -1. */
  delete(hi: number, lo: number): number {
    hi |= 0;
    lo |= 0;
    const slots = this.slots;
    const mask = this.mask;
    let s = AddressMap.slotOf(hi, lo, mask);
    for (; ; s = (s + 1) & mask) {
      const i = s << 2;
      const v = slots[i + 2];
      if (v === EMPTY) return EMPTY;
      if (slots[i] === lo && slots[i + 1] === hi) break;
    }
    const removed = slots[(s << 2) + 2];
    // Backward-shift: pull later entries of the probe run into the hole.
    let hole = s;
    let j = s;
    for (;;) {
      j = (j + 1) & mask;
      const jj = j << 2;
      if (slots[jj + 2] === EMPTY) break;
      const home = slots[jj + 3];
      const between = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (between) continue;
      const hh = hole << 2;
      slots[hh] = slots[jj];
      slots[hh + 1] = slots[jj + 1];
      slots[hh + 2] = slots[jj + 2];
      slots[hh + 3] = home;
      hole = j;
    }
    slots[(hole << 2) + 2] = EMPTY;
    this.size--;
    return removed;
  }

  /** Calls fn for every stored value (order unspecified). */
  forEachValue(fn: (value: number) => void): void {
    const slots = this.slots;
    for (let i = 2; i < slots.length; i += 4) if (slots[i] !== EMPTY) fn(slots[i]);
  }

  /** Puts a new key in the empty slot s that its probe from `home` reached, growing when half full. */
  private insertAt(s: number, hi: number, lo: number, value: number, home: number): void {
    const slots = this.slots;
    const i = s << 2;
    slots[i] = lo;
    slots[i + 1] = hi;
    slots[i + 2] = value;
    slots[i + 3] = home;
    if (++this.size * 2 > this.mask + 1) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 4).fill(EMPTY);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 4) if (old[i + 2] !== EMPTY) this.set(old[i + 1], old[i], old[i + 2]);
  }

  get byteSize(): number {
    return this.slots.byteLength;
  }
}
