// Node-side reading of a log into an Analysis: a plain log read ahead in 4 MiB pieces, a gzipped
// one streamed in 1 MiB chunks through engine/gzip (the page's gunzip, with bounded memory), following
// nested child logs when asked (a child is read a chunk at a time, .gz or not).

import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { gunzipChunks, gunzipStream } from '../engine/gzip/gunzip.ts';
import { Analysis } from '../engine/analysis.ts';
import type { LogParser } from '../engine/parse/log-parser.ts';
import { childLogFollower } from '../engine/parse/child-logs.ts';

const CHUNK = 1 << 20;
/** A plain log's pieces: 4 MiB read faster than 1 MiB or 16 MiB (367 MB log, Node, this VM). */
const READ_AHEAD = 4 << 20;

async function isGzipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

async function feedFile(path: string, parser: LogParser, analysis: Analysis): Promise<void> {
  let stopped = false;
  try {
    if (await isGzipFile(path)) await feedGzip(path, parser);
    else await readAhead(path, (chunk) => parser.push(chunk));
  } catch (e) {
    // A damaged gzip or a read error: what was read (every byte inflated before the damage) is
    // analysed; say where it stopped.
    stopped = true;
    const index = analysis.store.sourceFiles.indexOf(path);
    analysis.store.notes.addProblem(Math.max(0, index), parser.currentLine, 'read-error', (e as Error).message);
  }
  parser.finish(stopped);
}

async function feedGzip(path: string, parser: LogParser): Promise<void> {
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of gunzipStream(raw)) parser.push(chunk);
  } finally {
    raw.destroy();
  }
}

/**
 * Hands the file to take() in pieces of READ_AHEAD bytes, reading the next piece while take() works
 * on this one: two buffers in turn, so the reads cost no garbage and no wait (the parser copies
 * what it keeps of a piece).
 */
async function readAhead(path: string, take: (chunk: Uint8Array) => void): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buffers = [new Uint8Array(READ_AHEAD), new Uint8Array(READ_AHEAD)];
    let turn = 0;
    let next = fh.read(buffers[turn], 0, READ_AHEAD, null);
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) return;
      const piece = buffers[turn].subarray(0, bytesRead);
      turn ^= 1;
      next = fh.read(buffers[turn], 0, READ_AHEAD, null);
      take(piece);
    }
  } finally {
    await fh.close();
  }
}

export interface ReadOptions {
  recurseFiles?: boolean;
}

/**
 * Analyses the log at path. With recurseFiles, child logs named by detach messages are read where
 * they are named (see engine/parse/child-logs.ts); a child that cannot be found is a problem, not a crash.
 */
export async function readLog(path: string, options: ReadOptions = {}): Promise<Analysis> {
  const analysis = new Analysis(path);
  const seen = new Set([resolve(path)]);
  const parser = analysis.beginFile(
    path,
    options.recurseFiles ? childLogFollower(analysis, path, 0, findChildBeside, seen) : undefined,
  );
  await feedFile(path, parser, analysis);
  return analysis;
}

/** A child is looked for as written, then beside its parent (a moved run keeps stale absolute paths). */
function findChildBeside(named: string, parent: string): { name: string; chunks: () => Iterable<Uint8Array> } | null {
  const candidates = [named, resolve(dirname(parent), named), resolve(dirname(parent), basename(named))];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) return null;
  return {
    name: resolve(found),
    chunks: function* () {
      const raw = fileChunks(found);
      const first = raw.next();
      if (first.done) return;
      const gz = first.value.length >= 2 && first.value[0] === 0x1f && first.value[1] === 0x8b;
      const rest = (function* () {
        yield first.value;
        yield* raw;
      })();
      yield* gz ? gunzipChunks(rest) : rest;
    },
  };
}

/** The file's bytes, a chunk at a time (a child log is read inside its parent's parse, synchronously). */
function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = new Uint8Array(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
