// The record kernel (AssemblyScript, compiled to WebAssembly by `npm run build:kernel`): the parser's
// fast path over many lines at once. It reads the NEW/DEL lines that the fixed-offset reader
// (src/engine/read/fixed-record-reader.ts) would read whole, with exactly its rules, and writes their
// events as the store's columns; it stops at the first line it cannot read alone (any other line, a
// value that does not fit, or a Type..Function key it has not been given yet), and the parser reads
// that line in TypeScript. src/engine/read/record-kernel.ts drives it; the TypeScript readers stay
// the reference, and test/unit/engine/read/record-kernel.test.ts checks that both give the same store.
//
// Memory (one instance per parser): a bump heap of the input window, the event columns and the
// names table. Everything is addressed in bytes; nothing is ever freed (an instance lives as long as
// its parser, or is reset for the next one).

const SPACE: u32 = 32;
const NL: u32 = 10;
const SPACES8: u64 = 0x2020202020202020;
const MAX_SAFE: u64 = 9007199254740991;
/** Bytes of a Type..Function key in the table (its 159 bytes and a zero). */
const KEY_STRIDE: usize = 160;

// ---------------------------------------------------------------------------------------- heap

let top: usize = 0;

function alloc(bytes: usize): usize {
  if (top == 0) top = (__heap_base + 63) & ~(<usize>63);
  const p = top;
  top = (top + bytes + 63) & ~(<usize>63);
  const need = <i32>((top + 0xffff) >>> 16);
  const have = memory.size();
  if (need > have && memory.grow(need - have) < 0) unreachable();
  return p;
}

// ---------------------------------------------------------------------------------------- layout

/** Offsets of each field in a record (-1: absent), as FixedOffsets gives them. */
let LEN: i32 = 0;
let CLOCK: i32 = -1;
let ADDR: i32 = -1;
let LIVE: i32 = -1;
let SIZEOF: i32 = -1;
let RSS: i32 = -1;
let DRSS: i32 = -1;
let NAMES: i32 = -1;
let SEP_COUNT: i32 = 0;
/** Separator offsets (i32 each), written by the caller before setLayout. */
let seps: usize = 0;

/** Hex digit values by byte, 0xff for anything else. */
let hexTable: usize = 0;

function init(): void {
  if (hexTable != 0) return;
  hexTable = alloc(256);
  memory.fill(hexTable, 0xff, 256);
  for (let c: u32 = 0; c < 10; c++) store<u8>(hexTable + 48 + c, <u8>c);
  for (let c: u32 = 0; c < 6; c++) {
    store<u8>(hexTable + 97 + c, <u8>(10 + c));
    store<u8>(hexTable + 65 + c, <u8>(10 + c));
  }
  seps = alloc(64 * 4);
  growKeys();
}

/** Where the caller writes the separator offsets (up to 64) before setLayout. */
export function separators(): usize {
  init();
  return seps;
}

export function setLayout(
  len: i32,
  clock: i32,
  addr: i32,
  live: i32,
  sizeof: i32,
  rss: i32,
  drss: i32,
  names: i32,
  _namesWidth: i32, // always KEY_STRIDE - 1 (the widths in src/engine/format/layout.ts)
  sepCount: i32,
): void {
  init();
  LEN = len;
  CLOCK = clock;
  ADDR = addr;
  LIVE = live;
  SIZEOF = sizeof;
  RSS = rss;
  DRSS = drss;
  NAMES = names;
  SEP_COUNT = sepCount;
}

// ---------------------------------------------------------------------------------------- buffers

let inPtr: usize = 0;
let inCap: i32 = 0;

/** The input window, with room for cap bytes (and slack for word reads past its end). */
export function input(cap: i32): usize {
  init();
  if (cap > inCap) {
    inPtr = alloc(<usize>cap + 64);
    inCap = cap;
  }
  return inPtr;
}

