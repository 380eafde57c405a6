// Pages of a very long table. Browsers cap an element's height (Firefox near 17.9 million px,
// Chrome near 33.5 million), so a table taller than that could not scroll to its end: past
// PAGE_ROWS rows it is shown a page at a time.

import { useState } from 'react';

export const PAGE_ROWS = 500_000;

export interface RowPages {
  /** The page shown (0-based). */
  page: number;
  pages: number;
  /** Index in the whole table of the page's first row, and the rows on the page. */
  start: number;
  count: number;
  setPage(page: number): void;
}

export function pageOf(index: number): number {
  return Math.floor(index / PAGE_ROWS);
}

export function useRowPages(rowCount: number): RowPages {
  const [wanted, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rowCount / PAGE_ROWS));
  // Kept as asked: while a new epoch's rows are counted the table has one page, then it has them again.
  const page = Math.min(wanted, pages - 1);
  const start = page * PAGE_ROWS;
  return { page, pages, start, count: Math.min(PAGE_ROWS, rowCount - start), setPage };
}
