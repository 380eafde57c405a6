// Reads a log source as a stream of byte chunks: a File/Blob in 16 MiB slices (never whole), or a
// URL through fetch's body stream. Gzip is recognised by its magic bytes and decompressed on the fly.

import type { SingleSource } from './api.ts';

export const SLICE_BYTES = 16 * 1024 * 1024;

export interface ChunkSource {
  name: string;
  totalBytes: number;
  /** Compressed input: bytesRead counts input bytes, not the decompressed ones. */
  chunks: AsyncIterable<Uint8Array>;
  bytesRead(): number;
  /** The file itself when it is read as is (not compressed): it can then be read in parallel. */
  plainBlob?: Blob;
}

/** The blob from byte `from` on, in slices. */
export async function* blobSlices(blob: Blob, counter: { n: number }, from = 0): AsyncGenerator<Uint8Array> {
  // One read ahead: the browser reads the next slice while this one is parsed.
  const read = (off: number) => blob.slice(off, off + SLICE_BYTES).arrayBuffer();
  let next: Promise<ArrayBuffer> | null = blob.size > from ? read(from) : null;
  for (let off = from; next; off += SLICE_BYTES) {
    const buf = new Uint8Array(await next);
    next = off + SLICE_BYTES < blob.size ? read(off + SLICE_BYTES) : null;
    next?.catch(() => {}); // a read failing after the consumer stopped must not be unhandled
    counter.n += buf.length;
    yield buf;
  }
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
      const counted = source.file.stream().pipeThrough(countingStream(counter));
      return {
        name: source.name,
        totalBytes: source.file.size,
        chunks: streamChunks(counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)),
        bytesRead: () => counter.n,
      };
    }
    return { name: source.name, totalBytes: source.file.size, chunks: blobSlices(source.file, counter), bytesRead: () => counter.n, plainBlob: source.file };
  }
  let response: Response;
  try {
    response = await fetch(source.url, { signal });
  } catch (e) {
    throw new Error(`could not fetch ${source.url}: ${(e as Error).message} (a network error, or the server does not allow cross-origin reads: CORS)`);
  }
  if (!response.ok || !response.body) throw new Error(`could not fetch ${source.url}: HTTP ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const name = decodeURIComponent(new URL(source.url, 'http://x/').pathname.split('/').pop() || source.url);
  const [probe, body] = response.body.tee();
  const first = await probe.getReader().read();
  const counted = body.pipeThrough(countingStream(counter));
  const gz = first.value ? isGzip(first.value) : false;
  probe.cancel().catch(() => {});
  return {
    name,
    totalBytes: total,
    chunks: streamChunks(gz ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : counted),
    bytesRead: () => counter.n,
  };
}

function countingStream(counter: { n: number }): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      counter.n += chunk.length;
      controller.enqueue(chunk);
    },
  });
}