let outCap: i32 = 0;
let outBase: usize = 0;
// The columns, each outCap long: clock f64, rss f64, hi u32, lo u32, live i32, sizeof i32, typeKind u32, site u32.
let oClock: usize = 0;
let oRss: usize = 0;
let oHi: usize = 0;
let oLo: usize = 0;
let oLive: usize = 0;
let oSizeof: usize = 0;
let oTk: usize = 0;
let oSite: usize = 0;

/** Room for cap events; returns where the columns start (laid out as above, each cap long). */
export function output(cap: i32): usize {
  init();
  if (cap > outCap) {
    const n = <usize>cap;
    outBase = alloc(n * 40);
    outCap = cap;
    oClock = outBase;
    oRss = oClock + n * 8;
    oHi = oRss + n * 8;
    oLo = oHi + n * 4;
    oLive = oLo + n * 4;
    oSizeof = oLive + n * 4;
    oTk = oSizeof + n * 4;
    oSite = oTk + n * 4;
  }
  return outBase;
}

// ---------------------------------------------------------------------------------------- names

let keys: usize = 0; // KEY_STRIDE bytes per key
let keyHash: usize = 0; // u32 per key
let keyTk: usize = 0; // u32 per key: typeId << 1
let keySite: usize = 0; // u32 per key
let keyCount: i32 = 0;
let keyCap: i32 = 0;
let table: usize = 0; // i32 per slot: key index, -1 empty
let tableMask: u32 = 0;

function hashKey(k: usize): u32 {
  // A sample of words: the type's start, the file every 8 bytes, the line and the function's start.
  // Every byte is still compared on a hit. The products are independent, so they overlap in the CPU.
  const M: u64 = 0xff51afd7ed558ccd;
  let h: u64 =
    ((load<u64>(k) ^ 0x9e3779b97f4a7c15) * M) ^
    ((load<u64>(k, 8) ^ 0xc2b2ae3d27d4eb4f) * M) ^
    ((load<u64>(k, 33) ^ 0x165667b19e3779f9) * M) ^
    ((load<u64>(k, 41) ^ 0x27d4eb2f165667c5) * M);
  h =
    rotl<u64>(h, 17) ^
    ((load<u64>(k, 49) ^ 0x9e3779b97f4a7c15) * M) ^
    ((load<u64>(k, 57) ^ 0xc2b2ae3d27d4eb4f) * M) ^
    ((load<u64>(k, 65) ^ 0x165667b19e3779f9) * M) ^
    ((load<u64>(k, 73) ^ 0x27d4eb2f165667c5) * M);
  h =
    rotl<u64>(h, 17) ^
    ((load<u64>(k, 111) ^ 0x9e3779b97f4a7c15) * M) ^
    ((load<u64>(k, 119) ^ 0xc2b2ae3d27d4eb4f) * M) ^
    ((load<u64>(k, 127) ^ 0x165667b19e3779f9) * M);
  h = (h ^ (h >> 29)) * M;
  h ^= h >> 32;
  return <u32>h;
}

function growKeys(): void {
  const cap = keyCap == 0 ? 256 : keyCap * 2;
  const n = <usize>cap;
  const k = alloc(n * KEY_STRIDE);
  const h = alloc(n * 4);
  const t = alloc(n * 4);
  const s = alloc(n * 4);
  if (keyCount > 0) {
    memory.copy(k, keys, <usize>keyCount * KEY_STRIDE);
    memory.copy(h, keyHash, <usize>keyCount * 4);
    memory.copy(t, keyTk, <usize>keyCount * 4);
    memory.copy(s, keySite, <usize>keyCount * 4);
  }
  keys = k;
  keyHash = h;
  keyTk = t;
  keySite = s;
  keyCap = cap;
  // The table: twice the keys, so it stays at most half full.
  const slots = n * 2;
  table = alloc(slots * 4);
  memory.fill(table, 0xff, slots * 4);
  tableMask = <u32>(slots - 1);
  for (let id = 0; id < keyCount; id++) {
    let slot = load<u32>(keyHash + <usize>id * 4) & tableMask;
    while (load<i32>(table + <usize>slot * 4) >= 0) slot = (slot + 1) & tableMask;
    store<i32>(table + <usize>slot * 4, id);
  }
}

