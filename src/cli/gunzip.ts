// Streaming gunzip that keeps every byte it can inflate. Node's Gunzip drops its last output when
// the checksum fails at the very end; so the gzip header is read here, the deflate data goes through
// a raw inflater (no checksum), and the CRC and size are checked here after all data was passed on.

import { once } from 'node:events';
import { constants, createInflateRaw, crc32, inflateRawSync } from 'node:zlib';

/** Length of the gzip header at the start of b, or -1 while it is incomplete, or throws if not gzip. */
function headerLength(b: Uint8Array): number {
  if (b.length < 10) return -1;
  if (b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) throw new Error('not gzip data (or an unknown gzip method)');
  const flags = b[3];
  let p = 10;
  if (flags & 4) {
    if (b.length < p + 2) return -1;
    p += 2 + (b[p] | (b[p + 1] << 8));
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    while (p < b.length && b[p] !== 0) p++;
    if (p >= b.length) return -1;
    p++;
  }
  if (flags & 2) p += 2;
  return p <= b.length ? p : -1;
}

export async function* gunzip(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0); // the last 8 input bytes: CRC32 and ISIZE
  let inputBytes = 0;
  const feeding = (async () => {
    let started = false;
    for await (const chunk of input) {
      inputBytes += chunk.length;
      tail = Buffer.concat([tail, chunk]).subarray(-8);
      let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (!started) {
        head = Buffer.concat([head, data]);
        const n = headerLength(head);
        if (n < 0) continue;
        started = true;
        data = head.subarray(n);
      }
      if (!inflate.write(data)) await once(inflate, 'drain');
    }
    if (!started) throw new Error(inputBytes === 0 ? 'the .gz file is empty' : 'the gzip header is cut short');
    inflate.end();
  })();
  // A feeding error must end the inflater too, or the loop below would wait forever.
  feeding.catch((e) => inflate.destroy(e));
  let crc = 0;
  let size = 0;
  try {
    for await (const out of inflate) {
      crc = crc32(out, crc);
      size += out.length;
      yield out as Uint8Array;
    }
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(/unexpected end/i.test(msg) ? 'gzip data ends early: the file is truncated' : `gzip data is damaged (${msg})`);
  }
  await feeding;
  if (tail.length < 8 || tail.readUInt32LE(0) !== crc >>> 0 || tail.readUInt32LE(4) !== size % 2 ** 32)
    throw new Error('gzip checksum does not match: the data is damaged; what could be inflated was analysed');
}

/** Whole-buffer gunzip for small child logs: the bytes that could be inflated, and what went wrong. */
export function gunzipSyncLenient(file: Uint8Array): { data: Uint8Array; error: Error | null } {
  let n: number;
  try {
    n = headerLength(file);
  } catch (e) {
    return { data: new Uint8Array(0), error: e as Error };
  }
  if (n < 0) return { data: new Uint8Array(0), error: new Error('the gzip header is cut short') };
  let data: Uint8Array;
  try {
    data = inflateRawSync(file.subarray(n), { finishFlush: constants.Z_SYNC_FLUSH });
  } catch (e) {
    return { data: new Uint8Array(0), error: new Error(`gzip data is damaged (${(e as Error).message})`) };
  }
  const tail = Buffer.from(file.buffer, file.byteOffset + file.length - 8, 8);
  const ok = file.length >= n + 8 && tail.readUInt32LE(0) === crc32(data) >>> 0 && tail.readUInt32LE(4) === data.length % 2 ** 32;
  return { data, error: ok ? null : new Error('gzip data ends early or its checksum does not match: what could be inflated was analysed') };
}
