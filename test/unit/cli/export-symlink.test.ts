// Issue 26, item 8: `reftrace export` never writes through a symlink it did not create: a planted
// `<table>.parquet.partial` (or .csv.partial) link, a link at the final name, or a log's folder that
// is a link, all pointing at a victim file or folder elsewhere.

import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { FIXTURES, SMALL } from '../../support/fixtures.ts';

const DIR = mkdtempSync(join(tmpdir(), 'reftrace-export-symlink-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const FOLDER = '20261125_072703_0_5187_O_0_PY3.13.5';

async function exportTo(out: string, format: string): Promise<number> {
  return main(['export', FIXTURES + SMALL, '--out', out, '--format', format], () => {});
}

describe('reftrace export and symlinks (issue 26)', () => {
  it.each(['parquet', 'csv'])(
    '%s: planted .partial links and a link at the final name are replaced, the victims untouched',
    async (format) => {
      const out = join(DIR, `planted-${format}`);
      const victim = join(DIR, `victim-${format}.txt`);
      writeFileSync(victim, 'precious\n');
      mkdirSync(join(out, FOLDER), { recursive: true });
      symlinkSync(victim, join(out, FOLDER, `events.${format}.partial`));
      symlinkSync(victim, join(out, FOLDER, `live.${format}`));
      symlinkSync(join(DIR, 'nowhere'), join(out, FOLDER, `pairs.${format}.partial`)); // a dangling one
      expect(await exportTo(out, format)).toBe(0);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      expect(existsSync(join(DIR, 'nowhere'))).toBe(false);
      for (const table of ['events', 'live', 'pairs']) {
        const st = lstatSync(join(out, FOLDER, `${table}.${format}`));
        expect(st.isFile() && !st.isSymbolicLink(), table).toBe(true);
        expect(st.size).toBeGreaterThan(100);
      }
      expect(readdirSync(join(out, FOLDER)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    },
  );

  it("a log's folder that is a symlink: refused (exit 2), nothing written where it points", async () => {
    const out = join(DIR, 'folder-link');
    const elsewhere = join(DIR, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, FOLDER));
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (errors.push(s), true)) as typeof process.stderr.write;
    try {
      expect(await exportTo(out, 'parquet')).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join('')).toMatch(/is a symbolic link: not written through/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