// Inlined helpers are static methods: a decorator on a plain function is not TypeScript (eslint, prettier).
class Keys {
  /** True when the 159-byte keys at a (a line) and b (the table) are equal. */
  @inline
  static same(a: usize, b: usize): bool {
    let diff = v128.xor(v128.load(a), v128.load(b));
    for (let o: usize = 16; o < 144; o += 16) diff = v128.or(diff, v128.xor(v128.load(a + o), v128.load(b + o)));
    diff = v128.or(diff, v128.xor(v128.load(a, 143), v128.load(b, 143)));
    return !v128.any_true(diff);
  }

  /** The key index of the Type..Function bytes at k, or -1. */
  @inline
  static find(k: usize): i32 {
    const h = hashKey(k);
    let slot = h & tableMask;
    for (;;) {
      const id = load<i32>(table + <usize>slot * 4);
      if (id < 0) return -1;
      if (load<u32>(keyHash + <usize>id * 4) == h && Keys.same(k, keys + <usize>id * KEY_STRIDE)) return id;
      slot = (slot + 1) & tableMask;
    }
    return -1;
  }
}

/** Gives the key of the record at offset `at` of the input the store's type (typeId << 1) and site. */
export function addNames(at: i32, typeKind: u32, site: u32): void {
  if (keyCount >= keyCap) growKeys();
  const k = inPtr + <usize>at + <usize>NAMES;
  if (Keys.find(k) >= 0) return;
  const id = keyCount++;
  const dst = keys + <usize>id * KEY_STRIDE;
  memory.copy(dst, k, 159);
  store<u8>(dst + 159, 0);
  const h = hashKey(k);
  store<u32>(keyHash + <usize>id * 4, h);
  store<u32>(keyTk + <usize>id * 4, typeKind);
  store<u32>(keySite + <usize>id * 4, site);
  let slot = h & tableMask;
  while (load<i32>(table + <usize>slot * 4) >= 0) slot = (slot + 1) & tableMask;
  store<i32>(table + <usize>slot * 4, id);
}

/** Forgets every key (the instance is reused by another parser). */
export function reset(): void {
  keyCount = 0;
  if (keyCap > 0) memory.fill(table, 0xff, (<usize>tableMask + 1) * 4);
}

// ---------------------------------------------------------------------------------------- fields

// What the last field reader read.
let gInt: u64 = 0;
let gNeg: bool = false;
let gHi: u32 = 0;
let gLo: u32 = 0;
let gClock: f64 = 0;

class Fields {
  /** All of [a, b) is spaces. */
  @inline
  static spaces(a: usize, b: usize): bool {
    let i = a;
    for (; i + 8 <= b; i += 8) if (load<u64>(i) != SPACES8) return false;
    for (; i < b; i++) if (<u32>load<u8>(i) != SPACE) return false;
    return true;
  }

  /** A field [s, e) of padding, an optional '-', then digits (FixedNumbers.int): into gInt, gNeg. */
  @inline
  static int(s: usize, e: usize): bool {
    let i = e - 1;
    let v: u64 = 0;
    let scale: u64 = 1;
    while (i >= s) {
      const d = <u32>load<u8>(i) - 48;
      if (d > 9) break;
      v += <u64>d * scale;
      scale *= 10;
      i--;
    }
    if (i == e - 1) return false;
    let neg = false;
    if (i >= s && <u32>load<u8>(i) == 45) {
      neg = true;
      i--;
    }
    // Beyond 2^53 a value is not exact: FixedNumbers.int reports it (its float sum is past 2^53 too).
    if (!Fields.spaces(s, i + 1) || v > MAX_SAFE) return false;
    gInt = v;
    gNeg = neg;
    return true;
  }

