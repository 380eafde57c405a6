// Nested logs: a parent's "Detaching … New file: <path>" message names a child log, whose events
// are read into the same analysis right there, before the parent's next line (as the seed's
// --recurse-files does), so an object made in one and freed in the other pairs up.

import type { LogStore } from '../store/log-store.ts';
import type { LogParser } from './log-parser.ts';

/** What following a child log needs of an analysis: its store, and a parser for each new source file. */
export interface ChildLogHost {
  readonly store: LogStore;
  beginFile(name: string, onChildLog?: (path: string, line: number) => void): LogParser;
}

/** Finds a child log by the name its parent wrote; returns a synchronous chunk source, or null. */
export type ChildResolver = (
  named: string,
  parentName: string,
) => { name: string; chunks: () => Iterable<Uint8Array> } | null;

/** The onChildLog callback for a parser of `parentName` (source file index parentIndex). */
export function childLogFollower(
  analysis: ChildLogHost,
  parentName: string,
  parentIndex: number,
  resolve: ChildResolver,
  seen: Set<string>,
) {
  return (named: string, line: number): void => {
    const found = resolve(named, parentName);
    if (!found || seen.has(found.name)) {
      const detail = found
        ? `child log already read (the child logs form a loop): ${named}`
        : `child log not found: ${named} (open it together with its parent, or put it beside the parent)`;
      analysis.store.notes.addProblem(parentIndex, line, 'missing-child', detail);
      return;
    }
    seen.add(found.name);
    const index = analysis.store.sourceFiles.length;
    const parser = analysis.beginFile(found.name, childLogFollower(analysis, found.name, index, resolve, seen));
    let stopped = false;
    try {
      for (const chunk of found.chunks()) parser.push(chunk);
    } catch (e) {
      stopped = true;
      analysis.store.notes.addProblem(
        index,
        parser.currentLine,
        'read-error',
        `reading the child log failed: ${(e as Error).message}`,
      );
    }
    parser.finish(stopped);
  };
}

/** The last path component, for matching a child named by a path against files given by name. */
export function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
