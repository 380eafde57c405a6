// Issue 26: what the worker reads from one input is bounded. Gzip is read as the CLI reads it
// (engine/gzip: every member, zero padding, a bad CRC after all its data); a source that never ends
// stops at the tab's budget for one log's tables (a seam lowers it here), or, when nothing in it is
// a log, after NOT_A_LOG_AFTER_BYTES; a ?url= redirect that leaves the rule is refused.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import type { SingleSource } from '../../../src/worker/api.ts';
import { AnalysisSession, NOT_A_LOG_AFTER_BYTES } from '../../../src/worker/session.ts';
import { openSource, type ChunkSource } from '../../../src/worker/source-reader.ts';
import { path as badPath, bytesOf } from '../../support/bad-corpus.ts';
import { fixture, SMALL } from '../../support/fixtures.ts';
import { generateLog } from '../../support/reflog-generator.ts';

const LOG = fixture(SMALL);
const file = (bytes: Uint8Array, name = 'run.log.gz'): SingleSource => ({
  kind: 'file',
  file: new Blob([bytes as BlobPart]),
  name,
});

describe('gzip in the worker reads what the CLI reads (issue 26, item 3)', () => {
  const sample = analyseChunks([bytesOf('base.log')]).jsonReport();
  it.each(['multi-member.log.gz', 'zero-padded.log.gz', 'sample.log.gz'])(
    '%s: all 305 lines, no problem',
    async (f) => {
      const session = new AnalysisSession();
      const s = await session.open(file(bytesOf(f), f), () => {});
      expect(s.lines).toBe(305);
      expect(s.stopped).toBeNull();
      expect(session.ask('report').types).toEqual(sample.types);
      expect(s.problems).toBe(0);
    },
  );

  it('a bad CRC: every line, then the read stops with the checksum error', async () => {
    const s = await new AnalysisSession().open(file(bytesOf('badcrc.log.gz')), () => {});
    expect(s.lines).toBe(305);
    expect(s.counts.new).toBe(171);
    expect(s.stopped?.message).toMatch(/gzip checksum does not match/);
  });

  it('a 6,100-line log with a bad CRC: all 6,100 lines', async () => {
    const plain = Buffer.concat([...generateLog({ lines: 6097, seed: 9 }).chunks]);
    const gz = gzipSync(plain);
    gz[gz.length - 6] ^= 0xff;
    const s = await new AnalysisSession().open(file(gz), () => {});
    expect(s.lines).toBe(analyseChunks([plain]).summary().lines);
    expect(s.stopped?.message).toMatch(/checksum/);
  });

  it('a 10-byte header-only .gz is not a log', async () => {
    const s = await new AnalysisSession().open(file(bytesOf('header-only.log.gz')), () => {});
    expect(s.notALog).toBe(true);
    expect(badPath('header-only.log.gz')).toMatch(/header-only/);
  });
});

/** A source that never ends: `piece` again and again, after `head`. */
function endless(head: Uint8Array, piece: Uint8Array): (s: SingleSource, signal: AbortSignal) => Promise<ChunkSource> {
  return async () => {
    let n = 0;
    return {
      name: 'endless.log',
      totalBytes: 0,
      chunks: (async function* () {
        yield head;
        n += head.length;
        for (;;) {
          n += piece.length;
          yield piece;
        }
      })(),
      bytesRead: () => n,
    };
  };
}

describe('an endless source is bounded (issue 26, item 11)', () => {
  it('records for ever: the parse stops at the budget for one log’s tables, keeps what it has and says so', async () => {
    const text = Buffer.from(LOG).toString('latin1');
    const records = text
      .split('\n')
      .filter((l) => l.startsWith('NEW:'))
      .join('\n');
    const piece = Buffer.from((records + '\n').repeat(200), 'latin1');
    const head = Buffer.from(text.slice(0, text.indexOf('NEW:')), 'latin1');
    const session = new AnalysisSession({ openSource: endless(head, piece), storeBudgetBytes: 64 << 20 });
    const s = await session.open({ kind: 'url', url: 'http://127.0.0.1/endless.log' }, () => {});
    expect(s.stopped?.reason).toBe('out-of-memory');
    expect(s.stopped?.message).toMatch(/^Too big for this tab: the log’s tables reached 0\.0\d GB, this tab’s budget/);
    expect(s.counts.new).toBeGreaterThan(100_000);
    expect(session.ask('rows', { table: 'live', offset: 0, limit: 1 }).total).toBeGreaterThan(0);
  });

  it('junk for ever: not a log after the first 64 MiB, no more is read', async () => {
    const junk = Buffer.alloc(1 << 20, 'x'.repeat(1023) + '\n');
    const session = new AnalysisSession({ openSource: endless(junk, junk) });
    const s = await session.open({ kind: 'url', url: 'http://127.0.0.1/endless.log' }, () => {});
    expect(s.notALog).toBe(true);
    expect(s.stopped?.message).toMatch(/^Not a log: no SOF, HDR, NEW, DEL or MSG line in its first 64 MiB/);
    expect(s.stopped!.atByte).toBeLessThanOrEqual(NOT_A_LOG_AFTER_BYTES + (1 << 20));
  });

  it('a gzip bomb of zeros (256 KB → 256 MiB): not a log after 64 MiB, in pieces', async () => {
    const bomb = gzipSync(new Uint8Array(256 << 20), { level: 9 });
    const s = await new AnalysisSession().open(file(bomb), () => {});
    expect(s.notALog).toBe(true);
    expect(s.stopped?.message).toMatch(/^Not a log/);
    expect(s.bytes).toBeLessThan(NOT_A_LOG_AFTER_BYTES + (2 << 20));
  });
});

