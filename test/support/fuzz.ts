// Helpers for the fuzz and bad-input tests: a small seeded PRNG, byte- and line-level mutators,
// random chunking, the invariants every analysis must satisfy, and a plain reference reading of the
// counts (the seed analyser's rules over lines, written independently of the engine).

import type { JsonReport } from '../../src/engine/types.ts';

// ---------------------------------------------------------------- PRNG

/** mulberry32: 32-bit state, good enough for test data, identical on every platform. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- chunking

/** Splits bytes at random boundaries: mostly small and odd sizes, sometimes 1-byte runs, sometimes big. */
export function randomChunks(rng: Rng, bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let off = 0;
  while (off < bytes.length) {
    const r = rng.next();
    const size = r < 0.15 ? 1 : r < 0.55 ? rng.range(2, 300) : r < 0.9 ? rng.range(301, 5000) : rng.range(5001, 70000);
    out.push(bytes.subarray(off, off + size));
    off += size;
  }
  // An empty chunk now and then: push([]) must be harmless.
  if (rng.chance(0.2)) out.splice(rng.int(out.length + 1), 0, new Uint8Array(0));
  return out;
}

/** Fixed-size chunks. */
export function fixedChunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < bytes.length; off += size) out.push(bytes.subarray(off, off + size));
  return out;
}

// ---------------------------------------------------------------- mutators

const NL = 10;
/** Bytes that matter to the parser, chosen more often than random ones. */
const INTERESTING = [10, 13, 32, 9, 0, 0xe9, 0xff, 48, 49, 57, 45, 46, 120, 58, 35, 78, 69, 87, 68, 76];

/** Splits bytes into lines (without their \n); the last element is what follows the last \n. */
export function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let s = 0;
  for (;;) {
    const nl = bytes.indexOf(NL, s);
    if (nl < 0) break;
    lines.push(bytes.subarray(s, nl));
    s = nl + 1;
  }
  lines.push(bytes.subarray(s));
  return lines;
}

export function joinLines(lines: Uint8Array[]): Uint8Array {
  let n = lines.length - 1;
  for (const l of lines) n += l.length;
  const out = new Uint8Array(Math.max(n, 0));
  let off = 0;
  lines.forEach((l, i) => {
    out.set(l, off);
    off += l.length;
    if (i < lines.length - 1) out[off++] = NL;
  });
  return out;
}

/** Overwrites or bit-flips a few bytes. */
export function flipBytes(rng: Rng, bytes: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(bytes); // a copy (Buffer#slice would be a view)
  if (out.length === 0) return out;
  for (let k = 0; k < count; k++) {
    const i = rng.int(out.length);
    const r = rng.next();
    if (r < 0.4) out[i] = rng.pick(INTERESTING);
    else if (r < 0.7) out[i] ^= 1 << rng.int(8);
    else out[i] = rng.int(256);
  }
  return out;
}

/** Line-level mutations only: every line left is a whole line of the input. */
export type LineMutation = 'shuffle' | 'duplicate' | 'drop' | 'swap';
/** Line-level mutations that also cut lines short. */
export type CuttingMutation = LineMutation | 'cut' | 'truncate' | 'junk';

export function mutateLines(rng: Rng, bytes: Uint8Array, ops: readonly CuttingMutation[], count: number): Uint8Array {
  const lines = splitLines(bytes);
  for (let k = 0; k < count; k++) {
    const op = rng.pick(ops);
    const n = lines.length;
    const i = rng.int(n);
    switch (op) {
      case 'shuffle': {
        // Fisher-Yates over a window.
        const w = Math.min(n - i, rng.range(2, 12));
        for (let a = w - 1; a > 0; a--) {
          const b = rng.int(a + 1);
          [lines[i + a], lines[i + b]] = [lines[i + b], lines[i + a]];
        }
        break;
      }
      case 'swap': {
        const j = rng.int(n);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 'duplicate':
        lines.splice(rng.int(n + 1), 0, lines[i]);
        break;
      case 'drop':
        if (n > 1) lines.splice(i, 1);
        break;
      case 'cut':
        lines[i] = lines[i].subarray(0, rng.int(lines[i].length + 1));
        break;
      case 'truncate':
        // The whole file cut inside line i (as when the traced process died mid-write).
        lines.length = i + 1;
        lines[i] = lines[i].subarray(0, rng.int(lines[i].length + 1));
        break;
      case 'junk': {
        const len = rng.pick([0, 1, 3, 4, 20, 300]);
        const junk = new Uint8Array(len);
        for (let b = 0; b < len; b++) junk[b] = rng.chance(0.5) ? rng.pick(INTERESTING) : rng.int(256);
        if (len >= 4 && rng.chance(0.5)) junk.set(rng.pick(TAGS), 0);
        lines.splice(
          rng.int(n + 1),
          0,
          junk.filter((c) => c !== NL),
        );
        break;
      }
    }
  }
  return joinLines(lines);
}
const TAGS = ['NEW:', 'DEL:', 'MSG:', 'ERR:', 'HDR:', 'SOF', 'EOF'].map((t) => new TextEncoder().encode(t));

// ---------------------------------------------------------------- invariants

/** Lines a parser must report for these bytes: every \n ends one, and a last line without one counts. */
export function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(NL); i >= 0; i = bytes.indexOf(NL, i + 1)) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NL ? n + 1 : n;
}

