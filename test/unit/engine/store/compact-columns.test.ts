import { describe, expect, it } from 'vitest';
import { AddressHighColumn } from '../../../../src/engine/store/address-high-column.ts';
import { COLUMN_CHUNK } from '../../../../src/engine/store/chunked-columns.ts';
import { ClockColumn } from '../../../../src/engine/store/clock-column.ts';
import { Derived } from '../../../../src/engine/query/derived.ts';
import { LogStore } from '../../../../src/engine/store/log-store.ts';
import { NarrowColumn } from '../../../../src/engine/store/narrow-column.ts';
import { typeKindOf } from '../../../../src/engine/store/type-kind.ts';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What the parser gives for a %12.6f clock: its microseconds over 10^6. */
const parsed = (micros: number) => micros / 1e6;

function clocks(values: number[]): ClockColumn {
  const c = new ClockColumn();
  for (const v of values) c.push(v);
  return c;
}

describe('ClockColumn', () => {
  it('says whether every clock is a whole microsecond, skipping the chunks that hold microseconds', () => {
    const whole = (values: number[]) => new Derived({ clock: clocks(values) } as LogStore).clocksInMicros();
    const run = (from: number, n: number) => Array.from({ length: n }, (_, i) => parsed(from + 3 * i));
    expect(whole(run(5, 2 * COLUMN_CHUNK + 9))).toBe(true);
    // A wide chunk is read clock by clock: whole microseconds (-0, an hour past its first) pass.
    expect(whole([...run(5, COLUMN_CHUNK), parsed(9), -0, parsed(9) + 3600, ...run(20, 40)])).toBe(true);
    for (const odd of [0.1234567, NaN, Infinity, parsed(2 ** 52 + 2)]) {
      expect(whole([...run(5, COLUMN_CHUNK + 5), odd, ...run(9, 3)])).toBe(false);
      expect(whole([...run(5, COLUMN_CHUNK + 5), ...run(9, 3), odd])).toBe(false);
    }
    // Near 2^52 microseconds a chunk of offsets is read clock by clock too.
    expect(whole([parsed(2 ** 52 - 2 ** 20 + 4), parsed(2 ** 52 + 2 ** 20)])).toBe(false);
    expect(clocks([parsed(2 ** 52 - 2 ** 20 + 4), parsed(2 ** 52 + 2 ** 20)]).wideChunks).toBe(0);
    // Checked as the store grows: a later odd clock turns the answer.
    const c = clocks(run(5, COLUMN_CHUNK + 3));
    const d = new Derived({ clock: c } as LogStore);
    expect(d.clocksInMicros()).toBe(true);
    c.push(parsed(9) + 1e-7);
    expect(d.clocksInMicros()).toBe(false);
  });

  it('gives back every %12.6f clock exactly, in 4 bytes an event', () => {
    const rnd = random(3);
    const values: number[] = [];
    let us = 123_456_789_012; // 34 hours of CPU time: more than 2^32 microseconds
    for (let i = 0; i < 3 * COLUMN_CHUNK + 17; i++) values.push(parsed((us += Math.floor(rnd() * 2000))));
    const c = clocks(values);
    expect(c.length).toBe(values.length);
    for (let i = 0; i < values.length; i++) if (c.get(i) !== values[i]) expect([i, c.get(i)]).toEqual([i, values[i]]);
    expect(c.wideChunks).toBe(0);
    expect(c.byteSize).toBe(4 * 4 * COLUMN_CHUNK);
  });

  it('keeps a chunk as float64 from a clock it cannot hold on, and still gives back every clock', () => {
    for (const odd of [NaN, -0, 0.1234567, parsed(1) + 5000, Infinity, -1e300]) {
      const values = [parsed(7), parsed(8), odd, parsed(9)];
      for (let i = 4; i < COLUMN_CHUNK + 3; i++) values.push(parsed(10 + i));
      const c = clocks(values);
      expect(values.filter((v, i) => !Object.is(c.get(i), v))).toEqual([]);
      // The chunk that met it is wide; the next one is compact again.
      expect(c.wideChunks).toBe(1);
      expect(c.byteSize).toBe(8 * COLUMN_CHUNK + 4 * COLUMN_CHUNK);
    }
  });

  it('holds clocks up to 35 minutes before and after a chunk’s first one, not further', () => {
    const first = 3_000_000_000; // microseconds
    const near = clocks([parsed(first), parsed(first - 2 ** 31), parsed(first + 2 ** 31 - 1), parsed(first)]);
    expect(near.wideChunks).toBe(0);
    expect([near.get(1), near.get(2)]).toEqual([parsed(first - 2 ** 31), parsed(first + 2 ** 31 - 1)]);
    expect(clocks([parsed(first), parsed(first + 2 ** 31)]).wideChunks).toBe(1);
    expect(clocks([parsed(first), parsed(first - 2 ** 31 - 1)]).wideChunks).toBe(1);
  });

  it('a chunk whose first clock is NaN is wide from its start', () => {
    const c = clocks([NaN, parsed(5), parsed(6)]);
    expect([c.get(0), c.get(1), c.get(2)]).toEqual([NaN, parsed(5), parsed(6)]);
    expect(c.wideChunks).toBe(1);
  });

  it('append, in runs of any length across chunks, gives the column that push gives one by one', () => {
    const rnd = random(21);
    const values: number[] = [];
    let us = 5_000_000;
    for (let i = 0; i < 3 * COLUMN_CHUNK + 77; i++) {
      const r = rnd();
      // Now and then a clock no chunk holds as an offset, the chunk's first one included.
      values.push(r < 0.0005 ? NaN : r < 0.001 ? -0 : r < 0.0015 ? 0.1234567 : parsed((us += Math.floor(rnd() * 900))));
    }
    values[2 * COLUMN_CHUNK] = NaN;
    const one = clocks(values);
    const runs = new ClockColumn();
    for (let j = 0; j < values.length;) {
      const n = Math.min(values.length - j, 1 + Math.floor(rnd() * (rnd() < 0.1 ? 3 * COLUMN_CHUNK : 300)));
      runs.append(Float64Array.from(values.slice(j, j + n)), n);
      j += n;
    }
    expect(runs.length).toBe(values.length);
    expect(values.filter((v, i) => !Object.is(runs.get(i), v))).toEqual([]);
    expect([runs.wideChunks, runs.byteSize]).toEqual([one.wideChunks, one.byteSize]);
    expect(one.wideChunks).toBeGreaterThan(0);
    expect(one.wideChunks).toBeLessThan(4);
  });

  it('readChunk writes a block of clocks at their places in the chunk, compact or wide', () => {
    const values: number[] = [];
    for (let i = 0; i < 2 * COLUMN_CHUNK; i++) values.push(i === COLUMN_CHUNK + 40 ? NaN : parsed(1_000_000 + 3 * i));
    const c = clocks(values);
    const out = new Float64Array(COLUMN_CHUNK).fill(-1);
    c.readChunk(100, 228, out);
    expect(out[99]).toBe(-1);
    expect(out[228]).toBe(-1);
    expect(Array.from(out.subarray(100, 228))).toEqual(values.slice(100, 228));
    c.readChunk(COLUMN_CHUNK + 32, COLUMN_CHUNK + 64, out);
    expect(Array.from(out.subarray(32, 64))).toEqual(values.slice(COLUMN_CHUNK + 32, COLUMN_CHUNK + 64));
  });
});