  /** A field [s, e) of padding then a %f decimal of 0 or more (FixedNumbers.decimal): into gClock. */
  @inline
  static clock(s: usize, e: usize): bool {
    let i = e - 1;
    let frac: u64 = 0;
    let scale: u64 = 1;
    while (i >= s) {
      const d = <u32>load<u8>(i) - 48;
      if (d > 9) break;
      frac += <u64>d * scale;
      scale *= 10;
      i--;
    }
    if (i < s || <u32>load<u8>(i) != 46) return false;
    const dot = i;
    i--;
    let int: u64 = 0;
    let iscale: u64 = 1;
    while (i >= s) {
      const d = <u32>load<u8>(i) - 48;
      if (d > 9) break;
      int += <u64>d * iscale;
      iscale *= 10;
      i--;
    }
    // No digit before the '.', or a '-' (a negative clock, and -0, are the general reader's to judge).
    if (i == dot - 1 || (i >= s && <u32>load<u8>(i) == 45) || !Fields.spaces(s, i + 1)) return false;
    // The field is 12 wide: both parts are exact, and so is int * scale + frac; one division rounds.
    const fs = <f64>scale;
    gClock = (<f64>int * fs + <f64>frac) / fs;
    return true;
  }

  /** A field [s, e) of padding then `0x` and up to 16 hex digits (FixedNumbers.hex): into gHi, gLo. */
  @inline
  static hex(s: usize, e: usize): bool {
    let lo: u32 = 0;
    let hi: u32 = 0;
    let i = e - 1;
    const loStop = e - 8 > s ? e - 8 : s;
    for (; i >= loStop; i--) {
      const d = <u32>load<u8>(hexTable + <usize>load<u8>(i));
      if (d > 15) break;
      lo |= d << (u32(e - 1 - i) << 2);
    }
    if (i == e - 1) return false;
    if (i == e - 9) {
      const hiStop = e - 16 > s ? e - 16 : s;
      for (; i >= hiStop; i--) {
        const d = <u32>load<u8>(hexTable + <usize>load<u8>(i));
        if (d > 15) break;
        hi |= d << (u32(e - 9 - i) << 2);
      }
    }
    if (i < s + 1 || ((<u32>load<u8>(i)) | 0x20) != 120 || <u32>load<u8>(i - 1) != 48) return false;
    if (!Fields.spaces(s, i - 1)) return false;
    gHi = hi;
    gLo = lo;
    return true;
  }
}

/** Eight bytes at a time (SWAR): the common shapes of the numeric fields, with no loop per digit. */
const ZEROS8: u64 = 0x3030303030303030;
const HIGH8: u64 = 0x8080808080808080;
const LOW7: u64 = 0x7f7f7f7f7f7f7f7f;
/** '-' ^ ' ' in the byte before the digits. */
const MINUS_X: u64 = 0x0d;

class Swar {
  /** 0x80 in each byte of w that is not an ASCII digit. */
  @inline
  static nonDigits(w: u64): u64 {
    const x = w ^ ZEROS8;
    return (((x & LOW7) + 0x7676767676767676) | x) & HIGH8;
  }

  /** How many of w's last bytes (its high end) are digits, 0 to 8. */
  @inline
  static trailingDigits(w: u64): u64 {
    return clz<u64>(Swar.nonDigits(w)) >> 3;
  }

  /** The mask of w's last k bytes (k 0 to 8). */
  @inline
  static lastBytes(k: u64): u64 {
    return k == 8 ? <u64>-1 : ~((<u64>-1) >> (k << 3));
  }

  /** The value of the digits in w where they are kept by `keep` (the rest reads as leading zeros). */
  @inline
  static value(w: u64, keep: u64): u64 {
    let v = w & keep & 0x0f0f0f0f0f0f0f0f;
    v = (v * 2561) >> 8;
    v = ((v & 0x00ff00ff00ff00ff) * 6553601) >> 16;
    return ((v & 0x0000ffff0000ffff) * 42949672960001) >> 32;
  }

