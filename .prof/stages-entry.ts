import { Analysis } from '/work/main/src/engine/analysis.ts';
import { STANDARD_LAYOUT } from '/work/main/src/engine/format/layout.ts';
import { FixedRecordReader, namesOf, type NameCombos, type NameSpans } from '/work/main/src/engine/read/fixed-record-reader.ts';
import type { FixedNumbers } from '/work/main/src/engine/read/fixed-numbers.ts';
import { RecordFields } from '/work/main/src/engine/read/record-fields.ts';
import { FixedNumbers as FN } from '/work/main/src/engine/read/fixed-numbers.ts';
import { RawFieldCache } from '/work/main/src/engine/read/raw-field-cache.ts';
import { LogStore } from '/work/main/src/engine/store/log-store.ts';

const CH = 1 << 20;
function time(fn: () => number): [number, number] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}
class Counter implements NameCombos {
  n = 0;
  spans: NameSpans = { typeE: 0, fileE: 0, funcE: 0, line: 0 };
  add(buf: Uint8Array, ts: number, fx: typeof STANDARD_LAYOUT.fixed & object, numbers: FixedNumbers): number {
    if (!namesOf(buf, ts, fx, this.spans, numbers)) return -1;
    return this.n++;
  }
}
export function run(data: Uint8Array): Record<string, number> {
  const out: Record<string, number> = {};
  const fx = STANDARD_LAYOUT.fixed!;
  for (let round = 0; round < 3; round++) {
    out.newlines = time(() => {
      let n = 0;
      for (let off = 0; off < data.length; off += CH) {
        const c = data.subarray(off, off + CH);
        let i = c.indexOf(10);
        while (i >= 0) { n++; i = c.indexOf(10, i + 1); }
      }
      return n;
    })[0];
    out.fixedLenSkip = time(() => {
      // The parser's shortcut: jump by the fixed length and check the newline.
      let n = 0;
      const len = fx.length;
      let s = data.indexOf(10) + 1;
      while (s < data.length) {
        if (data[s + len] === 10) { s += len + 1; n++; continue; }
        const nl = data.indexOf(10, s);
        if (nl < 0) break;
        s = nl + 1;
      }
      return n;
    })[0];
    out.fixedRead = time(() => {
      const reader = new FixedRecordReader(new Counter());
      const f = new RecordFields();
      let n = 0;
      const len = fx.length;
      for (let off = 0; off < data.length; off += CH) {
        const c = data.subarray(off, Math.min(data.length, off + CH));
        let s = off === 0 ? c.indexOf(10) + 1 : 0;
        // realign to a line start
        if (off > 0) s = c.indexOf(10) + 1;
        while (s + len < c.length) {
          if (c[s + len] === 10 && reader.read(c, s, fx, f)) { n++; s += len + 1; continue; }
          const nl = c.indexOf(10, s);
          if (nl < 0) break;
          s = nl + 1;
        }
      }
      return n;
    })[0];
    const eachLine = (fn: (c: Uint8Array, s: number) => void) => {
      const len = fx.length;
      let n = 0;
      for (let off = 0; off < data.length; off += CH) {
        const c = data.subarray(off, Math.min(data.length, off + CH));
        let s = c.indexOf(10) + 1;
        while (s + len < c.length) {
          if (c[s + len] === 10) { fn(c, s); n++; s += len + 1; continue; }
          const nl = c.indexOf(10, s);
          if (nl < 0) break;
          s = nl + 1;
        }
      }
      return n;
    };
    const num = new FN();
    let sink = 0;
    out.numbersOnly = time(() => eachLine((c, s) => {
      num.use(c);
      sink += num.decimal(c, s + fx.clock, s + fx.clock + fx.clockWidth);
      if (num.hex(c, s + fx.address, s + fx.address + fx.addressWidth)) sink += num.lo;
      sink += num.int(c, s + fx.liveCnt, s + fx.liveCnt + fx.liveCntWidth);
      sink += num.int(c, s + fx.rss, s + fx.rss + fx.rssWidth);
      sink += num.int(c, s + fx.drss, s + fx.drss + fx.drssWidth);
    }))[0];
    out.decimalOnly = time(() => eachLine((c, s) => { num.use(c); sink += num.decimal(c, s + fx.clock, s + fx.clock + fx.clockWidth); }))[0];
    out.hexOnly = time(() => eachLine((c, s) => { num.use(c); if (num.hex(c, s + fx.address, s + fx.address + fx.addressWidth)) sink += num.lo; }))[0];
    out.intOnly = time(() => eachLine((c, s) => { num.use(c); sink += num.int(c, s + fx.rss, s + fx.rss + fx.rssWidth); }))[0];
    const cache = new RawFieldCache(Int32Array.from([0, 4, 8, 12, 16, 36, 52, 68, 84, 100, 112, 116, 120, 124]));
    let ids = 0;
    out.namesOnly = time(() => eachLine((c, s) => {
      const dv = num.use(c);
      let id = cache.lookup(c, dv, s + fx.type, fx.namesWidth);
      if (id < 0) { id = ids++; cache.add(c, s + fx.type, fx.namesWidth, id); }
      sink += id;
    }))[0];
    out.sink = sink > 0 ? 1 : 0;
    out.storeAdd = time(() => {
      const st = new LogStore();
      const n = 1_000_000;
      for (let e = 0; e < n; e++) st.addEvent(0, e + 3, (e & 3) === 3, 1000 + e * 1e-5, 0x7f2a, (e * 16) >>> 0 & 0xffff0, 1, 0, e & 31, e & 63, 3e9);
      return st.eventCount;
    })[0];
    out.fullParse = time(() => {
      const a = new Analysis('x');
      const p = a.beginFile('x');
      for (let off = 0; off < data.length; off += CH) p.push(data.subarray(off, off + CH));
      p.finish();
      return a.store.eventCount;
    })[0];
  }
  return out;
}