describe('a ?url= redirect must end where the rule allows (issue 26, item 4)', () => {
  let server: ReturnType<typeof createServer>;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const to = req.url?.slice(1) ?? '';
      if (req.url === '/run.log') {
        res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end(Buffer.from(LOG));
        return;
      }
      // /redirect/<address>: a 302 there.
      res.writeHead(302, { Location: decodeURIComponent(to.replace(/^redirect\//, '')) }).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('to a plain-http address on another host: refused, its body never read', async () => {
    // [::ffff:127.0.0.1] is this machine, but not an address the rule allows for http.
    const away = `http://[::ffff:127.0.0.1]:${port}/run.log`;
    const url = `http://127.0.0.1:${port}/redirect/${encodeURIComponent(away)}`;
    await expect(openSource({ kind: 'url', url }, new AbortController().signal)).rejects.toThrow(
      /redirected to http:\/\/\[::ffff:7f00:1\]:\d+\/run\.log, which is not opened: Only https:\/\//,
    );
    const s = await new AnalysisSession().open({ kind: 'url', url }, () => {});
    expect(s.lines).toBe(0);
    expect(s.stopped?.message).toMatch(/redirected to .* which is not opened/);
  });

  it('to an address the rule allows: followed', async () => {
    const url = `http://127.0.0.1:${port}/redirect/${encodeURIComponent(`http://localhost:${port}/run.log`)}`;
    const s = await new AnalysisSession().open({ kind: 'url', url }, () => {});
    expect(s.lines).toBe(305);
  });
});

describe('Compare refuses a "before" that is not a log (issue 26, item 9)', () => {
  it('the baseline is dropped: no comparison rows, and its summary says not a log', async () => {
    const session = new AnalysisSession();
    await session.open({ kind: 'file', file: new Blob([LOG as BlobPart]), name: 'after.log' }, () => {});
    const good = await session.openBaseline(
      { kind: 'file', file: new Blob([LOG as BlobPart]), name: 'b.log' },
      () => {},
    );
    expect(good.notALog).toBe(false);
    expect(session.ask('rows', { table: 'compare-types', offset: 0, limit: 100 }).total).toBeGreaterThan(0);
    const notes = new TextEncoder().encode('shopping list\neggs\nmilk\n');
    const s = await session.openBaseline({ kind: 'file', file: new Blob([notes]), name: 'notes.txt' }, () => {});
    expect(s.notALog).toBe(true);
    expect(session.ask('rows', { table: 'compare-types', offset: 0, limit: 100 }).total).toBe(0);
  });
});

describe('a nested run’s .gz child is gunzipped in the page too', () => {
  it('a parent and its child.log.gz, dropped together: the child’s lines are read', async () => {
    const parent = new TextEncoder().encode(
      'SOF\nMSG:     0.1 # Detaching this Reference Tracing file wrapper. New file: child.log.gz\nEOF\n',
    );
    const child = gzipSync(bytesOf('base.log'));
    const blobs = new Map<Blob, Uint8Array>();
    const blob = (b: Uint8Array) => {
      const x = new Blob([b as BlobPart]);
      blobs.set(x, b);
      return x;
    };
    const files = [
      { file: blob(parent), name: 'parent.log' },
      { file: blob(child), name: 'child.log.gz' },
    ];
    const session = new AnalysisSession({ readBlobSync: (b) => blobs.get(b) ?? new Uint8Array(0) });
    const s = await session.open({ kind: 'files', files }, () => {});
    expect(s.lines).toBe(3 + 305);
    expect(s.counts.new).toBe(171);
  });
});