describe('AddressHighColumn', () => {
  it('gives back every high word, a byte an event while a chunk sees at most 256 of them', () => {
    const rnd = random(9);
    const words = [0, 0x7f12, 0x55aa, 0xffffffff];
    const values: number[] = [];
    for (let i = 0; i < 2 * COLUMN_CHUNK + 5; i++) values.push(words[Math.floor(rnd() * words.length)]);
    const c = new AddressHighColumn();
    c.append(Uint32Array.from(values), values.length);
    for (let i = 0; i < values.length; i++) if (c.get(i) !== values[i]) expect([i, c.get(i)]).toEqual([i, values[i]]);
    expect(c.byteSize).toBe(3 * (COLUMN_CHUNK + 256 * 4));
  });

  it('append, in runs of any length across chunks, gives the column that push gives one by one', () => {
    const rnd = random(17);
    const values: number[] = [];
    for (let i = 0; i < 3 * COLUMN_CHUNK + 9; i++) {
      // The second chunk meets a 257th word part-way through a run.
      const many = i >= COLUMN_CHUNK && i < COLUMN_CHUNK + 600 && rnd() < 0.7;
      values.push(many ? 5000 + i : [0x7f12, 0x7f13, 0x55aa][Math.floor(rnd() * 3)]);
    }
    const one = new AddressHighColumn();
    for (const v of values) one.push(v);
    const runs = new AddressHighColumn();
    for (let j = 0; j < values.length;) {
      const n = Math.min(values.length - j, 1 + Math.floor(rnd() * (rnd() < 0.1 ? 3 * COLUMN_CHUNK : 300)));
      runs.append(Uint32Array.from(values.slice(j, j + n)), n);
      j += n;
    }
    expect(runs.length).toBe(values.length);
    expect(values.filter((v, i) => runs.get(i) !== v)).toEqual([]);
    expect(runs.byteSize).toBe(one.byteSize);
    expect(one.byteSize).toBe(4 * COLUMN_CHUNK + 3 * (COLUMN_CHUNK + 256 * 4)); // four chunks, the second wide
  });

  it('keeps the words of a chunk that sees a 257th, and codes the next chunk again', () => {
    const values: number[] = [];
    for (let i = 0; i < COLUMN_CHUNK; i++) values.push(i < 300 ? 1000 + i : 0x7f00 + (i % 3));
    for (let i = 0; i < 10; i++) values.push(0x7f00);
    const c = new AddressHighColumn();
    for (const v of values) c.push(v);
    expect(values.filter((v, i) => c.get(i) !== v)).toEqual([]);
    expect(c.byteSize).toBe(4 * COLUMN_CHUNK + COLUMN_CHUNK + 256 * 4);
  });
});

