// Which rows of a fixed-height list are in view: from the scroll position and the viewport height,
// in constant time. (A general virtualiser rebuilds a measurement per row whenever the row count
// changes, once a second while a parse grows the table, in time that grows with the rows; rows here all
// have one height, so the arithmetic is enough.) No layout is read while rendering: the height
// comes from a ResizeObserver entry, the scroll position from scroll events.

import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface FixedRowsOptions {
  rowHeight: number;
  /** Height of the sticky header above the rows (inside the scroll element). */
  headerHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
}

export interface FixedRows {
  /** First and last row to render (inclusive); last < first when there are none. */
  first: number;
  last: number;
  /** First row wholly in view (below the header). */
  firstVisible: number;
  /** Rows that fit in the viewport below the header. */
  rowsInView: number;
  /** Scrolls as little as needed to show row `index` below the header. */
  scrollToIndex(index: number): void;
  scrollToTop(): void;
}

/** Until the first ResizeObserver report: enough rows for a tall window, so the first paint has them. */
const GUESS_HEIGHT = 1200;

export function useFixedRows(ref: RefObject<HTMLElement | null>, count: number, o: FixedRowsOptions): FixedRows {
  const [view, setView] = useState({ top: 0, height: GUESS_HEIGHT });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      const top = el.scrollTop;
      setView((v) => (v.top === top ? v : { ...v, top }));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver((entries) => {
      const height = Math.round(entries[entries.length - 1].contentRect.height);
      setView((v) => (v.height === height ? v : { ...v, height }));
    });
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
    };
  }, [ref]);

  const { rowHeight, headerHeight, overscan } = o;
  const rowsArea = Math.max(0, view.height - headerHeight);
  const firstVisible = Math.min(Math.max(0, count - 1), Math.floor(view.top / rowHeight));
  const lastVisible = Math.min(count - 1, Math.floor((view.top + rowsArea - 1) / rowHeight));
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(count - 1, lastVisible + overscan);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const top = el.scrollTop;
      const rowTop = index * rowHeight;
      if (rowTop < top) el.scrollTop = rowTop;
      else if (rowTop + rowHeight > top + rowsArea) el.scrollTop = rowTop + rowHeight - rowsArea;
    },
    [ref, rowHeight, rowsArea],
  );
  const scrollToTop = useCallback(() => ref.current?.scrollTo({ top: 0 }), [ref]);

  return {
    first,
    last,
    firstVisible,
    rowsInView: Math.max(1, Math.floor(rowsArea / rowHeight)),
    scrollToIndex,
    scrollToTop,
  };
}
