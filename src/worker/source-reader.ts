// Reads a log source as a stream of byte chunks: a File/Blob through its byte stream (or in slices,
// never whole, up to 16 MiB), or a URL through fetch's body stream. Gzip is recognised by its magic
// bytes and gunzipped on the fly by engine/gzip, as the CLI does (every member, zero padding, every
// byte before damage, a piece at a time: a bomb never fills memory). A ?url= whose redirects end
// where the rule the first address passed does not allow (shared/log-url.ts) is refused before its
// body is read.

import { gunzipStream } from '../engine/gzip/gunzip.ts';
import { logUrlRefusal } from '../shared/log-url.ts';
import type { SingleSource } from './api.ts';

export const SLICE_BYTES = 16 * 1024 * 1024;
/** The buffer a file's byte stream is read into, again and again. */
const STREAM_BUFFER_BYTES = 1024 * 1024;
/** No bytes from a file's stream for this long: it is read in slices from there on. */
export const STREAM_STALL_MS = 15_000;
const FIRST_SLICE_BYTES = 1024 * 1024;
const READS_AHEAD = 2;

export interface ChunkSource {
  name: string;
  totalBytes: number;
  /**
   * Compressed input: bytesRead counts input bytes, not the decompressed ones. A chunk may be a
   * view of a buffer that is read into again: it is only valid until the next one is asked for.
   */
  chunks: AsyncIterable<Uint8Array>;
  bytesRead(): number;
  /** The file itself when it is read as is (not compressed): it can then be read in parallel. */
  plainBlob?: Blob;
}

/** Reads bytes [start, end) of a file. */
export type RangeRead = (start: number, end: number) => Promise<ArrayBuffer>;

/** The blob from byte `from` on, in slices (up to maxSlice bytes) read by `read` (by default, here). */
export async function* blobSlices(
  blob: Blob,
  counter: { n: number },
  from = 0,
  read: RangeRead = (s, e) => blob.slice(s, e).arrayBuffer(),
  maxSlice = SLICE_BYTES,
): AsyncGenerator<Uint8Array> {
  // Reads ahead, so the browser reads the next slices while this one is parsed. The first slices are
  // small, so parsing (and the first numbers on screen) start without waiting for a whole slice.
  const ends: number[] = [];
  for (let off = from, size = FIRST_SLICE_BYTES; off < blob.size; off += size, size = Math.min(maxSlice, size * 4))
    ends.push(Math.min(blob.size, off + size));
  const reads: Promise<ArrayBuffer>[] = [];
  let start = from;
  let i = 0;
  const fill = () => {
    while (reads.length < READS_AHEAD + 1 && i < ends.length) {
      const bytes = read(start, ends[i]);
      bytes.catch(() => {}); // a read failing after the consumer stopped must not be unhandled
      reads.push(bytes);
      start = ends[i++];
    }
  };
  fill();
  while (reads.length > 0) {
    const buf = new Uint8Array(await reads.shift()!);
    fill();
    counter.n += buf.length;
    yield buf;
  }
}

/**
 * The blob from byte 0 on, through its byte stream, read into one buffer again and again (a BYOB
 * reader): each piece is a view of that buffer, valid only until the next one is asked for. In both
 * browsers this costs about half the CPU of reading slices (docs/performance.md, 2026-12-06). Where
 * the stream is no byte stream, or gives nothing for `stallMs`, the rest is read in slices.
 */
export async function* blobStreamPieces(
  blob: Blob,
  counter: { n: number },
  stallMs = STREAM_STALL_MS,
  bufferBytes = STREAM_BUFFER_BYTES,
): AsyncGenerator<Uint8Array> {
  const stream = blob.stream();
  let reader: ReadableStreamBYOBReader;
  try {
    reader = stream.getReader({ mode: 'byob' });
  } catch {
    await stream.cancel().catch(() => {});
    return yield* blobSlices(blob, counter);
  }
  if (yield* byobPieces(reader, counter, stallMs, bufferBytes)) yield* blobSlices(blob, counter, counter.n);
}

