// Export throughput and memory: a generated log (1M lines by default, kept in .bench/) parsed, then
// exported as Parquet and as CSV; prints MB/s of log and the process's peak RSS after each step.
//
//   npm run bench:export [-- --lines N]

import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../../src/engine/engine.ts';
import { exportLog, type ExportFormat } from '../../src/cli/export/export-log.ts';
import { readLog } from '../../src/cli/read-log.ts';
import { generateLog } from '../support/reflog-generator.ts';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' } } });
const lines = Number(values.lines);
const BENCH = join(import.meta.dirname, '../../.bench');
const log = join(BENCH, `export-${lines}.log`);
const MB = 1024 * 1024;

async function ensureLog(): Promise<void> {
  if (existsSync(log)) return;
  mkdirSync(BENCH, { recursive: true });
  const out = createWriteStream(log);
  for (const chunk of generateLog({ lines, seed: 7, shapes: true }).chunks)
    if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const peakMB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const rssMB = () => (process.memoryUsage().rss / MB).toFixed(0);

await ensureLog();
const bytes = statSync(log).size;
console.log(`log: ${log} (${(bytes / MB).toFixed(1)} MB, ${lines.toLocaleString()} lines); node ${process.version}`);
let t = performance.now();
const analysis = await readLog(log);
const parseMs = performance.now() - t;
const sum = analysis.summary();
console.log(
  `parse: ${(parseMs / 1000).toFixed(2)} s, ${(bytes / MB / (parseMs / 1000)).toFixed(1)} MB/s; events ${(sum.counts.new + sum.counts.del).toLocaleString()}, live ${sum.live.toLocaleString()}, pairs ${sum.pairs.toLocaleString()}; store ${(analysis.store.byteSize / MB).toFixed(0)} MB; rss ${rssMB()} MB, peak ${peakMB()} MB`,
);
for (const format of ['parquet', 'csv'] as ExportFormat[]) {
  const folder = join(BENCH, `export-out-${format}`);
  rmSync(folder, { recursive: true, force: true });
  t = performance.now();
  const cpu = process.cpuUsage();
  await exportLog(new Engine(analysis), folder, format);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const written = ['events', 'live', 'pairs']
    .map((n) => statSync(join(folder, `${n}.${format}`)).size)
    .reduce((a, b) => a + b, 0);
  console.log(
    `export ${format}: ${(ms / 1000).toFixed(2)} s, ${(bytes / MB / (ms / 1000)).toFixed(1)} MB/s of log (parse + export ${(bytes / MB / ((parseMs + ms) / 1000)).toFixed(1)} MB/s); CPU ${((used.user + used.system) / 1e6).toFixed(2)} s; wrote ${(written / MB).toFixed(1)} MB; rss ${rssMB()} MB, peak ${peakMB()} MB`,
  );
}
