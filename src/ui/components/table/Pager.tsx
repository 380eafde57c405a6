// Moves between the pages of a table too tall for one scrolling element (see use-row-pages.ts).

import { fmtInt } from '../../format.ts';
import type { RowPages } from '../../hooks/use-row-pages.ts';

export function Pager({ pages, onPage }: { pages: RowPages; onPage: (page: number) => void }) {
  if (pages.pages <= 1) return null;
  return (
    <span className="pager" data-testid="pager">
      <button
        type="button"
        className="btn btn-small"
        disabled={pages.page === 0}
        onClick={() => onPage(pages.page - 1)}
        aria-label="Previous rows"
      >
        ‹
      </button>
      Rows {fmtInt(pages.start + 1)}–{fmtInt(pages.start + pages.count)}
      <button
        type="button"
        className="btn btn-small"
        disabled={pages.page >= pages.pages - 1}
        onClick={() => onPage(pages.page + 1)}
        aria-label="Next rows"
      >
        ›
      </button>
    </span>
  );
}
