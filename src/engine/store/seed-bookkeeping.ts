// The original analyser's bookkeeping, kept event by event: live objects by address, NEW/DEL pairs,
// DELs of untracked addresses, duplicate NEWs (the newer replaces the older, as in the seed), and
// per-type counts. Kept as the events arrive, so partial results are always consistent.

import { GrowableInt32 } from '../base/growable.ts';
import { AddressMap } from './address-map.ts';
import { Uint32Column } from './chunked-columns.ts';
import { isDelOf, typeIdOf } from './type-kind.ts';

export class SeedBookkeeping {
  /** Live objects: address → the event index of their NEW. */
  readonly liveMap = new AddressMap();
  /** Pairs: the NEW and DEL event of each object that was freed, in DEL order. */
  readonly pairNew = new Uint32Column();
  readonly pairDel = new Uint32Column();
  /** DELs of addresses that were not live. */
  readonly untracked = new Uint32Column();
  /** Pairs of (replaced NEW, replacing NEW) event indices. */
  readonly dupOld = new GrowableInt32();
  readonly dupNew = new GrowableInt32();
  readonly typeNew = new GrowableInt32();
  readonly typeDel = new GrowableInt32();
  readonly typeUntracked = new GrowableInt32();
  newCount = 0;
  delCount = 0;

  /** Event e: a NEW or DEL of typeId at address (hi, lo). */
  add(e: number, isDel: boolean, hi: number, lo: number, typeId: number): void {
    if (typeId >= this.typeNew.data.length) this.fitType(typeId);
    if (isDel) {
      this.delCount++;
      this.typeDel.data[typeId]++;
      const born = this.liveMap.delete(hi, lo);
      if (born >= 0) {
        this.pairNew.push(born);
        this.pairDel.push(e);
      } else {
        this.untracked.push(e);
        this.typeUntracked.data[typeId]++;
      }
    } else {
      this.newCount++;
      this.typeNew.data[typeId]++;
      const replaced = this.liveMap.set(hi, lo, e);
      if (replaced >= 0) {
        this.dupOld.push(replaced);
        this.dupNew.push(e);
      }
    }
  }

  /** add() for events e.. e + n - 1, given as columns (typeKind: see type-kind.ts). */
  addRun(e: number, typeKind: Uint32Array, hi: Uint32Array, lo: Uint32Array, n: number): void {
    const live = this.liveMap;
    let dels = 0;
    for (let i = 0; i < n; i++) {
      const tk = typeKind[i];
      const typeId = typeIdOf(tk);
      if (typeId >= this.typeNew.data.length) this.fitType(typeId);
      if (isDelOf(tk)) {
        dels++;
        this.typeDel.data[typeId]++;
        const born = live.delete(hi[i], lo[i]);
        if (born >= 0) {
          this.pairNew.push(born);
          this.pairDel.push(e + i);
        } else {
          this.untracked.push(e + i);
          this.typeUntracked.data[typeId]++;
        }
      } else {
        this.typeNew.data[typeId]++;
        const replaced = live.set(hi[i], lo[i], e + i);
        if (replaced >= 0) {
          this.dupOld.push(replaced);
          this.dupNew.push(e + i);
        }
      }
    }
    this.delCount += dels;
    this.newCount += n - dels;
  }

  /** Event e, counted as a NEW/DEL of type `from`, is of type `to` (a split record's full name came late). */
  retype(e: number, isDel: boolean, from: number, to: number): void {
    this.fitType(to);
    if (isDel) {
      this.typeDel.data[from]--;
      this.typeDel.data[to]++;
      const n = this.untracked.length;
      if (n > 0 && this.untracked.get(n - 1) === e) {
        this.typeUntracked.data[from]--;
        this.typeUntracked.data[to]++;
      }
    } else {
      this.typeNew.data[from]--;
      this.typeNew.data[to]++;
    }
  }

  get byteSize(): number {
    return this.liveMap.byteSize + this.pairNew.byteSize + this.pairDel.byteSize + this.untracked.byteSize;
  }

  private fitType(typeId: number): void {
    this.typeNew.ensure(typeId);
    this.typeDel.ensure(typeId);
    this.typeUntracked.ensure(typeId);
  }
}
