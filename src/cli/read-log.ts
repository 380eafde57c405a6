// Node-side reading of a log into an Analysis: streamed in 1 MiB chunks, gunzipped when the
// bytes say gzip, following nested child logs when asked.

import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Analysis } from '../engine/analysis.ts';
import type { LogParser } from '../engine/log-parser.ts';

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
 * Analyses the log at path. With recurseFiles, each child log named by a detach message is read
 * into the same analysis at that message, before the parent's next line (as the seed's
 * --recurse-files does), so objects made in one and freed in the other pair up. A child that
 * cannot be found is reported as a problem and skipped.
 */
export async function readLog(path: string, options: ReadOptions = {}): Promise<Analysis> {
  const analysis = new Analysis(path);
  const seen = new Set([resolve(path)]);
  const parser = analysis.beginFile(path, options.recurseFiles ? childReader(analysis, path, 0, seen) : undefined);
  await feedFile(path, parser, analysis);
  return analysis;
}

/** Returns the callback that reads a child log synchronously, right where its parent names it. */
function childReader(analysis: Analysis, parentPath: string, parentIndex: number, seen: Set<string>) {
  return (named: string, line: number): void => {
    const found = locateChild(named, parentPath);
    if (!found || seen.has(resolve(found))) {
      const why = found ? 'already read (a loop of child logs)' : 'not found';
      analysis.store.notes.addProblem(parentIndex, line, 'missing-child', `child log ${why}: ${named}`);
      return;
    }
    seen.add(resolve(found));
    const index = analysis.store.sourceFiles.length;
    const parser = analysis.beginFile(found, childReader(analysis, found, index, seen));
    try {
      let bytes = readFileSync(found);
      if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      for (let off = 0; off < bytes.length; off += CHUNK) parser.push(bytes.subarray(off, off + CHUNK));
    } catch (e) {
      analysis.store.notes.addProblem(index, parser.lineNo, 'read-error', `read failed: ${(e as Error).message}`);
    }
    parser.finish();
  };
}
/** A child named by an absolute path that no longer exists is looked for beside its parent. */
function locateChild(named: string, parent: string): string | null {
  const candidates = [named, resolve(dirname(parent), named), resolve(dirname(parent), basename(named))];
  for (const c of candidates) if (existsSync(c)) return c;
  return null;
}
