// `reftrace export LOG... --out DIR`: each log's events, live objects and pairs as Parquet or CSV
// tables, one folder per log, for fleet queries in DuckDB or Polars.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseOptions } from '../args.ts';
import { EXPORT_FORMATS, exportLog, type ExportFormat } from '../export/export-log.ts';
import { exportFolders } from '../export/folders.ts';
import { openLog } from '../open-log.ts';
import type { Command } from './command.ts';

export const exportCommand: Command = {
  name: 'export',
  usage: `reftrace export <file>... --out DIR [--format parquet|csv] [--recurse-files]
  Writes each log's tables to DIR/<log name>/: events (every NEW and DEL), live (the objects alive
  at the end) and pairs (each NEW with its DEL and lifetime), as events.parquet, live.parquet,
  pairs.parquet (default) or .csv. <log name> is the file name without .gz and .log (-2, -3, …
  when two logs share it), so DuckDB's read_parquet('DIR/**/events*.parquet') reads a whole fleet.
  A log that cannot be read is reported and skipped; the others are still exported (exit 2).`,
  async run(rest, io) {
    const args = parseOptions(rest, { flags: ['--recurse-files'], values: ['--format', '--out'], files: 'many' });
    if (typeof args === 'string') return io.usageError(args);
    const format = args.values.get('--format') ?? 'parquet';
    if (!EXPORT_FORMATS.includes(format as ExportFormat))
      return io.usageError(`--format takes parquet or csv, not "${format}"`);
    const out = args.values.get('--out');
    if (out === undefined || out === '') return io.usageError('--out DIR is required');
    try {
      mkdirSync(out, { recursive: true });
    } catch (e) {
      return io.fail(`cannot create ${out}: ${(e as Error).message}`);
    }
    const folders = exportFolders(args.files);
    let failed = false;
    for (const [i, file] of args.files.entries()) {
      const opened = await openLog(file, args.flags.has('--recurse-files'));
      if (!opened.ok || opened.notALog) {
        io.fail(opened.ok ? opened.notALog! : opened.error);
        failed = true;
        continue;
      }
      const folder = join(out, folders[i]);
      try {
        const rows = await exportLog(opened.engine, folder, format as ExportFormat);
        io.out(`${file} → ${folder}/: events ${rows.events}, live ${rows.live}, pairs ${rows.pairs}\n`);
      } catch (e) {
        io.fail(`${file}: cannot write ${folder}: ${(e as Error).message}`);
        failed = true;
      }
    }
    return failed ? 2 : 0;
  },
};