/** A BYOB reader's pieces, read into one buffer again and again; true if it stalled (the reader is then cancelled). */
async function* byobPieces(
  reader: ReadableStreamBYOBReader,
  counter: { n: number },
  stallMs: number,
  bufferBytes: number,
): AsyncGenerator<Uint8Array, boolean> {
  let buf = new ArrayBuffer(bufferBytes);
  const watch = stallWatch(stallMs);
  try {
    for (;;) {
      const got = await watch.wait(reader.read(new Uint8Array(buf)));
      if (!got) return true;
      if (got.done || !got.value) return false;
      counter.n += got.value.length;
      yield got.value;
      buf = got.value.buffer;
    }
  } finally {
    watch.stop();
    reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/**
 * Waits that end in null once one of them has lasted `ms`: one timer for a whole read, not one per
 * piece (Firefox gives a file's stream in thousands of 64 KiB pieces). Only time spent waiting
 * counts: a consumer slow between pieces is no stall.
 */
function stallWatch(ms: number): { wait<T>(read: Promise<T>): Promise<T | null>; stop(): void } {
  let waitingSince: number | null = null;
  let stalled: (v: null) => void = () => {};
  const stall = new Promise<null>((resolve) => (stalled = resolve));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const waited = waitingSince === null ? 0 : performance.now() - waitingSince;
    if (waited >= ms) stalled(null);
    else timer = setTimeout(check, ms - waited);
  };
  timer = setTimeout(check, ms);
  return {
    async wait<T>(read: Promise<T>): Promise<T | null> {
      waitingSince = performance.now();
      try {
        return await Promise.race([read, stall]);
      } finally {
        waitingSince = null;
      }
    },
    stop: () => clearTimeout(timer),
  };
}

/** Each chunk copied: for a consumer that keeps a chunk past the next (the gunzip keeps unread input). */
async function* owned(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) yield c.slice();
}

async function* streamChunks(stream: ReadableStream<Uint8Array>, counter?: { n: number }): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (counter) counter.n += value.length;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export async function openSource(source: SingleSource, signal: AbortSignal): Promise<ChunkSource> {
  const counter = { n: 0 };
  if (source.kind === 'file') {
    const head = new Uint8Array(await source.file.slice(0, 2).arrayBuffer());
    if (isGzip(head)) {
      return {
        name: source.name,
        totalBytes: source.file.size,
        chunks: gunzipStream(owned(blobStreamPieces(source.file, counter))),
        bytesRead: () => counter.n,
      };
    }
    return {
      name: source.name,
      totalBytes: source.file.size,
      chunks: blobStreamPieces(source.file, counter),
      bytesRead: () => counter.n,
      plainBlob: source.file,
    };
  }
  let response: Response;
  try {
    response = await fetch(source.url, { signal });
  } catch (e) {
    throw new Error(
      `could not fetch ${source.url}: ${(e as Error).message} (a network error, or the server does not allow cross-origin reads: CORS)`,
      { cause: e },
    );
  }
  // Redirects are followed by the browser; where they ended must pass the rule the first address did.
  if (response.redirected && response.url) {
    const refusal = logUrlRefusal(new URL(response.url), globalThis.location?.origin ?? '');
    if (refusal) {
      response.body?.cancel().catch(() => {});
      throw new Error(`${source.url} redirected to ${response.url}, which is not opened: ${refusal}`);
    }
  }
  if (!response.ok || !response.body)
    throw new Error(`could not fetch ${source.url}: HTTP ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const name = decodeURIComponent(new URL(source.url, 'http://x/').pathname.split('/').pop() || source.url);
  /** A failure of the body's stream (the connection broke off), with the address and how much arrived. */
  const brokenOff = (e: unknown) => {
    const got = counter.n.toLocaleString('en-US');
    const arrived = total ? `${got} of ${total.toLocaleString('en-US')} bytes arrived` : `${got} bytes arrived`;
    return new Error(`could not read all of ${source.url}: ${(e as Error)?.message ?? String(e)} (${arrived}).`, {
      cause: e,
    });
  };
  const [probe, body] = response.body.tee();
  let first: ReadableStreamReadResult<Uint8Array>;
  try {
    first = await probe.getReader().read();
  } catch (e) {
    throw brokenOff(e);
  }
  const counted = body.pipeThrough(countingStream(counter));
  const gz = first.value ? isGzip(first.value) : false;
  probe.cancel().catch(() => {});
  return {
    name,
    totalBytes: total,
    // A damaged gzip is said as such (GzipError), not as a broken download.
    chunks: gz
      ? gunzipStream(failingAs(streamChunks(counted), brokenOff))
      : failingAs(streamChunks(counted), brokenOff),
    bytesRead: () => counter.n,
  };
}

/** The chunks of `chunks`; a failure to read the next one is rethrown as `wrap` makes it (a cancel's abort included). */
async function* failingAs(chunks: AsyncGenerator<Uint8Array>, wrap: (e: unknown) => Error): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch (e) {
        throw wrap(e);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // A consumer that stopped early: the stream's reader is released as with the stream read directly.
    await chunks.return(undefined);
  }
}

function countingStream(counter: { n: number }): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      counter.n += chunk.length;
      controller.enqueue(chunk);
    },
  });
}
