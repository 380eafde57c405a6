// Node-side reading of a log into an Analysis: streamed in 1 MiB chunks, gunzipped when the
// bytes say gzip, following nested child logs when asked.

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Analysis } from '../engine/analysis.ts';
import type { LogParser } from '../engine/log-parser.ts';
import { childLogFollower } from '../engine/nested.ts';

const CHUNK = 1 << 20;

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
  const gz = await isGzipFile(path);
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  const stream = gz ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const chunk of stream) parser.push(chunk as Uint8Array);
    parser.finish();
  } catch (e) {
    // A corrupt gzip or a read error: keep what was read, say where it stopped.
    parser.finish();
    analysis.store.notes.addProblem(parser === analysis.mainParser ? 0 : analysis.store.sourceFiles.indexOf(path), parser.lineNo, 'read-error', `${gz ? 'gzip stream' : 'read'} failed: ${(e as Error).message}`);
    raw.destroy();
  }
}

export interface ReadOptions {
  recurseFiles?: boolean;
}

/**
 * Analyses the log at path. With recurseFiles, child logs named by detach messages are read where
 * they are named (see engine/nested.ts); a child that cannot be found is a problem, not a crash.
 */
export async function readLog(path: string, options: ReadOptions = {}): Promise<Analysis> {
  const analysis = new Analysis(path);
  const seen = new Set([resolve(path)]);
  const parser = analysis.beginFile(path, options.recurseFiles ? childLogFollower(analysis, path, 0, findChildBeside, seen) : undefined);
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
      let bytes: Uint8Array = readFileSync(found);
      if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      for (let off = 0; off < bytes.length; off += CHUNK) yield bytes.subarray(off, off + CHUNK);
    },
  };
}
