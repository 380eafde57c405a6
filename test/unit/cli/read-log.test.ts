// The CLI reads a plain log in 4 MiB pieces, two buffers in turn: a log of several pieces must give
// the store and report of the same bytes parsed in one piece.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../src/engine/analysis.ts';
import { readLog } from '../../../src/cli/read-log.ts';
import { generateLog } from '../../support/reflog-generator.ts';
import { storeDigest } from '../../support/store-digest.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readLog', () => {
  it('reads a log of several pieces as the same bytes in one piece', async () => {
    const bytes = Buffer.concat([...generateLog({ lines: 45_000, seed: 11, shapes: true }).chunks]);
    expect(bytes.length).toBeGreaterThan(2 * (4 << 20)); // three pieces, the last one short
    const path = join(dir, 'three-pieces.log');
    writeFileSync(path, bytes);
    const read = await readLog(path);
    const whole = analyseChunks([new Uint8Array(bytes)], path);
    expect(read.summary().lines).toBe(45_000 + 4);
    expect(storeDigest(read)).toBe(storeDigest(whole));
    expect(read.jsonReport()).toEqual(whole.jsonReport());
  });
});
