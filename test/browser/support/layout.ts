// What the layout tests measure in a page, in one evaluate (the function runs in the page, so it
// uses nothing from outside itself): page-level overflow, whether each tab is in view, whether the
// table scrolls sideways, which texts are cut short (scrollWidth > clientWidth) among the table's
// header titles and cells and the page's fields and numbers, and how many table rows are wholly
// in view.

export interface Clipped {
  /** 'header', 'field', 'text' (the Summary's and a detail's numbers and facts), or 'cell'. */
  what: 'header' | 'field' | 'text' | 'cell';
  /** A cell's column kind (int, clock, bytes, float, address, text); '' for the others. */
  kind: string;
  text: string;
}

export interface LayoutReport {
  /** How far the page scrolls past the window (0 when it fits). */
  overflowX: number;
  overflowY: number;
  /** Tabs not wholly inside the window (by id). */
  tabsOutOfView: string[];
  /** How far the active table scrolls sideways (0: every column in view; null: no table). */
  gridOverflowX: number | null;
  /** Texts cut short: what they are (a header, a cell of a column kind, a field, a text) and the text. */
  clipped: Clipped[];
  /** Table rows wholly in view below the header (0 without a table). */
  rowsInView: number;
}

/** Runs in the page. */
export function measureLayout(): LayoutReport {
  const doc = document.documentElement;
  const W = window.innerWidth;
  const clipped: { what: 'header' | 'field' | 'text' | 'cell'; kind: string; text: string }[] = [];
  const cut = (el: Element) => el.scrollWidth > el.clientWidth + 1;
  const note = (what: 'header' | 'field' | 'text' | 'cell', el: Element, kind = '') =>
    clipped.push({ what, kind, text: ((el as HTMLInputElement).value ?? el.textContent ?? '').trim().slice(0, 80) });
  // A title cut short sideways, or wrapped onto more lines than its header has room for.
  for (const el of document.querySelectorAll('.grid-header .head-title'))
    if (cut(el) || el.getBoundingClientRect().height > el.closest('.cell')!.getBoundingClientRect().height)
      note('header', el);
  for (const el of document.querySelectorAll('.grid-body .cell'))
    if (cut(el)) note('cell', el, /kind-(\w+)/.exec(el.className)?.[1] ?? '');
  const fields = [...document.querySelectorAll('input')].filter(
    (el) => /^(text|number|search)$/.test(el.type) && el.value !== '' && el.offsetParent !== null,
  );
  for (const el of fields) if (cut(el)) note('field', el);
  for (const el of document.querySelectorAll('.stat-value, .facts dd, .suspect-table td, .detail-panel dd, .chip'))
    if (cut(el)) note('text', el);
  const tabsOutOfView = [...document.querySelectorAll('[role="tab"]')]
    .filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width === 0 || r.left < 0 || r.right > W + 0.5 || r.top < 0 || r.bottom > window.innerHeight;
    })
    .map((t) => t.id);
  const grid = document.querySelector('.grid-scroll');
  let rowsInView = 0;
  if (grid) {
    const box = grid.getBoundingClientRect();
    const head = grid.querySelector('.grid-header')?.getBoundingClientRect();
    const top = head ? head.bottom : box.top;
    const bottom = box.top + grid.clientHeight;
    for (const r of grid.querySelectorAll('.grid-body > .grid-row')) {
      const b = r.getBoundingClientRect();
      if (b.top >= top - 0.5 && b.bottom <= bottom + 0.5) rowsInView++;
    }
  }
  return {
    overflowX: Math.max(0, doc.scrollWidth - doc.clientWidth),
    overflowY: Math.max(0, doc.scrollHeight - doc.clientHeight),
    tabsOutOfView,
    gridOverflowX: grid ? Math.max(0, grid.scrollWidth - grid.clientWidth) : null,
    clipped,
    rowsInView,
  };
}
