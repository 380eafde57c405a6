// Logs from pymemtrace before 0.6: the third column is titled RefCnt (it held the object's reference
// count). They read without a problem, with the same numbers, and the column keeps its title.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../../src/engine/analysis.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import { fixture, SMALL } from '../../../support/fixtures.ts';
import { generateLog } from '../../../support/reflog-generator.ts';

function withRefCnt(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const changed = text.replace(/^(HDR:.*?)LiveCnt/m, '$1 RefCnt');
  expect(changed).not.toBe(text);
  return new Uint8Array(Buffer.from(changed, 'latin1'));
}

describe('a RefCnt title (pymemtrace before 0.6)', () => {
  it.each([
    ['the small sample', fixture(SMALL)],
    ['a generated log', new Uint8Array(Buffer.concat([...generateLog({ lines: 3000, seed: 61 }).chunks]))],
    [
      'a generated log with Sizeof',
      new Uint8Array(Buffer.concat([...generateLog({ lines: 3000, seed: 62, sizeof: true }).chunks])),
    ],
  ])('%s: no problem, the same numbers, the column shown as RefCnt', (_, bytes) => {
    const now = analyseChunks([bytes]);
    const old = analyseChunks([withRefCnt(bytes)]);
    expect(old.jsonReport().problems).toEqual(now.jsonReport().problems);
    expect({ ...old.jsonReport(), problems: [] }).toEqual({ ...now.jsonReport(), problems: [] });
    expect(old.summary().headerColumns).toContain('RefCnt');
    const q = new Engine(old).tables;
    expect(q.columns('live').find((c) => c.id === 'liveCnt')?.title).toBe('RefCnt');
    expect(new Engine(now).tables.columns('live').find((c) => c.id === 'liveCnt')?.title).toBe('LiveCnt');
    expect(q.page({ table: 'live', offset: 0, limit: 3 }).rows).toEqual(
      new Engine(now).tables.page({ table: 'live', offset: 0, limit: 3 }).rows,
    );
  });
});