  /** The bytes of w outside keep are spaces (0), or spaces and a '-' just before the kept ones (1); else -1. */
  @inline
  static padding(w: u64, keep: u64, k: u64): i32 {
    const y = (w ^ SPACES8) & ~keep;
    if (y == 0) return 0;
    return y == MINUS_X << ((7 - k) << 3) ? 1 : -1;
  }

  /** Fields.int over the 16 bytes at s, for padding, an optional '-' and 1 to 16 digits; false: let Fields.int judge. */
  @inline
  static int16(s: usize): bool {
    const w1 = load<u64>(s, 8);
    const k1 = Swar.trailingDigits(w1);
    if (k1 == 0) return false;
    let v: u64;
    let pad: i32;
    if (k1 < 8) {
      const keep = Swar.lastBytes(k1);
      v = Swar.value(w1, keep);
      pad = Swar.padding(w1, keep, k1);
      if (load<u64>(s) != SPACES8) return false;
    } else {
      const w0 = load<u64>(s);
      const k0 = Swar.trailingDigits(w0);
      const keep = Swar.lastBytes(k0);
      v = Swar.value(w0, keep) * 100000000 + Swar.value(w1, <u64>-1);
      pad = Swar.padding(w0, keep, k0);
    }
    if (pad < 0 || v > MAX_SAFE) return false;
    gInt = v;
    gNeg = pad == 1;
    return true;
  }

  /** 0x80 in each byte of w that is not a hex digit (0-9, a-f, A-F). */
  @inline
  static nonHex(w: u64): u64 {
    const x = (w | SPACES8) ^ 0x6060606060606060; // a-f: 1 to 6
    const y = x & LOW7;
    const notLetter = (((y + 0x7979797979797979) | x) & HIGH8) | (~(y + 0x7f7f7f7f7f7f7f7f) & HIGH8);
    return Swar.nonDigits(w) & notLetter;
  }

  /** The hex digits of w (the first in its low byte) as a number; bytes outside keep read as leading zeros. */
  @inline
  static hexValue(w: u64, keep: u64): u32 {
    let v = ((w & 0x0f0f0f0f0f0f0f0f) + ((w >> 6) & 0x0101010101010101) * 9) & keep;
    v = ((v << 4) | (v >> 8)) & 0x00ff00ff00ff00ff;
    v = ((v << 8) | (v >> 16)) & 0x0000ffff0000ffff;
    return <u32>((v << 16) | (v >> 32));
  }

  /** Fields.hex over the 16 bytes at s, for padding, `0x` and 9 to 14 hex digits; false: let Fields.hex judge. */
  @inline
  static hex16(s: usize): bool {
    const w1 = load<u64>(s, 8);
    if (Swar.nonHex(w1) != 0) return false;
    const w0 = load<u64>(s);
    const k0 = clz<u64>(Swar.nonHex(w0)) >> 3;
    if (k0 > 6) return false;
    const x = (7 - k0) << 3;
    if (((w0 >> x) & 0xdf) != 0x58 || ((w0 >> (x - 8)) & 0xff) != 0x30) return false;
    // Below the '0': spaces.
    if (k0 < 6 && ((w0 ^ SPACES8) & ~((<u64>-1) << (x - 8))) != 0) return false;
    const keep = Swar.lastBytes(k0);
    gHi = Swar.hexValue(w0, keep);
    gLo = Swar.hexValue(w1, <u64>-1);
    return true;
  }

  /** Fields.clock over the 12 bytes at s, for padding, 1 to 5 digits, '.' and 6 digits (%f); false: let Fields.clock judge. */
  @inline
  static clock12(s: usize): bool {
    // Bytes s+4 .. s+11: the integer part's last digit, '.', the 6 decimals.
    const w1 = load<u64>(s, 4);
    if ((Swar.nonDigits(w1) & 0xffffffffffff00ff) != 0 || ((w1 >> 8) & 0xff) != 0x2e) return false;
    // Bytes s .. s+4, moved to the high end of the word.
    const w0 = load<u64>(s) << 24;
    const k0 = Swar.trailingDigits(w0);
    const keep = Swar.lastBytes(k0);
    if (((w0 ^ SPACES8) & ~keep & 0xffffffffff000000) != 0) return false;
    const fs: f64 = 1000000;
    gClock = (<f64>Swar.value(w0, keep) * fs + <f64>Swar.value(w1, 0xffffffffffff0000)) / fs;
    return true;
  }
}

