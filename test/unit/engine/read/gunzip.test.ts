// engine/gzip: the gunzip the page and the CLI share (issue 26). It reads what zlib reads, every
// member, zero padding, and hands on every byte that inflates before damage; its memory is bounded
// whatever the ratio (a bomb is read a piece at a time).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { constants, deflateRawSync, gzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../src/engine/gzip/crc32.ts';
import { GzipError, GzipReader, gunzipChunks, MAX_PIECE } from '../../../../src/engine/gzip/gunzip.ts';
import { fixture, SMALL } from '../../../support/fixtures.ts';

const LOG = fixture(SMALL);

/** V8's full collection, made callable at run time (vitest's workers run without --expose-gc). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function run(gz: Uint8Array, step: number): { data: Buffer; error: Error | null } {
  const out: Uint8Array[] = [];
  let error: Error | null = null;
  const pieces = function* () {
    for (let o = 0; o < gz.length; o += step) yield gz.subarray(o, o + step);
  };
  try {
    for (const c of gunzipChunks(pieces())) out.push(c);
  } catch (e) {
    error = e as Error;
  }
  return { data: Buffer.concat(out), error };
}

/** A deterministic pseudo-random generator. */
function random(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('gunzip (engine/gzip)', () => {
  it('crc32 is zlib’s', () => {
    const rnd = random(3);
    const bytes = Uint8Array.from({ length: 1001 }, () => Math.floor(rnd() * 256));
    const gz = gzipSync(bytes);
    expect(crc32(bytes)).toBe(gz.readUInt32LE(gz.length - 8));
    expect(crc32(bytes.subarray(500), crc32(bytes.subarray(0, 500)))).toBe(crc32(bytes));
  });

  it('inflates what zlib deflates, at every level and strategy, whatever the input pieces', () => {
    const rnd = random(1);
    const inputs = [
      LOG,
      new Uint8Array(0),
      new Uint8Array(200_000),
      Uint8Array.from({ length: 100_000 }, () => Math.floor(rnd() * 256)),
      Uint8Array.from({ length: 100_000 }, () => 97 + Math.floor(rnd() * 3)),
    ];
    for (const plain of inputs)
      for (const level of [0, 1, 6, 9])
        for (const strategy of [0, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED]) {
          const gz = gzipSync(plain, { level, strategy });
          for (const step of plain === LOG ? [3, 1000] : [4096, 1 << 20]) {
            const { data, error } = run(gz, step);
            expect(error).toBeNull();
            expect(Buffer.compare(data, plain), `${plain.length} ${level} ${strategy} ${step}`).toBe(0);
          }
        }
  });

  it('reads every member, zero padding, and the optional header fields', () => {
    const at = 1000;
    const multi = Buffer.concat([gzipSync(LOG.subarray(0, at)), gzipSync(LOG.subarray(at)), Buffer.alloc(512)]);
    expect(Buffer.compare(run(multi, 100).data, LOG)).toBe(0);
    // FEXTRA (3 bytes), FNAME, FCOMMENT and FHCRC, given a byte at a time.
    const head = Buffer.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 3, 0, 1, 2, 3, 65, 0, 66, 0, 9, 9]);
    const fields = Buffer.concat([head, gzipSync(LOG).subarray(10)]);
    expect(run(fields, 1)).toEqual({ data: Buffer.from(LOG), error: null });
  });

  it('hands on every byte before damage, then says what it is', () => {
    const gz = gzipSync(LOG);
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8] ^= 1;
    expect(run(badCrc, 1000).error).toBeInstanceOf(GzipError);
    expect(run(badCrc, 1000).error!.message).toMatch(/checksum does not match/);
    expect(Buffer.compare(run(badCrc, 1000).data, LOG)).toBe(0);
    // Cut anywhere: what inflates before the cut, as much as zlib gives with a sync flush.
    for (let cut = 0; cut < gz.length; cut += 7) {
      const { data, error } = run(gz.subarray(0, cut), 512);
      expect(error?.message).toMatch(/ends early/);
      expect(Buffer.compare(data, LOG.subarray(0, data.length))).toBe(0);
      if (cut > 10 && cut < gz.length - 8)
        expect(data.length).toBeGreaterThanOrEqual(
          inflateRawSync(gz.subarray(10, cut), { finishFlush: constants.Z_SYNC_FLUSH }).length,
        );
    }
    // A broken block after a stored one: the stored bytes, then 'invalid block type'.
    const stored = deflateRawSync(LOG.subarray(0, 5000), { level: 0 });
    const head = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    const notFinal = Buffer.from(stored);
    notFinal[0] &= ~1; // the stored block is not the last one
    const broken = run(Buffer.concat([head, notFinal, Buffer.from([0x07, 0, 0, 0])]), 64);
    expect(broken.error!.message).toMatch(/invalid block type/);
    expect(Buffer.compare(broken.data, LOG.subarray(0, 5000))).toBe(0);
  });

  it('random damage never throws anything but a GzipError, and never hangs', () => {
    const gz = gzipSync(LOG);
    const rnd = random(7);
    for (let k = 0; k < 1000; k++) {
      const c = Buffer.from(gz);
      for (let j = 0; j < 1 + Math.floor(rnd() * 4); j++) c[10 + Math.floor(rnd() * (c.length - 10))] = rnd() * 256;
      const { error } = run(c, 300);
      if (error) expect(error).toBeInstanceOf(GzipError);
    }
  });

  it('a bomb is read a piece at a time: no piece is bigger than MAX_PIECE, and the reader may stop at any one', async () => {
    // 256 MiB of zeros in 256 KB of gzip.
    const piece = gzipSync(new Uint8Array(64 << 20), { level: 9 });
    const bomb = Buffer.concat([piece, piece, piece, piece]);
    const r = new GzipReader();
    r.push(bomb);
    r.finish();
    let total = 0;
    let biggest = 0;
    // What the reader holds, not the pieces already read and dropped: the least of a few readings after
    // a collection, because V8 frees array buffers on a background thread after it (a loaded CI machine
    // still counted 32 MB of freed pieces right after one); a reader that kept them never drops below.
    const held = async () => {
      let least = Infinity;
      for (let k = 0; k < 10; k++) {
        collectGarbage();
        least = Math.min(least, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
        await new Promise((done) => setTimeout(done, 20));
      }
      return least;
    };
    const heapBefore = await held();
    for (let p = r.read(); p; p = r.read()) {
      total += p.length;
      biggest = Math.max(biggest, p.length);
      if (total >= 32 << 20) break; // a reader that has seen enough stops
    }
    const grown = (await held()) - heapBefore;
    expect(biggest).toBeLessThanOrEqual(MAX_PIECE);
    expect(total).toBeGreaterThanOrEqual(32 << 20);
    expect(grown).toBeLessThan(16 << 20);
    // Read to its end, it is all there.
    for (let p = r.read(); p; p = r.read()) total += p.length;
    expect(total).toBe(256 << 20);
  });
});
