// Gunzip for the CLI that keeps what it can. Node's Gunzip reads multi-member files (pigz, bgzip,
// `cat a.gz b.gz`) and ignores zero padding; read through an async iterator it would also drop
// the output it had already produced when it meets damage, so its 'data' events are queued here
// and handed on before the error. At most one output chunk (16 KiB) before the damage is lost.

import { constants, createGunzip, gunzipSync, inflateRawSync } from 'node:zlib';
import type { Readable } from 'node:stream';

function explain(e: Error): Error {
  const msg = e.message;
  if (/unexpected end/i.test(msg))
    return new Error('gzip data ends early: the file is truncated; what was inflated was analysed');
  if (/incorrect data check|incorrect length check/i.test(msg))
    return new Error('gzip checksum does not match: the data is damaged; what was inflated was analysed');
  return new Error(`gzip data is damaged (${msg}); what was inflated before the damage was analysed`);
}

export async function* gunzip(input: Readable): AsyncGenerator<Uint8Array> {
  const z = createGunzip({ chunkSize: 16 * 1024 });
  const queue: Uint8Array[] = [];
  let error: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  z.on('data', (c: Uint8Array) => {
    queue.push(c);
    if (queue.length > 64) z.pause(); // back-pressure while the parser catches up
    notify();
  });
  z.on('error', (e) => {
    error = explain(e);
    notify();
  });
  z.on('end', () => {
    ended = true;
    notify();
  });
  input.on('error', (e) => z.destroy(e));
  input.pipe(z);
  for (;;) {
    const c = queue.shift();
    if (c) {
      if (queue.length < 16) z.resume();
      yield c;
      continue;
    }
    if (error) throw error;
    if (ended) return;
    await new Promise<void>((r) => (wake = r));
  }
}

/** Length of the gzip header at the start of b, or -1 if it is not a whole gzip header. */
function headerLength(b: Uint8Array): number {
  if (b.length < 10 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return -1;
  const flags = b[3];
  let p = 10;
  if (flags & 4) p += 2 + (b[p] | (b[p + 1] << 8));
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    while (p < b.length && b[p] !== 0) p++;
    p++;
  }
  if (flags & 2) p += 2;
  return p <= b.length ? p : -1;
}

/**
 * Whole-buffer gunzip for child logs (read inside their parent's parse): every member of a valid
 * file; for a damaged one, the first member inflated without its checksum, so a bad CRC or a cut
 * keeps every byte that inflates.
 */
export function gunzipSyncLenient(file: Uint8Array): { data: Uint8Array; error: Error | null } {
  try {
    return { data: gunzipSync(file), error: null };
  } catch (e) {
    const error = explain(e as Error);
    const n = headerLength(file);
    if (n < 0) return { data: new Uint8Array(0), error };
    try {
      return { data: inflateRawSync(file.subarray(n), { finishFlush: constants.Z_SYNC_FLUSH }), error };
    } catch {
      return { data: new Uint8Array(0), error };
    }
  }
}
