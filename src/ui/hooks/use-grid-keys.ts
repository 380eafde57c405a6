// Keyboard navigation of a grid that is one Tab stop: ArrowUp/ArrowDown, PageUp/PageDown and
// Home/End move the active row (shown through aria-activedescendant and scrolled into view),
// across pages too; Enter opens it when the table's rows open something (Shift+Enter: extends a
// range, as a shift-click does).

import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { FixedRows } from './use-fixed-rows.ts';
import { pageOf, type RowPages } from './use-row-pages.ts';

export interface GridKeys {
  /** The keyboard's row (index in the whole filtered table), or null before the first key. */
  active: number | null;
  setActive(index: number | null): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocus(e: FocusEvent<HTMLElement>): void;
}

export function useGridKeys(
  count: number,
  pages: RowPages,
  view: FixedRows,
  onEnter?: (index: number, shift: boolean) => void,
): GridKeys {
  const [active, setActive] = useState<number | null>(null);

  // A pending scroll to a row on another page: done once that page is the one rendered.
  const scrollTarget = useRef<number | null>(null);
  useEffect(() => {
    const target = scrollTarget.current;
    if (target === null || pageOf(target) !== pages.page) return;
    scrollTarget.current = null;
    view.scrollToIndex(target - pages.start);
  });

  const moveTo = (index: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    if (pageOf(next) !== pages.page) {
      pages.setPage(pageOf(next));
      scrollTarget.current = next;
    } else {
      view.scrollToIndex(next - pages.start);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Keys on a header button (Enter/Space sort) or any other control in the grid are theirs.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const firstVisible = pages.start + view.firstVisible;
    // Rows in the viewport less one, so a page step keeps one row of context.
    const pageSize = Math.max(1, view.rowsInView - 1);
    const at = active ?? firstVisible - 1;
    if (e.key === 'Enter' && onEnter) {
      if (active === null) return;
      e.preventDefault();
      onEnter(active, e.shiftKey);
      return;
    }
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = active === null ? firstVisible : at + 1;
        break;
      case 'ArrowUp':
        next = active === null ? firstVisible : at - 1;
        break;
      case 'PageDown':
        next = (active ?? firstVisible) + pageSize;
        break;
      case 'PageUp':
        next = (active ?? firstVisible) - pageSize;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    // Tabbing in makes the first row in view the active one, so the arrow keys start there.
    if (e.target === e.currentTarget && active === null && count > 0) setActive(pages.start + view.firstVisible);
  };

  return { active, setActive, onKeyDown, onFocus };
}
