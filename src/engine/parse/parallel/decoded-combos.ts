// One decode worker's combination ids (distinct Type..Function keys), mapped to the parser's ids
// when first used. Mapping in file order means names are interned in the order a sequential parse
// interns them, so type and site ids (and every table's natural order) come out the same.

import { capacityFor, grown } from '../../base/growable.ts';
import type { DecodedBlock } from './block-decoder.ts';

export class DecodedCombos {
  private keys: Uint8Array[] = [];
  private global = new Int32Array(256).fill(-1);

  /** Remembers the keys a block introduced (before its events are read). */
  addKeys(b: DecodedBlock, keyWidth: number): void {
    const n = b.newComboKeys.length / keyWidth;
    for (let i = 0; i < n; i++)
      this.keys[b.firstNewCombo + i] = b.newComboKeys.subarray(i * keyWidth, (i + 1) * keyWidth);
    const need = b.firstNewCombo + n;
    if (need > this.global.length) {
      const old = this.global.length;
      this.global = grown(this.global, capacityFor(old, need));
      this.global.fill(-1, old);
    }
  }

  /** The parser's id for a local one, or -1 while it has not been used yet. */
  globalOf(local: number): number {
    return this.global[local];
  }

  keyOf(local: number): Uint8Array {
    return this.keys[local];
  }

  setGlobal(local: number, id: number): void {
    this.global[local] = id;
  }
}
