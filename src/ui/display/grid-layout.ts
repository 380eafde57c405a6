// The grid's geometry: column widths for the CSS grid every row uses, by the column's kind and id,
// and row heights (one for all rows, so the rows in view follow from the scroll position).

import type { ColumnInfo } from '../../engine/types.ts';

export const ROW_HEIGHT = 26;
export const HEADER_HEIGHT = 30;

export interface ColumnLayout {
  template: string;
  /** Sum of the minimum widths: below it the table scrolls sideways instead of squeezing. */
  minWidth: number;
}

function isFileColumn(id: string): boolean {
  return id === 'file' || /File$/.test(id) || id === 'source';
}

function width(c: ColumnInfo, fullPath: boolean): [min: number, track: string] {
  switch (c.kind) {
    case 'address':
      return [136, '136px'];
    case 'clock':
      return [104, '104px'];
    case 'bytes':
      return [116, '116px'];
    case 'float':
      return [92, '92px'];
    case 'int':
      return /line$|Line$/.test(c.id) ? [76, '76px'] : [92, '92px'];
    case 'text':
      if (c.id === 'kind') return [84, '84px'];
      if (c.id === 'text' || c.id === 'detail' || c.id === 'message') return [320, 'minmax(320px, 5fr)'];
      if (isFileColumn(c.id)) return fullPath ? [280, 'minmax(280px, 2.5fr)'] : [130, 'minmax(130px, 1fr)'];
      if (/ype$/.test(c.id)) return [160, 'minmax(160px, 1.3fr)'];
      return [140, 'minmax(140px, 1fr)'];
  }
}

let measureCtx: CanvasRenderingContext2D | null | undefined;

/** Room for the header text (bold, as drawn) plus padding and the sort mark, so no title is cut short. */
function titleWidth(title: string): number {
  if (measureCtx === undefined) {
    measureCtx = document.createElement('canvas').getContext('2d');
    if (measureCtx) {
      const root = getComputedStyle(document.documentElement);
      measureCtx.font = `600 ${root.fontSize || '13px'} ${root.fontFamily || 'sans-serif'}`;
    }
  }
  // Padding 16 + gap 4 + sort mark 8, and a few pixels for rounding and a multi-sort index.
  const text = measureCtx ? measureCtx.measureText(title).width : title.length * 8;
  return Math.ceil(text) + 36;
}

export function columnLayout(columns: ColumnInfo[], fullPath: boolean): ColumnLayout {
  let minWidth = 0;
  const tracks = columns.map((c) => {
    const [kindMin, track] = width(c, fullPath);
    const min = Math.max(kindMin, titleWidth(c.title));
    minWidth += min;
    if (min === kindMin) return track;
    return track.startsWith('minmax(') ? track.replace(/^minmax\(\d+px/, `minmax(${min}px`) : `${min}px`;
  });
  return { template: tracks.join(' '), minWidth };
}

export function hasFileColumn(columns: ColumnInfo[]): boolean {
  return columns.some((c) => isFileColumn(c.id) && c.id !== 'source');
}
