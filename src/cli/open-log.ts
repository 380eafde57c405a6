// What every command does first: check the file, read it into an Analysis, and say clearly when it
// cannot (exit 2).

import { accessSync, constants, statSync } from 'node:fs';
import type { Analysis } from '../engine/analysis.ts';
import { readLog } from './read-log.ts';

export type Opened = { ok: true; analysis: Analysis } | { ok: false; error: string };

export async function openLog(path: string, recurseFiles: boolean): Promise<Opened> {
  const unreadable = readable(path);
  if (unreadable) return { ok: false, error: unreadable };
  try {
    return { ok: true, analysis: await readLog(path, { recurseFiles }) };
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as Error).message}` };
  }
}

/** Why a file that is not a log is not one, or null. */
export function notALogReason(analysis: Analysis): string | null {
  if (!analysis.summary().notALog) return null;
  const notes = analysis.store.notes;
  return notes.probDetail[notes.probKind.indexOf('not-a-log')] ?? 'not a log';
}

function readable(path: string): string | null {
  try {
    accessSync(path, constants.R_OK);
    if (statSync(path).isDirectory()) return `${path} is a directory`;
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? (e as Error).message}`;
  }
}
