// The worker's session in Node: progress, cancel, out-of-memory stop, nested runs, compare, export.

import { describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import { STANDARD_LAYOUT } from '../../../src/engine/format/layout.ts';
import type { SeriesPoint } from '../../../src/engine/types.ts';
import type { Progress } from '../../../src/worker/api.ts';
import { DecodeService } from '../../../src/worker/decode-service.ts';
import { decodeWorkerCount, shardsOverPorts } from '../../../src/worker/decode-workers.ts';
import { AnalysisSession } from '../../../src/worker/session.ts';
import { blobSlices, blobStreamPieces } from '../../../src/worker/source-reader.ts';
import { FailingBlob } from '../../support/failing-blob.ts';
import { fixture, SMALL } from '../../support/fixtures.ts';
import { generateLog } from '../../support/reflog-generator.ts';
import { rssAndLiveSeriesReference } from '../../support/series-reference.ts';

const blobBytes = new Map<Blob, Uint8Array>();
function blobOf(bytes: Uint8Array): Blob {
  const b = new Blob([bytes as BlobPart]);
  blobBytes.set(b, bytes);
  return b;
}
// Child logs are read synchronously; Node's Blob cannot be, so the test keeps the bytes.
function readBlobSync(blob: Blob): Uint8Array {
  for (const [b, bytes] of blobBytes) if (b.size === blob.size && b === blob) return bytes;
  throw new Error('unknown blob');
}

function bigLog(lines: number): Uint8Array {
  const parts = [...generateLog({ lines, seed: 3 }).chunks];
  return Buffer.concat(parts);
}

describe('AnalysisSession', () => {
  it('reports progress and ends with the full summary', async () => {
    const session = new AnalysisSession();
    const seen: Progress[] = [];
    const s = await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'small.log' }, (p) =>
      seen.push(p),
    );
    expect(s.counts.new).toBe(171);
    expect(seen.at(-1)!.done).toBe(true);
    expect(seen.at(-1)!.bytesRead).toBe(fixture(SMALL).length);
    expect(session.ask('rows', { table: 'live', offset: 0, limit: 5 }).total).toBe(61);
  });

  it('cancel stops mid-file and keeps what was read', async () => {
    const session = new AnalysisSession();
    const bytes = bigLog(60_000); // ~15 MB: several parse steps
    const done = session.open({ kind: 'file', file: new Blob([bytes as BlobPart]), name: 'big.log' }, (p) => {
      if (!p.done && p.summary.lines > 1000) session.cancel();
    });
    const s = await done;
    expect(s.stopped).toMatchObject({
      reason: 'cancelled',
      message: expect.stringMatching(/^Cancelled after [\d,]+ bytes\.$/),
    });
    expect(s.lines).toBeGreaterThan(1000);
    expect(s.lines).toBeLessThan(60_000);
    // Where it stopped: the lines kept (a cancel does not finish the last line) and the bytes the message names.
    expect(s.stopped!.atLine).toBe(s.lines);
    expect(s.stopped!.message).toBe(`Cancelled after ${s.stopped!.atByte.toLocaleString('en-US')} bytes.`);
  });

  it('a read that fails mid-file stops with reason error, its message and what was read', async () => {
    const bytes = fixture(SMALL);
    const session = new AnalysisSession({
      openSource: async () => ({
        name: 'small.log',
        totalBytes: bytes.length * 2,
        bytesRead: () => bytes.length,
        chunks: (async function* () {
          yield bytes.subarray(0, 4096);
          throw new Error('the network went away');
        })(),
      }),
    });
    const s = await session.open({ kind: 'url', url: 'https://example.org/small.log' }, () => {});
    expect(s.stopped).toEqual({
      reason: 'error',
      message: 'Stopped after 4,096 bytes: the network went away',
      atLine: expect.any(Number),
      atByte: 4096,
    });
    expect(s.stopped!.atLine).toBeGreaterThan(10);
    expect(s.stopped!.atLine).toBeLessThanOrEqual(s.lines);
  });

  it('a cancel while the read waits on the network is a cancel, not a failure of the read', async () => {
    const bytes = fixture(SMALL);
    let waiting!: () => void;
    const reading = new Promise<void>((ok) => (waiting = ok));
    const session = new AnalysisSession({
      // A URL whose server sent 4 KiB and then nothing: the abort fails the pending read, as fetch's does.
      openSource: async (_source, signal) => ({
        name: 'small.log',
        totalBytes: bytes.length,
        bytesRead: () => 4096,
        chunks: (async function* () {
          yield bytes.subarray(0, 4096);
          waiting();
          await new Promise((_, fail) =>
            signal.addEventListener('abort', () => fail(new DOMException('The operation was aborted.', 'AbortError'))),
          );
        })(),
      }),
    });
    const done = session.open({ kind: 'url', url: 'https://example.org/small.log' }, () => {});
    await reading;
    session.cancel();
    const s = await done;
    expect(s.stopped).toEqual({
      reason: 'cancelled',
      message: 'Cancelled after 4,096 bytes.',
      atLine: s.lines,
      atByte: 4096,
    });
  });

  it('a URL whose body breaks off: the message names the address and how many of the promised bytes arrived', async () => {
    const bytes = fixture(SMALL);
    const url = 'https://example.org/logs/small.log';
    /** A response that promises the whole log, sends its first 4 KiB, and fails once the parser has them (or at once). */
    const breaking = (after: Promise<void> | null) => {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (after && pulls++ === 0) return controller.enqueue(bytes.slice(0, 4096));
          await after;
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { headers: { 'Content-Length': String(bytes.length) } });
    };
    let parsed!: () => void;
    const firstParsed = new Promise<void>((ok) => (parsed = ok));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => breaking(firstParsed)),
    );
    try {
      const s = await new AnalysisSession().open({ kind: 'url', url }, (p) => {
        if (p.bytesRead >= 4096) parsed();
      });
      const total = bytes.length.toLocaleString('en-US');
      expect(s.stopped).toMatchObject({
        reason: 'error',
        message: `Stopped after 4,096 bytes: could not read all of ${url}: network error (4,096 of ${total} bytes arrived).`,
        atByte: 4096,
      });
      expect(s.lines).toBeGreaterThan(10);
      // Broken before the first byte: the same message, nothing read.
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => breaking(null)),
      );
      const none = await new AnalysisSession().open({ kind: 'url', url }, () => {});
      expect(none.stopped?.message).toBe(
        `Stopped after 0 bytes: could not read all of ${url}: network error (0 of ${total} bytes arrived).`,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('an allocation failure stops cleanly with partial results and says why', async () => {
    const session = new AnalysisSession();
    const s = await session.open(
      { kind: 'file', file: new FailingBlob([bigLog(60_000) as BlobPart], 3 << 20), name: 'big.log' },
      () => {},
    );
    expect(s.stopped).toMatchObject({
      reason: 'out-of-memory',
      message: expect.stringMatching(
        /^Too big for this tab: out of memory after [\d,]+ bytes \(line [\d,]+\)\. .*reftrace analyse LOG.*reftrace export/,
      ),
    });
    expect(s.counts.new).toBeGreaterThan(1000);
    expect(session.ask('rows', { table: 'live', offset: 0, limit: 1 }).total).toBe(s.live);
  });

  it('opening another file cancels the first', async () => {
    const session = new AnalysisSession();
    const first = session.open(
      { kind: 'file', file: new Blob([bigLog(60_000) as BlobPart]), name: 'big.log' },
      () => {},
    );
    const second = session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'small.log' }, () => {});
    expect((await first).stopped).toMatchObject({ reason: 'cancelled', message: expect.stringMatching(/^Cancelled/) });
    expect((await second).live).toBe(61);
    expect(session.ask('summary')!.live).toBe(61);
  });

  it('several files: finds the parent and merges the children it names (nested_named)', async () => {
    const names = ['nested_inner.log', 'nested_inner_sibling.log', 'nested_middle.log', 'nested_outer.log'];
    const files = names.map((n) => ({ name: n, file: blobOf(fixture('samples/nested_named/' + n)) }));
    const session = new AnalysisSession({ readBlobSync });
    const s = await session.open({ kind: 'files', files }, () => {});
    expect([s.counts.new, s.counts.del, s.counts.msg, s.live, s.pairs]).toEqual([57, 55, 15, 12, 45]);
    expect(s.problems).toBe(0);
    expect(session.ask('columns', { table: 'live' }).map((c) => c.id)).toContain('source');
  });

  it('several files: a named child that was not opened is a problem with a hint', async () => {
    const files = ['nested_middle.log', 'nested_outer.log'].map((n) => ({
      name: n,
      file: blobOf(fixture('samples/nested_named/' + n)),
    }));
    const session = new AnalysisSession({ readBlobSync });
    const s = await session.open({ kind: 'files', files }, () => {});
    const problems = session.ask('rows', { table: 'problems', offset: 0, limit: 10 }).rows;
    expect(problems.map((p) => p.kind)).toEqual(['missing-child', 'missing-child']);
    expect(String(problems[0].detail)).toMatch(
      /child log not found: nested_inner\.log \(open it together with its parent/,
    );
    expect(s.counts.new).toBe(17 + 15);
  });

  it('compares a baseline with the open log, biggest live growth first', async () => {
    const session = new AnalysisSession();
    await session.openBaseline(
      { kind: 'file', file: blobOf(fixture('samples/nested_named/nested_middle.log')), name: 'before.log' },
      () => {},
    );
    await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'after.log' }, () => {});
    const w = session.ask('rows', { table: 'compare-types', offset: 0, limit: 100 });
    expect(w.rows[0].liveDiff as number).toBeGreaterThanOrEqual(w.rows[1].liveDiff as number);
    const sat = w.rows.find((r) => r.key === 'StringAndTime')!;
    expect(sat).toMatchObject({ newA: 0, newB: 40, liveA: 0, liveB: 20, liveDiff: 20 });
    const sites = session.ask('rows', {
      table: 'compare-sites',
      offset: 0,
      limit: 100,
      filter: { text: 'small.py:28' },
    });
    expect(sites.rows.map((r) => r.key)).toEqual(['small.py:28 example_reference_tracing']);
  });

  it('leaves the ignore list out of both logs in the comparison, and keeps the other numbers', async () => {
    const session = new AnalysisSession();
    await session.openBaseline(
      { kind: 'file', file: blobOf(fixture('samples/nested_named/nested_middle.log')), name: 'before.log' },
      () => {},
    );
    await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'after.log' }, () => {});
    const all = session.ask('rows', { table: 'compare-types', offset: 0, limit: 100 }).rows;
    const ignore = { types: ['StringAndTime'], files: ['fractions.py'] };
    const kept = session.ask('rows', { table: 'compare-types', offset: 0, limit: 100, ignore }).rows;
    expect(kept.map((r) => r.key)).not.toContain('StringAndTime');
    // Fractions are made in fractions.py: with that file ignored none is counted as made or live
    // (their DELs happen elsewhere, and those lines are not in an ignored file).
    expect(kept.find((r) => r.key === 'Fraction')).toMatchObject({ newB: 0, liveB: 0 });
    expect(all.find((r) => r.key === 'Fraction')).toMatchObject({ newB: 40, liveB: 20 });
    const untouched = (r: (typeof all)[number]) => r.key === 'datetime.datetime';
    expect(kept.find(untouched)).toEqual(all.find(untouched));
    const sites = session
      .ask('rows', { table: 'compare-sites', offset: 0, limit: 100, ignore })
      .rows.map((r) => String(r.key));
    expect(sites.some((k) => k.startsWith('fractions.py:'))).toBe(false);
    // small.py:28 makes only StringAndTime objects (ignored); small.py:15 makes datetimes.
    expect(sites).not.toContain('small.py:28 example_reference_tracing');
    expect(sites).toContain('small.py:15 __init__');
  });

  it('exports the comparison as shown, with its columns, as CSV and JSON', async () => {
    const session = new AnalysisSession();
    await session.openBaseline(
      { kind: 'file', file: blobOf(fixture('samples/nested_named/nested_middle.log')), name: 'before.log' },
      () => {},
    );
    await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'after.log' }, () => {});
    const q = { table: 'compare-types' as const, sort: [{ column: 'key', desc: false }], filter: { text: 'str' } };
    const columns = session.ask('columns', { table: 'compare-types' });
    const ids = columns.map((c) => c.id);
    const rows = session.ask('rows', { ...q, offset: 0, limit: 1000 }).rows;
    expect(rows.length).toBeGreaterThan(0);
    const csv = session.ask('export', { ...q, format: 'csv' }).join('');
    expect(csv).toBe(
      [columns.map((c) => c.title).join(','), ...rows.map((r) => ids.map((id) => r[id]).join(',')), ''].join('\r\n'),
    );
    const json = JSON.parse(session.ask('export', { ...q, format: 'json' }).join(''));
    expect(json).toEqual(rows.map((r) => Object.fromEntries(ids.map((id) => [id, r[id]]))));
  });

  it('exports the filtered, sorted table as CSV and JSON with formula escaping', async () => {
    const session = new AnalysisSession();
    await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'small.log' }, () => {});
    const q = { table: 'untracked' as const, sort: [{ column: 'clock', desc: false }], filter: { text: 'type' } };
    const csv = session.ask('export', { ...q, format: 'csv' }).join('');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Address,Type,/);
    expect(lines[1]).toMatch(/^0x338faba0,type,/);
    const json = JSON.parse(session.ask('export', { ...q, format: 'json' }).join(''));
    expect(json.map((r: { address: string }) => r.address)).toEqual(['0x338faba0', '0x3389e150', '0x33972990']);
  });

  it('answers the series fresh while parsing and once the parse is done', async () => {
    // A report after every chunk (a clock a second on at every look): how many come in 100 ms depends on the machine's speed.
    let ms = 0;
    const session = new AnalysisSession({ now: () => (ms += 1000) });
    const bytes = bigLog(60_000);
    const during: { live: number; points: SeriesPoint[] }[] = [];
    const s = await session.open({ kind: 'file', file: new Blob([bytes as BlobPart]), name: 'big.log' }, (p) => {
      if (!p.done && p.summary.lines > 1000)
        during.push({ live: p.summary.live, points: session.ask('series', { buckets: 100 }) });
    });
    expect(during.length).toBeGreaterThan(1);
    for (const { live, points } of during) {
      const last = points.at(-1)!;
      expect(last.liveMin <= live && live <= last.liveMax).toBe(true);
    }
    const after = session.ask('series', { buckets: 100 });
    expect(after).toEqual(rssAndLiveSeriesReference(analyseChunks([bytes]).store, { buckets: 100 }));
    const last = after.at(-1)!;
    expect(last.liveMin <= s.live && s.live <= last.liveMax).toBe(true);
  });

  it('per-type live series: top types, ending at their live counts', async () => {
    const session = new AnalysisSession();
    await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'small.log' }, () => {});
    const series = session.ask('typeSeries', { buckets: 50, top: 3 });
    expect(series.map((s) => s.type).sort()).toEqual(['Fraction', 'StringAndTime', 'datetime.datetime']);
    for (const s of series) expect(s.points.at(-1)!.live).toBe(20);
  });
});

