// Several files dropped at once form a nested run: find the parent (the file no other names as its
// child) and resolve the children it names among the dropped files, by file name.

import { gunzipChunks } from '../engine/gzip/gunzip.ts';
import type { ChildResolver } from '../engine/parse/child-logs.ts';
import { fileNameOf } from '../engine/parse/child-logs.ts';
import type { NamedFile } from './api.ts';

const DETACH = /Detaching this Reference Tracing file wrapper\. New file: ([^\r\n]+)/g;
const SCAN_SLICE = 16 * 1024 * 1024;

/** Names of the child logs a file mentions (read once, in slices; lines cut by a slice are rejoined). */
export async function childNamesIn(file: Blob): Promise<string[]> {
  const names: string[] = [];
  const decoder = new TextDecoder('latin1');
  let carry = '';
  for (let off = 0; off < file.size; off += SCAN_SLICE) {
    const text = carry + decoder.decode(await file.slice(off, off + SCAN_SLICE).arrayBuffer());
    const cut = text.lastIndexOf('\n');
    const whole = cut < 0 ? '' : text.slice(0, cut);
    carry = cut < 0 ? text.slice(-8192) : text.slice(cut + 1).slice(-8192);
    for (const m of whole.matchAll(DETACH)) names.push(m[1]);
  }
  for (const m of carry.matchAll(DETACH)) names.push(m[1]);
  return names;
}

/** The root of the run: the first file (by name) that no other file names as a child. */
export async function findRoot(files: NamedFile[]): Promise<{ root: NamedFile; named: Set<string> }> {
  const named = new Set<string>();
  for (const f of files) for (const n of await childNamesIn(f.file)) named.add(fileNameOf(n));
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  const root = sorted.find((f) => !named.has(fileNameOf(f.name))) ?? sorted[0];
  return { root, named };
}

/** Resolves children among the dropped files, reading them synchronously (FileReaderSync in a worker). */
export function droppedFilesResolver(files: NamedFile[], readSync: (blob: Blob) => Uint8Array): ChildResolver {
  const byName = new Map(files.map((f) => [fileNameOf(f.name), f]));
  return (named) => {
    const f = byName.get(fileNameOf(named));
    if (!f) return null;
    return {
      name: f.name,
      chunks: function* () {
        const slices = (function* () {
          if (f.file.size <= SCAN_SLICE) yield readSync(f.file);
          else
            for (let off = 0; off < f.file.size; off += SCAN_SLICE) yield readSync(f.file.slice(off, off + SCAN_SLICE));
        })();
        const first = slices.next();
        if (first.done) return;
        const rest = (function* () {
          yield first.value;
          yield* slices;
        })();
        // A .gz child is gunzipped as the CLI does (engine/gzip), a piece at a time.
        yield* first.value[0] === 0x1f && first.value[1] === 0x8b ? gunzipChunks(rest) : rest;
      },
    };
  };
}

/** FileReaderSync, which dedicated workers have: children must be read inside the parent's line loop. */
export function readBlobSyncInWorker(blob: Blob): Uint8Array {
  const Reader = (globalThis as unknown as { FileReaderSync?: new () => { readAsArrayBuffer(b: Blob): ArrayBuffer } })
    .FileReaderSync;
  if (!Reader) throw new Error('this environment cannot read files synchronously');
  return new Uint8Array(new Reader().readAsArrayBuffer(blob));
}
