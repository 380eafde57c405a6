// Rows of one table, fetched from the worker in blocks around the visible range. The page never
// holds a whole table: a few blocks are cached, the rest are asked for again when scrolled back to.
// A new query (a filter keystroke) is sent at once unless another is in flight; then only the
// newest waits for it (LatestQueryGate), and answers to older queries are dropped.

import { useEffect, useReducer, useRef, useState } from 'react';
import type { Row } from '../../engine/types.ts';
import { sameEpoch, type DataEpoch } from '../data/data-epoch.ts';
import { LatestQueryGate, Superseded } from '../data/latest-query.ts';
import type { RowQuery, RowSource } from '../data/row-source.ts';

export const BLOCK_ROWS = 200;
/** Blocks kept; the furthest from the visible range go first. */
const MAX_BLOCKS = 12;

export interface RowWindow {
  /** Identity of the query (not of the data); changes when sort, filter or table change. */
  key: string;
  matched: number | null;
  total: number | null;
  rowAt(index: number): Row | undefined;
  error: string | null;
  /** True while a block for the current query is on its way. */
  loading: boolean;
}

interface Block {
  version: number;
  rows: Row[];
}

/** The rows of one query over one epoch of the data. */
class RowCache {
  blocks = new Map<number, Block>();
  /** Block → data version requested. */
  pending = new Map<number, number>();
  matched: number | null = null;
  total: number | null = null;
  countVersion = -1;
  error: string | null = null;
  /** Names the query and its epoch for the gate: requests with one key are one query. */
  readonly gateKey: string;
  constructor(
    readonly epoch: DataEpoch,
    readonly queryKey: string,
    readonly query: RowQuery,
  ) {
    this.gateKey = `${JSON.stringify(epoch)}|${queryKey}`;
  }
}

/**
 * `version` bumps keep the rows on screen until fresh ones arrive (no flicker while parsing);
 * a new `epoch` (the parse ended) drops them, so nothing from a partial parse shows after Done.
 */
export function useRowWindow(
  source: RowSource,
  q: RowQuery,
  version: number,
  epoch: DataEpoch,
  first: number,
  last: number,
): RowWindow {
  const queryKey = `${source.id}|${JSON.stringify(q)}`;
  const [cache, setCache] = useState(() => new RowCache(epoch, queryKey, q));
  // A new query or epoch starts from an empty cache: rows of the old order must never show under the
  // new one (React renders again at once, before this render's rows are shown).
  if (cache.queryKey !== queryKey || !sameEpoch(cache.epoch, epoch)) setCache(new RowCache(epoch, queryKey, q));
  /** The cache on screen: answers for another one need no new render. */
  const shown = useRef(cache);
  useEffect(() => {
    shown.current = cache;
  }, [cache]);
  const [gate] = useState(() => new LatestQueryGate());
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const firstBlock = Math.floor(Math.max(0, first) / BLOCK_ROWS);
  const lastBlock = Math.max(firstBlock, Math.floor(Math.max(0, last) / BLOCK_ROWS));

  useEffect(() => {
    const c = cache;
    for (let b = firstBlock; b <= lastBlock; b++) {
      if (c.blocks.get(b)?.version === version || c.pending.get(b) === version) continue;
      c.pending.set(b, version);
      gate
        .run(c.gateKey, () => source.rows(c.query, b * BLOCK_ROWS, BLOCK_ROWS))
        .then(
          (w) => {
            if (c.pending.get(b) === version) c.pending.delete(b);
            const had = c.blocks.get(b);
            if (!had || had.version <= version) c.blocks.set(b, { version, rows: w.rows });
            if (version >= c.countVersion) {
              c.countVersion = version;
              c.matched = w.matched;
              c.total = w.total;
            }
            c.error = null;
            evict(c, firstBlock, lastBlock);
            if (shown.current === c) rerender();
          },
          (e: unknown) => {
            if (c.pending.get(b) === version) c.pending.delete(b);
            // A newer query replaced this one before it was sent: nothing went wrong.
            if (e instanceof Superseded) return;
            c.error = e instanceof Error ? e.message : String(e);
            if (shown.current === c) rerender();
          },
        );
    }
  }, [cache, gate, source, version, firstBlock, lastBlock]);

  return {
    key: queryKey,
    matched: cache.matched,
    total: cache.total,
    rowAt: (i) => cache.blocks.get(Math.floor(i / BLOCK_ROWS))?.rows[i % BLOCK_ROWS],
    error: cache.error,
    loading: cache.pending.size > 0,
  };
}

function evict(c: RowCache, first: number, last: number): void {
  if (c.blocks.size <= MAX_BLOCKS) return;
  const far = [...c.blocks.keys()].sort((a, b) => distance(b, first, last) - distance(a, first, last));
  for (const b of far.slice(0, c.blocks.size - MAX_BLOCKS)) c.blocks.delete(b);
}

function distance(b: number, first: number, last: number): number {
  return b < first ? first - b : b > last ? b - last : 0;
}
