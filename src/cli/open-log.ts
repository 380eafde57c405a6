// What every command does first: check the file, read it, and say clearly when it cannot or when it
// is not a log (exit 2). Commands then ask the engine, as the page does.

import { accessSync, constants, statSync } from 'node:fs';
import { Engine } from '../engine/engine.ts';
import { readLog } from './read-log.ts';
import type { CommandIO } from './commands/command.ts';

export type Opened = { ok: true; engine: Engine; notALog: string | null } | { ok: false; error: string };

/** The log's engine (and why it is not a log, if it is not), or why it cannot be read. */
export async function openLog(path: string, recurseFiles: boolean): Promise<Opened> {
  const unreadable = readable(path);
  if (unreadable) return { ok: false, error: unreadable };
  let engine: Engine;
  try {
    engine = new Engine(await readLog(path, { recurseFiles }));
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as Error).message}` };
  }
  const notALog = notALogReason(engine);
  return { ok: true, engine, notALog: notALog && `${path}: ${notALog}` };
}

/** The engine of a command's log, or the exit status after saying why there is none (unreadable, not a log). */
export async function openForCommand(path: string, recurseFiles: boolean, io: CommandIO): Promise<Engine | number> {
  const opened = await openLog(path, recurseFiles);
  if (!opened.ok) return io.fail(opened.error);
  return opened.notALog ? io.fail(opened.notALog) : opened.engine;
}

/** Why a file that is not a log is not one, or null. */
export function notALogReason(engine: Engine): string | null {
  if (!engine.ask('summary').notALog) return null;
  return engine.ask('report').problems.find((p) => p.kind === 'not-a-log')?.detail ?? 'not a log';
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