describe('AnalysisSession with decode workers (in-process DecodeService shards)', () => {
  const shards = (n: number) => () => Array.from({ length: n }, () => new DecodeService());
  const big = bigLog(100_000); // ~25 MB: over the parallel threshold, several blocks
  const tables = (s: AnalysisSession) =>
    (['live', 'pairs', 'types', 'sites', 'untracked', 'messages', 'problems'] as const).map((table) => {
      const w = s.ask('rows', {
        table,
        sort: [{ column: table === 'types' ? 'type' : 'logLine', desc: false }],
        offset: 0,
        limit: 50,
      });
      return [w.total, w.rows];
    });

  it('gives the summary and tables of a plain parse, and reports progress in bytes', async () => {
    const plain = new AnalysisSession();
    const want = await plain.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, () => {});
    const parallel = new AnalysisSession({ decodeShards: shards(3) });
    const seen: Progress[] = [];
    const got = await parallel.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, (p) =>
      seen.push(p),
    );
    expect(got).toEqual(want);
    expect(tables(parallel)).toEqual(tables(plain));
    expect(seen.at(-1)!.bytesRead).toBe(big.length);
    expect(seen.at(-1)!.parseMs).toBeGreaterThan(0);
    expect(seen.at(-1)!.decodeWorkers).toBe(3);
  });

  it('takes the blocks only for big plain files (small ones are parsed in the worker alone)', async () => {
    const decode = vi.spyOn(DecodeService.prototype, 'decode');
    try {
      const session = new AnalysisSession({ decodeShards: shards(2) });
      await session.open({ kind: 'file', file: blobOf(fixture(SMALL)), name: 'small.log' }, () => {});
      expect(decode).not.toHaveBeenCalled();
      await session.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, () => {});
      expect(decode.mock.calls.length).toBeGreaterThanOrEqual(5);
    } finally {
      decode.mockRestore();
    }
  });

  it('cancel and a forced allocation failure stop it cleanly with partial results', async () => {
    const session = new AnalysisSession({ decodeShards: shards(2) });
    // The first report comes after the first MiB (read plainly), before any block: cancel there.
    const s = await session.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, (p) => {
      if (!p.done && p.summary.lines > 1000) session.cancel();
    });
    expect(s.stopped).toMatchObject({
      reason: 'cancelled',
      message: expect.stringMatching(/^Cancelled after [\d,]+ bytes\.$/),
    });
    expect(s.lines).toBeGreaterThan(1000);
    expect(s.lines).toBeLessThan(100_000);
    // And while blocks are being decoded: cancel from inside the 4th decode request.
    let calls = 0;
    const service = new DecodeService();
    const cancelling: AnalysisSession = new AnalysisSession({
      decodeShards: () => [
        {
          decode: (...a: Parameters<DecodeService['decode']>): ReturnType<DecodeService['decode']> => {
            if (++calls === 4) cancelling.cancel();
            return service.decode(...a);
          },
        },
      ],
    });
    const mid = await cancelling.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, () => {});
    expect(mid.stopped).toMatchObject({
      reason: 'cancelled',
      message: expect.stringMatching(/^Cancelled after [\d,]+ bytes\.$/),
    });
    expect(mid.bytes).toBeGreaterThan(4 << 20); // the first MiB and at least one block
    expect(mid.bytes).toBeLessThan(big.length);
    const oom = new AnalysisSession({ decodeShards: shards(2) });
    const o = await oom.open(
      { kind: 'file', file: new FailingBlob([big as BlobPart], 10 << 20), name: 'big.log' },
      () => {},
    );
    expect(o.stopped).toMatchObject({
      reason: 'out-of-memory',
      message: expect.stringMatching(
        /^Too big for this tab: out of memory after [\d,]+ bytes \(line [\d,]+\)\. .*reftrace analyse LOG.*reftrace export/,
      ),
    });
    expect(o.counts.new).toBeGreaterThan(10_000);
    // The next file after a cancelled parallel parse is read whole and right.
    const again = await session.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, () => {});
    expect(again.stopped).toBeNull();
    expect(again.counts).toEqual(
      (await new AnalysisSession().open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, () => {}))
        .counts,
    );
  });

  it('a decode worker failing (out of memory there) stops the parse with what was read', async () => {
    let calls = 0;
    const failing = () => [
      {
        decode: (...a: Parameters<DecodeService['decode']>) => {
          if (++calls > 3) return Promise.reject(new RangeError('Array buffer allocation failed'));
          return service.decode(...a);
        },
      },
    ];
    const service = new DecodeService();
    const session = new AnalysisSession({ decodeShards: failing });
    const s = await session.open({ kind: 'file', file: new Blob([big as BlobPart]), name: 'big.log' }, () => {});
    expect(s.stopped).toMatchObject({
      reason: 'out-of-memory',
      message: expect.stringMatching(
        /^Too big for this tab: out of memory after [\d,]+ bytes \(line [\d,]+\)\. .*reftrace analyse LOG.*reftrace export/,
      ),
    });
    expect(s.counts.new).toBeGreaterThan(10_000);
  });
});

