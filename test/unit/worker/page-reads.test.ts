// The page reads file slices for the worker over a MessagePort (src/worker/page-reads.ts): the
// bytes, their order, errors, the end of the conversation, and a whole parse fed that way.

import { describe, expect, it } from 'vitest';
import { PageReads, serveFileReads } from '../../../src/worker/page-reads.ts';
import { AnalysisSession } from '../../../src/worker/session.ts';
import { blobSlices } from '../../../src/worker/source-reader.ts';
import { generateLog } from '../../support/reflog-generator.ts';

const bytesOf = (n: number) => new Uint8Array(n).map((_, i) => (i * 7) % 251);

describe('page reads', () => {
  it('answers each range with exactly its bytes, however many are in flight', async () => {
    const bytes = bytesOf(100_000);
    const reads = new PageReads(serveFileReads(new Blob([bytes as BlobPart])));
    const ranges: [number, number][] = [
      [0, 10],
      [99_990, 100_000],
      [5, 70_000],
      [50_000, 50_001],
      [0, 0],
      [99_999, 200_000],
    ];
    const got = await Promise.all(ranges.map(([s, e]) => reads.read(s, e)));
    ranges.forEach(([s, e], i) => expect(new Uint8Array(got[i])).toEqual(bytes.slice(s, e)));
    reads.close();
  });

  it('feeds blobSlices: the whole file, in order, from any offset', async () => {
    const bytes = bytesOf(6 << 20);
    const blob = new Blob([bytes as BlobPart]);
    for (const from of [0, 777]) {
      const reads = new PageReads(serveFileReads(blob));
      const counter = { n: 0 };
      const parts: Uint8Array[] = [];
      for await (const s of blobSlices(blob, counter, from, reads.read)) parts.push(s);
      reads.close();
      expect(Buffer.concat(parts).equals(Buffer.from(bytes.subarray(from)))).toBe(true);
      expect(counter.n).toBe(bytes.length - from);
    }
  });

  it('a read the page cannot do fails with its reason; reads waiting at close fail', async () => {
    const broken = {
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('the file was moved')) }),
    } as unknown as Blob;
    const reads = new PageReads(serveFileReads(broken));
    await expect(reads.read(0, 10)).rejects.toThrow('the file was moved');
    const never = { slice: () => ({ arrayBuffer: () => new Promise<ArrayBuffer>(() => {}) }) } as unknown as Blob;
    const stuck = new PageReads(serveFileReads(never));
    const waiting = stuck.read(0, 10);
    stuck.close();
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('a session fed by the page gives the same analysis as one reading the file itself', async () => {
    const log = Buffer.concat([...generateLog({ lines: 40_000, seed: 11 }).chunks]);
    const file = new Blob([log as BlobPart]);
    const alone = await new AnalysisSession().open({ kind: 'file', file, name: 'a.log' }, () => {});
    let served = 0;
    const pageFile = {
      size: file.size,
      slice: (s: number, e: number) => ((served += Math.min(e, file.size) - s), file.slice(s, e)),
    } as Blob;
    // The worker may look at the first bytes (gzip?), but must not read the file itself.
    const workerFile = {
      size: file.size,
      slice: (s: number, e: number) =>
        e - s <= 2
          ? file.slice(s, e)
          : { arrayBuffer: () => Promise.reject(new Error('the worker read the file itself')) },
    } as Blob;
    const fed = await new AnalysisSession().open(
      { kind: 'file', file: workerFile, name: 'a.log', reads: serveFileReads(pageFile) },
      () => {},
    );
    expect(fed).toEqual(alone);
    expect(served).toBe(file.size);
  });
});