/**
 * The invariants of any jsonReport, returned as a list of violations (empty when all hold), so a
 * fuzz failure names the seed and what broke:
 * - new = live + pairs + duplicates (each duplicate NEW replaced a live one, now neither live nor paired)
 * - del = pairs + untracked
 * - the per-type new, del and untracked sum to the totals
 * - every problem has a line in [0, lines], a known kind and a non-empty detail; bad counts them all;
 *   a read-error may be at lines + 1 (the line being read when the read stopped: a partial line,
 *   dropped from the analysis)
 * - lines is the number of lines in the bytes
 */
export function invariantViolations(r: JsonReport, bytes?: Uint8Array): string[] {
  const v: string[] = [];
  const c = r.counts;
  if (c.new !== r.live + r.pairs + r.duplicates)
    v.push(`new ${c.new} != live ${r.live} + pairs ${r.pairs} + duplicates ${r.duplicates}`);
  if (c.del !== r.pairs + r.untracked) v.push(`del ${c.del} != pairs ${r.pairs} + untracked ${r.untracked}`);
  let n = 0;
  let d = 0;
  let u = 0;
  for (const [name, [tn, td, tu]] of Object.entries(r.types)) {
    if (tn < 0 || td < 0 || tu < 0 || tu > td)
      v.push(`type ${JSON.stringify(name.slice(0, 40))} has [${tn}, ${td}, ${tu}]`);
    n += tn;
    d += td;
    u += tu;
  }
  if (n !== c.new) v.push(`sum of type new ${n} != new ${c.new}`);
  if (d !== c.del) v.push(`sum of type del ${d} != del ${c.del}`);
  if (u !== r.untracked) v.push(`sum of type untracked ${u} != untracked ${r.untracked}`);
  for (const x of [c.new, c.del, c.msg, c.err, c.bad, r.live, r.pairs, r.untracked, r.duplicates, r.lines])
    if (!Number.isInteger(x) || x < 0) v.push(`count ${x} is not a natural number`);
  if (c.bad !== r.problems.length) v.push(`bad ${c.bad} != ${r.problems.length} problems listed`);
  for (const p of r.problems) {
    if (!KINDS.has(p.kind)) v.push(`unknown problem kind ${p.kind}`);
    const last = p.kind === 'read-error' ? r.lines + 1 : r.lines;
    if (!Number.isInteger(p.line) || p.line < 0 || p.line > last)
      v.push(`problem ${p.kind} at line ${p.line} of ${r.lines}`);
    if (typeof p.detail !== 'string' || p.detail.trim() === '')
      v.push(`problem ${p.kind} at line ${p.line} has no detail`);
  }
  for (const k of ['first', 'last'] as const) {
    const x = r.clock[k];
    if (x !== null && !Number.isFinite(x)) v.push(`clock.${k} is ${x}`);
  }
  if (bytes && r.lines !== lineCount(bytes)) v.push(`lines ${r.lines} != ${lineCount(bytes)} lines in the bytes`);
  return v;
}
const KINDS = new Set([
  'not-a-log',
  'no-sof',
  'no-header',
  'header',
  'bad-record',
  'cut-short',
  'split-record',
  'unknown-line',
  'too-long',
  'after-eof',
  'no-eof',
  'no-newline',
  'missing-child',
  'read-error',
]);

// ---------------------------------------------------------------- reference reading

export interface ReferenceCounts {
  new: number;
  del: number;
  msg: number;
  err: number;
  live: number;
  pairs: number;
  untracked: number;
  duplicates: number;
}

/**
 * The counts of a log with the standard columns (no Sizeof), read the plain way: a NEW/DEL line
 * counts when its Clock, Address and LiveCnt read as numbers in range (FORMAT.md: a record cut short still
 * counts); nothing after the first EOF line counts. Addresses are keyed by their value.
 */
export function referenceCounts(text: string): ReferenceCounts {
  const r: ReferenceCounts = { new: 0, del: 0, msg: 0, err: 0, live: 0, pairs: 0, untracked: 0, duplicates: 0 };
  const live = new Set<bigint>();
  for (let line of text.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === 'EOF') break;
    if (line.startsWith('MSG:')) r.msg++;
    else if (line.startsWith('ERR:')) r.err++;
    const m = RECORD.exec(line);
    // A clock is 0 or more seconds and finite; LiveCnt is exact (within 2^53).
    if (!m || m[2].startsWith('-') || !Number.isFinite(Number(m[2])) || !Number.isSafeInteger(Number(m[4]))) continue;
    const addr = BigInt(m[3].replace(/^0x/i, '0x'));
    if (m[1] === 'NEW') {
      r.new++;
      if (live.has(addr)) r.duplicates++;
      live.add(addr);
    } else {
      r.del++;
      if (live.delete(addr)) r.pairs++;
      else r.untracked++;
    }
  }
  r.live = live.size;
  return r;
}
// Columns are separated by spaces only: a tab is part of a name (a file named `\t=tab.py`).
const RECORD = /^(NEW|DEL): *(-?(?:\d+\.?\d*|\.\d+)) +(0[xX][0-9a-fA-F]{1,16}) +(-?\d+)(?: |$)/;

/** The reference counts' view of a jsonReport, for comparing the two. */
export function countsOf(r: JsonReport): ReferenceCounts {
  return {
    new: r.counts.new,
    del: r.counts.del,
    msg: r.counts.msg,
    err: r.counts.err,
    live: r.live,
    pairs: r.pairs,
    untracked: r.untracked,
    duplicates: r.duplicates,
  };
}
