// The installed `reftrace` is plain JavaScript: bin/reftrace.mjs runs dist-cli/reftrace.mjs (built
// by scripts/build-cli.mjs), which is the build of the current source, imports nothing but Node's
// built-ins, and runs with no node_modules at all (so with no tsx).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script with no types
import { buildCli, CLI_OUTFILE } from '../../../scripts/build-cli.mjs';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';

const ROOT = join(FIXTURES, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'reftrace-bin-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Every module a file imports statically or dynamically (import … from 'x', import('x')), in bin/reftrace.mjs's plain style. */
function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'([^']+)'/g)].map((m) => m[1]);
}

const isBuiltin = (m: string) => m.startsWith('node:') || builtinModules.includes(m);

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}
let metafile: Metafile;
const FRESH = join(DIR, 'fresh.mjs');
beforeAll(async () => {
  metafile = await buildCli(FRESH);
});

describe('the built CLI', () => {
  it('dist-cli/reftrace.mjs is the build of the current source (npm run build:cli)', () => {
    expect(
      readFileSync(CLI_OUTFILE, 'utf8') === readFileSync(FRESH, 'utf8'),
      'dist-cli/reftrace.mjs is stale: run npm run build:cli',
    ).toBe(true);
  });

  it('imports only Node built-ins: no tsx, no TypeScript at run time, no package', () => {
    const [output] = Object.values(metafile.outputs);
    const imports = output.imports.map((i) => i.path);
    expect(imports).toContain('node:fs');
    expect(imports.filter((m) => !isBuiltin(m))).toEqual([]);
    expect(output.imports.every((i) => i.external)).toBe(true);
    // Bundled in: the CLI and engine sources and hyparquet-writer; never tsx.
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs.some((f) => f.includes('node_modules/hyparquet-writer/'))).toBe(true);
    expect(inputs.filter((f) => /node_modules\/(tsx|esbuild)\//.test(f))).toEqual([]);
    const bin = readFileSync(join(ROOT, 'bin/reftrace.mjs'), 'utf8');
    expect(importsOf(bin)).toEqual(['node:fs']);
    expect(bin).toContain("new URL('../dist-cli/reftrace.mjs', import.meta.url)");
    expect(bin).not.toMatch(/\btsx\b|\.ts['"]/);
  });

  it('runs --help, analyse and export from a copy with no node_modules anywhere above it', () => {
    for (let d = DIR; d !== dirname(d); d = dirname(d))
      expect(existsSync(join(d, 'node_modules')), `${d}/node_modules`).toBe(false);
    mkdirSync(join(DIR, 'bin'));
    mkdirSync(join(DIR, 'dist-cli'));
    copyFileSync(join(ROOT, 'bin/reftrace.mjs'), join(DIR, 'bin/reftrace.mjs'));
    copyFileSync(CLI_OUTFILE, join(DIR, 'dist-cli/reftrace.mjs'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(DIR, 'bin/reftrace.mjs'), ...args], {
        encoding: 'utf8',
        cwd: DIR,
        env: { PATH: process.env.PATH },
      });
    const help = run('--help');
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^usage: reftrace <command>/);
    for (const command of ['analyse', 'snapshot', 'growth', 'export'])
      expect(help.stdout).toContain(`reftrace ${command} <file>`);
    const analyse = run('analyse', FIXTURES + SMALL, '--json');
    expect(analyse.status).toBe(0);
    expect(JSON.parse(analyse.stdout)).toMatchObject({ live: 61, pairs: 110, counts: { new: 171, del: 119 } });
    const exported = run('export', FIXTURES + SMALL, '--out', join(DIR, 'out'));
    expect([exported.status, exported.stderr]).toEqual([0, '']);
    expect(readdirSync(join(DIR, 'out/20261125_072703_0_5187_O_0_PY3.13.5')).sort()).toEqual([
      'events.parquet',
      'live.parquet',
      'pairs.parquet',
      'runs.parquet',
    ]);
  });

  it('a missing build is one line and exit 2', () => {
    const lone = join(DIR, 'lone');
    mkdirSync(join(lone, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin/reftrace.mjs'), join(lone, 'bin/reftrace.mjs'));
    const r = spawnSync(process.execPath, [join(lone, 'bin/reftrace.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'reftrace: dist-cli/reftrace.mjs is missing: run `npm run build:cli` (npm install runs it)\n',
    );
  });
});