describe('type and site ids in 2 bytes while they fit', () => {
  it('a column widens every chunk at once when an id passes 65,535, keeping every id', () => {
    const c = new NarrowColumn();
    const ids: number[] = [];
    for (let i = 0; i < COLUMN_CHUNK + 10; i++) {
      if ((i & (COLUMN_CHUNK - 1)) === 0) c.addChunk();
      const v = i === COLUMN_CHUNK + 5 ? 70_000 : i % 65_536;
      ids.push(v);
      c.set(i, v);
      c.length = i + 1;
    }
    expect(ids.filter((v, i) => c.get(i) !== v)).toEqual([]);
    expect(c.chunks.every((k) => k instanceof Uint32Array)).toBe(true);
    expect(c.byteSize).toBe(2 * 4 * COLUMN_CHUNK);
  });

  it('the store keeps writing into the widened chunk, one event or a run at a time, and on a retype', () => {
    const s = new LogStore();
    const want: [number, number][] = [];
    const add = (type: number, site: number) => {
      s.addEvent(0, want.length + 1, false, 1 + want.length / 1e6, 0, 16 * (want.length + 1), 1, 0, type, site, NaN);
      want.push([typeKindOf(type, false), site]);
    };
    for (let i = 0; i < 100; i++) add(i % 7, i % 5);
    expect(s.site.byteSize).toBe(2 * COLUMN_CHUNK);
    add(3, 60_000);
    for (let i = 0; i < 100; i++) add(i % 7, i % 5);
    // A run of events whose type ids do not fit either.
    const n = 50;
    const tk = new Uint32Array(n).map((_, i) => typeKindOf(40_000 + i, i % 2 === 1));
    const site = new Uint32Array(n).map((_, i) => (i === 7 ? 100_000 : i));
    const first = s.eventCount;
    s.addEvents(
      0,
      first + 1,
      n,
      new Float64Array(n).fill(2),
      new Uint32Array(n),
      new Uint32Array(n).map((_, i) => 16 * (first + i + 1)),
      new Int32Array(n),
      new Int32Array(n),
      tk,
      site,
      new Float64Array(n).fill(NaN),
    );
    for (let i = 0; i < n; i++) want.push([tk[i], site[i]]);
    s.retype(3, 90_000);
    want[3][0] = typeKindOf(90_000, false);
    for (let i = 0; i < 10; i++) add(1, 2);
    expect(want.filter(([t, si], e) => s.typeKind.get(e) !== t || s.site.get(e) !== si)).toEqual([]);
    expect([s.site.byteSize, s.typeKind.byteSize]).toEqual([4 * COLUMN_CHUNK, 4 * COLUMN_CHUNK]);
  });
});
