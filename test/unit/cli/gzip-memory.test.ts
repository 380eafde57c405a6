// Issue 26, item 2: a small .gz never makes the CLI use memory in proportion to what it inflates
// to: a bomb whose CRC is wrong (read to its end, then the error), as a main file and as a
// --recurse-files child. Before, the CLI inflated such a file whole in memory a second time
// (a 2 MB bomb of 2 GiB: 4.3 GB peak); now both stream (91 MB).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';
import { fixture } from '../../support/fixtures.ts';

const DIR = mkdtempSync(join(tmpdir(), 'reftrace-gz-memory-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const BUILT = join(FIXTURES, '../../dist-cli/reftrace.mjs');

/**
 * The built CLI's exit status, stderr and peak RSS (MB) on `args`: the kernel's high-water mark of
 * the process (VmHWM; getrusage's maxRSS would keep the forking test process's across exec).
 */
function runMeasured(args: string[]): { status: number | null; stderr: string; peakMb: number } {
  const script = `import { readFileSync } from 'node:fs';
process.argv = [process.argv[0], 'reftrace', ...${JSON.stringify(args)}];
process.on('exit', () => process.stderr.write('PEAK ' + /VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1] + '\\n'));
await import(${JSON.stringify(BUILT)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const peak = Number(/PEAK (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { status: r.status, stderr: r.stderr, peakMb: peak / 1024 };
}

/** The start of the small sample, then zeros to 256 MiB, gzipped (about 256 KB), with its CRC damaged. */
function badCrcBomb(): Buffer {
  const plain = Buffer.alloc(256 << 20);
  plain.set(fixture(SMALL).subarray(0, 20_000));
  const gz = gzipSync(plain, { level: 9 });
  gz[gz.length - 8] ^= 0xff;
  return gz;
}

describe('gzip in the CLI: bounded memory (issue 26)', () => {
  const bomb = badCrcBomb();
  writeFileSync(join(DIR, 'bomb.log.gz'), bomb);
  writeFileSync(join(DIR, 'child.log.gz'), bomb);
  writeFileSync(
    join(DIR, 'parent.log'),
    'SOF\nMSG:     0.1 # Detaching this Reference Tracing file wrapper. New file: child.log.gz\nEOF\n',
  );

  it('a bad-CRC bomb (256 KB → 256 MiB) as a main file: read to its end, the read-error said, under 200 MB', () => {
    expect(bomb.length).toBeLessThan(1 << 20);
    const r = runMeasured(['analyse', join(DIR, 'bomb.log.gz'), '--json']);
    expect(r.stderr).not.toMatch(/Error:/);
    expect(r.peakMb).toBeLessThan(200);
  });

  it('the same bomb as a --recurse-files child: under 200 MB', () => {
    const r = runMeasured(['analyse', join(DIR, 'parent.log'), '--recurse-files', '--json']);
    expect(r.status).toBe(0);
    expect(r.peakMb).toBeLessThan(200);
  });
});