describe('decode worker count', () => {
  it('one per core but one from 3 cores on (at most 8), none on 2 cores', () => {
    expect([1, 2, 3, 4, 8, 16].map((cores) => decodeWorkerCount(cores))).toEqual([0, 0, 2, 3, 7, 8]);
  });
});

describe('blobSlices', () => {
  it('reads the file in order, whole, from any offset: 1 MiB first, then 4, then 16 MiB slices', async () => {
    const bytes = new Uint8Array(40 << 20).map((_, i) => i % 251);
    const blob = new Blob([bytes as BlobPart]);
    for (const from of [0, 12_345]) {
      const counter = { n: 0 };
      const sizes: number[] = [];
      const parts: Uint8Array[] = [];
      for await (const s of blobSlices(blob, counter, from)) {
        sizes.push(s.length);
        parts.push(s);
      }
      expect(sizes.slice(0, 4)).toEqual([1 << 20, 4 << 20, 16 << 20, 16 << 20]);
      expect(counter.n).toBe(bytes.length - from);
      expect(Buffer.concat(parts).equals(Buffer.from(bytes.subarray(from)))).toBe(true);
    }
  });
});

describe('blobStreamPieces', () => {
  const bytes = new Uint8Array(5_000_000).map((_, i) => (i * 7) % 253);
  const blob = new Blob([bytes as BlobPart]);
  /** The pieces, each copied as it comes (a piece is only valid until the next is asked for), and the buffers they were in. */
  async function read(b: Blob, stallMs?: number) {
    const counter = { n: 0 };
    const parts: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const p of blobStreamPieces(b, counter, stallMs)) {
      parts.push(p.slice());
      buffers.add(p.buffer);
    }
    return { counter, whole: Buffer.concat(parts), buffers, pieces: parts.length };
  }

  it('reads the file whole and in order through its byte stream, into pieces of at most 1 MiB', async () => {
    const { counter, whole, pieces } = await read(blob);
    expect(counter.n).toBe(bytes.length);
    expect(whole.equals(Buffer.from(bytes))).toBe(true);
    expect(pieces).toBeGreaterThanOrEqual(5);
  });

  it('a piece stays whole while it is used, though the next is being read meanwhile', async () => {
    const counter = { n: 0 };
    let at = 0;
    for await (const p of blobStreamPieces(blob, counter)) {
      const want = Buffer.from(bytes.subarray(at, at + p.length));
      await new Promise((r) => setTimeout(r, 2)); // the next read completes meanwhile
      expect(p.length).toBe(want.length);
      expect(Buffer.from(p).equals(want)).toBe(true);
      at += p.length;
    }
    expect(at).toBe(bytes.length);
  });

  it('a consumer that stops early cancels the stream; the next read of the file starts afresh', async () => {
    const counter = { n: 0 };
    for await (const p of blobStreamPieces(blob, counter)) {
      expect(p.length).toBeGreaterThan(0);
      break;
    }
    expect(counter.n).toBeLessThan(bytes.length);
    expect((await read(blob)).whole.equals(Buffer.from(bytes))).toBe(true);
  });

  /** The blob's bytes, with a stream of its own. */
  const withStream = (stream: () => ReadableStream<Uint8Array>): Blob =>
    new (class extends Blob {
      stream() {
        return stream() as ReadableStream<Uint8Array<ArrayBuffer>>;
      }
    })([bytes as BlobPart]);

  it('a consumer slower than the stall time is no stall: every piece comes from the stream', async () => {
    const counter = { n: 0 };
    const parts: Uint8Array[] = [];
    for await (const p of blobStreamPieces(blob, counter, 20)) {
      parts.push(p.slice());
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
    // The stream's pieces fill its 1 MiB buffer at most; the slices of the fallback grow to 4 MiB.
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(1 << 20);
    expect(parts.length).toBeGreaterThanOrEqual(5);
  });

  it('a stream that is no byte stream: the file is read in slices', async () => {
    const plain = withStream(() => new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new Uint8Array(1)) }));
    const { counter, whole } = await read(plain);
    expect(counter.n).toBe(bytes.length);
    expect(whole.equals(Buffer.from(bytes))).toBe(true);
  });

  it('a stream that stops giving bytes part-way: the rest is read in slices from where it stopped', async () => {
    // The first 3 bytes arrive, then nothing.
    let sent = false;
    const stuck = withStream(
      () =>
        new ReadableStream({
          type: 'bytes',
          pull(c) {
            if (sent) return new Promise(() => {});
            sent = true;
            c.enqueue(bytes.slice(0, 3));
          },
        }),
    );
    const { counter, whole } = await read(stuck, 50);
    expect(counter.n).toBe(bytes.length);
    expect(whole.equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("the page's decode workers, over ports", () => {
  it('a block is decoded over its port; once the page says a worker died, its pending and later blocks fail with why', async () => {
    const live = new MessageChannel();
    const silent = new MessageChannel(); // a worker that never answers, as a dead one
    Comlink.expose(new DecodeService(), live.port1);
    const { shards, died } = shardsOverPorts([live.port2, silent.port2]);
    const fx = STANDARD_LAYOUT.fixed!;
    const sample = new Blob([fixture(SMALL) as BlobPart]);
    const block = await shards[0].decode(0, fx, sample, 0, sample.size);
    expect(block.eventCount).toBe(analyseChunks([fixture(SMALL)]).store.eventCount);
    const pending = shards[1].decode(0, fx, sample, 0, sample.size);
    died(1, 'it ran out of memory');
    await expect(pending).rejects.toThrow('a decode worker stopped: it ran out of memory');
    await expect(shards[1].decode(0, fx, sample, 0, 10)).rejects.toThrow(
      'a decode worker stopped: it ran out of memory',
    );
    died(5, 'no such worker');
    for (const p of [live.port1, live.port2, silent.port1, silent.port2]) p.close();
  });
});
