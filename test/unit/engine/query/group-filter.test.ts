// The exact site and type filter of the event tables ("the objects of this site"): against a plain
// walk over the rows, with the text filter, a view and the ignore list, and for names not in the log.

import { describe, expect, it } from 'vitest';
import { analyseChunks } from '../../../../src/engine/analysis.ts';
import { Engine } from '../../../../src/engine/engine.ts';
import type { Row, TableQuery } from '../../../../src/engine/types.ts';
import { generateLog, SHAPES } from '../../../support/reflog-generator.ts';

const bytes = new Uint8Array(
  Buffer.concat([...generateLog({ lines: 6000, seed: 61, shapes: true, leakEvery: 0, oddNames: true }).chunks]),
);
const queries = new Engine(analyseChunks([bytes])).tables;
const [file, line, fn] = SHAPES.leak.site;
const leakSite = { file, line, function: fn };

function rows(q: Omit<TableQuery, 'offset' | 'limit'>): Row[] {
  return queries.page({ ...q, offset: 0, limit: 1e9, fullPath: true }).rows;
}

describe('the exact site and type filter', () => {
  it('keeps the rows of one site, or one type, and nothing else', () => {
    for (const table of ['live', 'pairs'] as const) {
      const all = rows({ table });
      const bySite = rows({ table, filter: { site: leakSite } });
      const siteOf = (r: Row) =>
        table === 'live' ? [r.file, r.line, r.function] : [r.newFile, r.newLine, r.newFunction];
      expect(bySite).toEqual(all.filter((r) => JSON.stringify(siteOf(r)) === JSON.stringify([file, line, fn])));
      const byType = rows({ table, filter: { type: 'str' } });
      expect(byType.length).toBeGreaterThan(0);
      expect(byType).toEqual(all.filter((r) => r.type === 'str'));
    }
    expect(rows({ table: 'live', filter: { site: leakSite } }).length).toBeGreaterThan(50);
  });

  it('the type is exact: "str" is not a substring match', () => {
    const types = new Set(rows({ table: 'pairs', filter: { text: 'str' } }).map((r) => r.type));
    expect(types.size).toBeGreaterThan(1);
    expect(new Set(rows({ table: 'pairs', filter: { type: 'str' } }).map((r) => r.type))).toEqual(new Set(['str']));
  });

  it('goes with the text filter, a view and the ignore list, and the cache tells the filters apart', () => {
    const all = rows({ table: 'live', filter: { type: SHAPES.leak.type } });
    const mid = Number(all[Math.floor(all.length / 2)].clock);
    const at = rows({ table: 'live', view: { at: mid }, filter: { type: SHAPES.leak.type } });
    expect(at.map((r) => r.address)).toEqual(all.filter((r) => Number(r.clock) <= mid).map((r) => r.address));
    expect(rows({ table: 'live', filter: { type: SHAPES.leak.type, text: 'cache.py' } })).toEqual([]);
    expect(rows({ table: 'live', filter: { site: leakSite }, ignore: { types: [], files: ['leaky.py'] } })).toEqual([]);
    // The same sort and text with another site: a new answer, not the cached one.
    const cache = rows({
      table: 'live',
      filter: { site: { file: SHAPES.cache.site[0], line: SHAPES.cache.site[1], function: SHAPES.cache.site[2] } },
    });
    expect(cache.length).toBeGreaterThan(0);
    expect(new Set(cache.map((r) => r.type))).toEqual(new Set([SHAPES.cache.type]));
  });

  it('a name the log does not have keeps no row; a base name is not the full path', () => {
    expect(rows({ table: 'live', filter: { type: 'NoSuchType' } })).toEqual([]);
    expect(rows({ table: 'live', filter: { site: { ...leakSite, line: line + 1 } } })).toEqual([]);
    expect(rows({ table: 'live', filter: { site: { ...leakSite, file: 'leaky.py' } } })).toEqual([]);
  });
});
