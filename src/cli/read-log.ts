// Node-side reading of a log into an Analysis: streamed in 1 MiB chunks, gunzipped when the
// bytes say gzip, following nested child logs when asked.

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { gunzip, gunzipSyncLenient } from './gunzip.ts';
import { Analysis } from '../engine/analysis.ts';
import type { LogParser } from '../engine/parse/log-parser.ts';
import { childLogFollower } from '../engine/parse/child-logs.ts';

const CHUNK = 1 << 20;
/** Damaged .gz files up to this size are inflated a second time to recover their last bytes. */
const RECOVER_MAX_BYTES = 256 << 20;

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
  let stopped = false;
  let delivered = 0;
  try {
    for await (const chunk of gz ? gunzip(raw) : raw) {
      delivered += chunk.length;
      parser.push(chunk as Uint8Array);
    }
  } catch (e) {
    // A damaged gzip or a read error: what was read is analysed; say where it stopped.
    if (gz) {
      // Gunzip drops its last output chunk at the damage; the first member inflated again without
      // a checksum gives back every byte that inflates (a bad CRC loses nothing).
      const rest = recoverFirstMember(path, delivered);
      for (let off = 0; off < rest.length; off += CHUNK) parser.push(rest.subarray(off, off + CHUNK));
    }
    stopped = true;
    const index = analysis.store.sourceFiles.indexOf(path);
    analysis.store.notes.addProblem(Math.max(0, index), parser.currentLine, 'read-error', (e as Error).message);
  } finally {
    raw.destroy();
  }
  parser.finish(stopped);
}

/** The inflatable bytes of a damaged .gz's first member beyond the `delivered` already read (small files only). */
function recoverFirstMember(path: string, delivered: number): Uint8Array {
  if (statSync(path).size > RECOVER_MAX_BYTES) return new Uint8Array(0);
  const { data } = gunzipSyncLenient(readFileSync(path));
  return data.length > delivered ? data.subarray(delivered) : new Uint8Array(0);
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
      const file: Uint8Array = readFileSync(found);
      const gz = file.length >= 2 && file[0] === 0x1f && file[1] === 0x8b;
      const { data, error } = gz ? gunzipSyncLenient(file) : { data: file, error: null };
      for (let off = 0; off < data.length; off += CHUNK) yield data.subarray(off, off + CHUNK);
      if (error) throw error;
    },
  };
}
