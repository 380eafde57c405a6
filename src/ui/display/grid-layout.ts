// The grid's geometry: column widths for the CSS grid every row uses, and row heights (one for all
// rows, so the rows in view follow from the scroll position).
//
// A column is as wide as what it shows: its title (on up to two lines) and the widest of its cells
// measured so far (DataTable measures the rows it draws). Numbers, clocks and addresses get exactly
// that, so they are never cut short; a text column may give up width down to its title's when the
// table is wider than the page (the grid shares the shortage between the text columns, whose cells
// then end in "…" and show the whole text on hover), and the grid scrolls sideways only when even
// that does not fit.

import type { ColumnInfo } from '../../engine/types.ts';

export const ROW_HEIGHT = 26;
/** Room for a title on two lines. */
export const HEADER_HEIGHT = 36;

export interface ColumnLayout {
  template: string;
  /** Sum of the minimum widths: below it the table scrolls sideways instead of squeezing. */
  minWidth: number;
}

/** The widest text measured in each column, in pixels (by column id). */
export type ContentWidths = Readonly<Record<string, number>>;

/** A cell's horizontal padding (6 + 6, table.css) and a pixel or two for rounding. */
const CELL_PAD = 14;
/** A header's padding (6 on the left, 10 on the right, where the sort mark sits) and a pixel or two. */
const HEAD_PAD = 18;
/** A text column gives up width down to this (or its title's width). */
const TEXT_MIN = 60;
/** A text column never asks for more than this (full paths: more); longer texts end in "…". */
const TEXT_MAX = 460;
const PATH_MAX = 720;

function isFileColumn(id: string): boolean {
  return id === 'file' || /File$/.test(id) || id === 'source';
}

/** The narrowest a column of this kind is, whatever it holds (its values' usual width). */
function floorOf(c: ColumnInfo): number {
  switch (c.kind) {
    case 'address':
      return 90;
    case 'clock':
      return 64;
    case 'bytes':
      return 60;
    case 'float':
      return 56;
    case 'int':
      return 44;
    case 'text':
      return TEXT_MIN;
  }
}

let measureCtx: CanvasRenderingContext2D | null | undefined;

function context(): CanvasRenderingContext2D | null {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  return measureCtx;
}

const widthCache = new Map<string, number>();

/** The width of `text` in a font (`600 13px` …), as drawn; a rough estimate without a canvas. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\n${text}`;
  const hit = widthCache.get(key);
  if (hit !== undefined) return hit;
  const ctx = context();
  let w: number;
  if (ctx) {
    ctx.font = font;
    w = ctx.measureText(text).width;
  } else w = text.length * 8;
  if (widthCache.size > 20_000) widthCache.clear();
  widthCache.set(key, w);
  return w;
}

/** The page's fonts (family, size, the monospace family), read once. */
let pageFont: { family: string; size: string; mono: string } | undefined;

/** A CSS font of the page: its family (or its monospace one) at its size (or `size`). */
export function fontOf(weight: string, mono = false, size?: string): string {
  if (!pageFont) {
    const root = getComputedStyle(document.documentElement);
    pageFont = {
      family: root.fontFamily || 'sans-serif',
      size: root.fontSize || '13px',
      mono: root.getPropertyValue('--mono').trim() || 'monospace',
    };
  }
  return `${weight} ${size ?? pageFont.size} ${mono ? pageFont.mono : pageFont.family}`;
}

/** The narrowest width at which `title` wraps onto at most two lines (between its longest word and one line). */
function titleWidth(title: string): { twoLines: number; oneLine: number } {
  const font = fontOf('600');
  const words = title.split(/\s+/);
  const space = textWidth(' ', font);
  const widths = words.map((w) => textWidth(w, font));
  const oneLine = textWidth(title, font);
  const lines = (width: number) => {
    let n = 1;
    let x = 0;
    for (const w of widths) {
      if (x > 0 && x + space + w > width) {
        n++;
        x = w;
      } else x += (x > 0 ? space : 0) + w;
    }
    return n;
  };
  let lo = Math.max(...widths);
  let hi = oneLine;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (lines(mid) <= 2) hi = mid;
    else lo = mid;
  }
  return { twoLines: Math.ceil(lines(lo) <= 2 ? lo : hi), oneLine: Math.ceil(oneLine) };
}

export function columnLayout(columns: ColumnInfo[], fullPath: boolean, content: ContentWidths = {}): ColumnLayout {
  let minWidth = 0;
  const tracks = columns.map((c) => {
    const title = titleWidth(c.title);
    const head = title.twoLines + HEAD_PAD;
    const cells = Math.ceil(content[c.id] ?? 0) + CELL_PAD;
    if (c.kind !== 'text') {
      const w = Math.max(head, cells, floorOf(c));
      minWidth += w;
      return `${w}px`;
    }
    const min = Math.max(head, TEXT_MIN);
    const max = isFileColumn(c.id) && fullPath ? PATH_MAX : TEXT_MAX;
    const want = Math.max(min, Math.min(max, Math.max(cells, title.oneLine + HEAD_PAD)));
    minWidth += min;
    return want > min ? `minmax(${min}px, ${want}px)` : `${min}px`;
  });
  return { template: tracks.join(' '), minWidth };
}

export function hasFileColumn(columns: ColumnInfo[]): boolean {
  return columns.some((c) => isFileColumn(c.id) && c.id !== 'source');
}