// ---------------------------------------------------------------------------------------- decode

/** Where decode stopped (an offset in the input), and why: 0 not a line it reads, 1 a key it does not know, 2 the window's end. */
let stopAt: i32 = 0;
let stopWhy: i32 = 0;

export function stopOffset(): i32 {
  return stopAt;
}

export function stopReason(): i32 {
  return stopWhy;
}

/**
 * Reads records from offset `start` of the input while each is a whole fixed-length record ending in
 * a newline before `end`, up to max events; returns how many, into the columns from index 0.
 */
export function decode(start: i32, end: i32, max: i32): i32 {
  const base = inPtr;
  const stop = base + <usize>end;
  const len = <usize>LEN;
  let p = base + <usize>start;
  let n = 0;
  stopWhy = 2;
  while (n < max) {
    const q = p + len;
    if (q >= stop) {
      stopWhy = 2;
      break;
    }
    stopWhy = 0;
    if (<u32>load<u8>(q) != NL) break;
    // "NEW:" or "DEL:"
    const tag = load<u32>(p);
    let isDel: u32 = 0;
    if (tag == 0x3a4c4544) isDel = 1;
    else if (tag != 0x3a57454e) break;
    let ok = true;
    for (let k = 0; k < SEP_COUNT; k++)
      if (<u32>load<u8>(p + <usize>load<i32>(seps + ((<usize>k) << 2))) != SPACE) ok = false;
    if (!ok) break;
    if (!Swar.clock12(p + <usize>CLOCK) && !Fields.clock(p + <usize>CLOCK, p + <usize>CLOCK + 12)) break;
    if (!Swar.hex16(p + <usize>ADDR) && !Fields.hex(p + <usize>ADDR, p + <usize>ADDR + 16)) break;
    let live: u32 = 0;
    if (LIVE >= 0) {
      if (!Swar.int16(p + <usize>LIVE) && !Fields.int(p + <usize>LIVE, p + <usize>LIVE + 16)) break;
      live = gNeg ? <u32>(0 - gInt) : <u32>gInt;
    }
    let sizeof: u32 = 0;
    if (SIZEOF >= 0) {
      if (!Swar.int16(p + <usize>SIZEOF) && !Fields.int(p + <usize>SIZEOF, p + <usize>SIZEOF + 16)) break;
      sizeof = gNeg ? <u32>(0 - gInt) : <u32>gInt;
    }
    let rss: f64 = NaN;
    if (RSS >= 0) {
      if (!Swar.int16(p + <usize>RSS) && !Fields.int(p + <usize>RSS, p + <usize>RSS + 16)) break;
      rss = gNeg ? -(<f64>gInt) : <f64>gInt;
    }
    if (DRSS >= 0 && !Swar.int16(p + <usize>DRSS) && !Fields.int(p + <usize>DRSS, p + <usize>DRSS + 16)) break;
    const id = Keys.find(p + <usize>NAMES);
    if (id < 0) {
      stopWhy = 1;
      break;
    }
    const i = <usize>n;
    store<f64>(oClock + (i << 3), gClock);
    store<f64>(oRss + (i << 3), rss);
    store<u32>(oHi + (i << 2), gHi);
    store<u32>(oLo + (i << 2), gLo);
    store<u32>(oLive + (i << 2), live);
    store<u32>(oSizeof + (i << 2), sizeof);
    store<u32>(oTk + (i << 2), load<u32>(keyTk + ((<usize>id) << 2)) | isDel);
    store<u32>(oSite + (i << 2), load<u32>(keySite + ((<usize>id) << 2)));
    n++;
    p = q + 1;
  }
  if (n >= max) stopWhy = 2;
  stopAt = <i32>(p - base);
  return n;
}
