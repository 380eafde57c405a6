// The parser's NameCombos: each distinct Type..Function key is interned into the store once, and
// its combination id maps to the (type, site) pair every later line with that key reuses.

import { type NameCombos, type NameSpans, namesOf } from '../read/fixed-record-reader.ts';
import type { FixedNumbers } from '../read/fixed-numbers.ts';
import type { FixedOffsets } from '../format/layout.ts';
import type { LogStore } from '../store/log-store.ts';

export class StoreNameCombos implements NameCombos {
  readonly typeOf: number[] = [];
  readonly siteOf: number[] = [];
  private readonly spans: NameSpans = { typeE: 0, fileE: 0, funcE: 0, line: 0 };

  constructor(private readonly store: LogStore) {}

  add(buf: Uint8Array, ts: number, fx: FixedOffsets, numbers: FixedNumbers): number {
    const sp = this.spans;
    if (!namesOf(buf, ts, fx, sp, numbers)) return -1;
    const store = this.store;
    const fs = ts + (fx.file - fx.type);
    const us = ts + (fx.func - fx.type);
    this.typeOf.push(store.internType(buf, ts, sp.typeE));
    this.siteOf.push(store.internSite(buf, fs, sp.fileE, sp.line, us, sp.funcE));
    return this.typeOf.length - 1;
  }
}
