// The record kernel (WebAssembly built from assembly/record-kernel.ts): reads runs of fixed-length
// NEW/DEL lines at once, with exactly the fixed-offset reader's rules, into the store's column
// formats. The parser copies a window of its chunk in, asks for the events from an offset on, and
// reads the line the kernel stopped at in TypeScript (fixed-record-reader.ts stays the reference;
// the kernel only knows a Type..Function key once the parser has read a line with it and given it
// the key's type and site). Without WebAssembly (or with it turned off) the parser reads every line
// in TypeScript, with the same result. The decode workers' BlockDecoder (parse/parallel/) drives it the
// same way, giving each key its own combination id (typeKind id << 1, site id) instead of store ids.

import type { FixedOffsets } from '../format/layout.ts';
import { RECORD_KERNEL_WASM } from './record-kernel-wasm.ts';

/** Bytes copied in at a time. */
export const KERNEL_WINDOW = 1 << 20;

/** Why decode() stopped. */
export const enum KernelStop {
  /** The line there is not one the kernel reads: the parser reads it. */
  Line = 0,
  /** A record whose Type..Function key the kernel was not given yet. */
  Names = 1,
  /** The window (or the room for events) ended before the next line did. */
  Window = 2,
}

interface KernelExports {
  memory: WebAssembly.Memory;
  separators(): number;
  setLayout(
    len: number,
    clock: number,
    addr: number,
    live: number,
    sizeof: number,
    rss: number,
    drss: number,
    names: number,
    namesWidth: number,
    sepCount: number,
  ): void;
  input(cap: number): number;
  output(cap: number): number;
  addNames(at: number, typeKind: number, site: number): void;
  reset(): void;
  decode(start: number, end: number, max: number): number;
  stopOffset(): number;
  stopReason(): number;
}

let compiled: WebAssembly.Module | null | undefined;

function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const text = atob(RECORD_KERNEL_WASM);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null; // no WebAssembly (or no SIMD) here: the TypeScript readers do it all
    }
  }
  return compiled;
}

/** Kernels of finished parsers, reused by the next ones (a test run makes thousands of parsers). */
const pool: RecordKernel[] = [];
const POOL_MAX = 4;

/** Whether new parsers use the kernel (tests compare both paths; the benchmarks A/B them). */
let kernelEnabled = true;

export function useRecordKernel(on: boolean): void {
  kernelEnabled = on;
}

export class RecordKernel {
  /** Event columns of the last decode(), each `capacity` long (valid up to its count). */
  clock!: Float64Array;
  rss!: Float64Array;
  hi!: Uint32Array;
  lo!: Uint32Array;
  live!: Int32Array;
  sizeof!: Int32Array;
  typeKind!: Uint32Array;
  site!: Uint32Array;
  /** The chunk bytes [windowStart, windowEnd) are in the kernel's input. */
  windowStart = 0;
  windowEnd = 0;
  private input!: Uint8Array;
  private layout: FixedOffsets | null = null;
  private capacity = 0;
  private buffer: ArrayBuffer | null = null;
  private inPtr = 0;
  private outPtr = 0;

  private constructor(private readonly k: KernelExports) {
    this.inPtr = k.input(KERNEL_WINDOW);
  }

  /** A kernel for one parser, or null when WebAssembly is not available (or the kernel is turned off). */
  static take(): RecordKernel | null {
    if (!kernelEnabled) return null;
    const reused = pool.pop();
    if (reused) return reused;
    const mod = kernelModule();
    if (!mod) return null;
    try {
      return new RecordKernel(new WebAssembly.Instance(mod).exports as unknown as KernelExports);
    } catch {
      return null; // out of memory for another instance: read in TypeScript
    }
  }

  /** Gives the kernel back for another parser (its names forgotten). */
  release(): void {
    this.k.reset();
    this.layout = null;
    this.windowStart = this.windowEnd = 0;
    if (pool.length < POOL_MAX) pool.push(this);
  }

  /** Reads records of this layout from now on (names already given stay known: they do not depend on it). */
  setLayout(fx: FixedOffsets): void {
    if (this.layout === fx) return;
    this.layout = fx;
    const k = this.k;
    const seps = fx.separators;
    new Int32Array(k.memory.buffer, k.separators(), seps.length).set(seps);
    k.setLayout(
      fx.length,
      fx.clock,
      fx.address,
      fx.liveCnt,
      fx.sizeof,
      fx.rss,
      fx.drss,
      fx.type,
      fx.namesWidth,
      seps.length,
    );
    const capacity = Math.floor(KERNEL_WINDOW / (fx.length + 1)) + 1;
    if (capacity > this.capacity) {
      this.capacity = capacity;
      this.outPtr = k.output(capacity);
    }
    this.views();
  }

  /** Copies chunk[start, end) (at most KERNEL_WINDOW bytes) in. */
  load(chunk: Uint8Array, start: number, end: number): void {
    if (this.buffer !== this.k.memory.buffer) this.views();
    this.input.set(chunk.subarray(start, end));
    this.windowStart = start;
    this.windowEnd = end;
  }

  /** Whether a record of len bytes from chunk offset start, and the byte after it, are in the window. */
  holdsRecordAt(start: number, len: number): boolean {
    return start >= this.windowStart && start + len < this.windowEnd;
  }

  /** Forgets the window (the next chunk is another array). */
  unload(): void {
    this.windowStart = this.windowEnd = 0;
  }

  /** The events of the records from chunk offset `start` on, into the columns; how many. */
  decode(start: number, max: number): number {
    const n = this.k.decode(start - this.windowStart, this.windowEnd - this.windowStart, Math.min(max, this.capacity));
    if (this.buffer !== this.k.memory.buffer) this.views();
    return n;
  }

  /** Where the last decode() stopped, as a chunk offset. */
  get stoppedAt(): number {
    return this.windowStart + this.k.stopOffset();
  }

  get stopReason(): KernelStop {
    return this.k.stopReason();
  }

  /** The record at chunk offset `at` (in the window) was read whole: its key has this type (typeKind of a NEW) and site. */
  addNames(at: number, typeKind: number, site: number): void {
    this.k.addNames(at - this.windowStart, typeKind, site);
    if (this.buffer !== this.k.memory.buffer) this.views();
  }

  private views(): void {
    const buf = this.k.memory.buffer;
    this.buffer = buf;
    this.input = new Uint8Array(buf, this.inPtr, KERNEL_WINDOW);
    const n = this.capacity;
    let p = this.outPtr;
    this.clock = new Float64Array(buf, p, n);
    this.rss = new Float64Array(buf, (p += 8 * n), n);
    this.hi = new Uint32Array(buf, (p += 8 * n), n);
    this.lo = new Uint32Array(buf, (p += 4 * n), n);
    this.live = new Int32Array(buf, (p += 4 * n), n);
    this.sizeof = new Int32Array(buf, (p += 4 * n), n);
    this.typeKind = new Uint32Array(buf, (p += 4 * n), n);
    this.site = new Uint32Array(buf, p + 4 * n, n);
  }
}
