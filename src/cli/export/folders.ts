// Where each log of a fleet is written under --out: a folder named after the log, so DuckDB's
// `DIR/**/events*.parquet` reads them all and two logs never share one.

import { basename } from 'node:path';

/** The log's file name without `.gz` and `.log` (a name that would be empty or a dot folder becomes `log`). */
function folderOf(path: string): string {
  const name = basename(path)
    .replace(/\.gz$/i, '')
    .replace(/\.log$/i, '');
  return name === '' || name === '.' || name === '..' ? 'log' : name;
}

/** One folder name per path, in order; a repeated name gets -2, -3, … */
export function exportFolders(paths: string[]): string[] {
  const used = new Set<string>();
  return paths.map((p) => {
    const base = folderOf(p);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}
