// Number and text formatting for the page. en-US is fixed on purpose: the numbers are compared
// with the CLI's output and read by tests, so they must not change with the browser's locale.

import type { Cell, ColumnInfo } from '../engine/types.ts';

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const floatFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function fmtInt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return intFmt.format(n);
}

/** Clocks are process CPU seconds; 6 decimals like the log itself. */
export function fmtClock(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return n.toFixed(6);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 15687680 → "15.0 MiB". */
export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const sign = n < 0 ? '−' : '';
  return u === 0 ? `${sign}${intFmt.format(v)} B` : `${sign}${oneDecimal.format(v)} ${UNITS[u]}`;
}

/** Decimal megabytes, as used for file sizes and throughput (10^6, like the worker's MB/s). */
export function fmtMB(n: number): string {
  return `${oneDecimal.format(n / 1e6)} MB`;
}

export function fmtSeconds(ms: number): string {
  return ms < 1000 ? `${intFmt.format(ms)} ms` : `${oneDecimal.format(ms / 1000)} s`;
}

/** A difference: +20, −20 (a minus sign), 0. */
/** A rate (objects per second): whole numbers from 100 on, else two significant digits. */
export function fmtRate(x: number): string {
  return x >= 100 ? fmtInt(Math.round(x)) : x >= 1 ? x.toFixed(1) : x.toPrecision(2);
}

export function fmtSigned(n: number): string {
  return n > 0 ? `+${intFmt.format(n)}` : n < 0 ? `−${intFmt.format(-n)}` : '0';
}

export function fmtPercent(part: number, whole: number): string {
  if (!whole) return '';
  return `${Math.min(100, Math.floor((part / whole) * 100))}%`;
}

export interface CellText {
  text: string;
  /** Secondary text for a tooltip (exact or human-readable form). */
  title?: string;
  muted?: boolean;
  /** Extra class for the cell (a comparison's growth or shrinkage). */
  className?: string;
}

/** Columns holding a difference (the comparison's Δ columns): signed, and marked up or down. */
export function isDeltaColumn(id: string): boolean {
  return /Diff$/.test(id);
}

/** Line numbers (source and log) read like file.py:1357, without thousands separators. */
export function isLineColumn(id: string): boolean {
  return /(^l|L)ine$/.test(id);
}

/** How one table cell reads, by the column's kind. */
/** Characters of a text cell shown, and in its tooltip. */
export const CELL_TEXT_MAX = 500;
export const CELL_TITLE_MAX = 2000;

export function fmtCell(kind: ColumnInfo['kind'], v: Cell, columnId = ''): CellText {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return { text: '—', muted: true };
  switch (kind) {
    case 'int':
      if (isLineColumn(columnId)) return { text: String(v) };
      if (isDeltaColumn(columnId) && typeof v === 'number') {
        if (v === 0) return { text: '0', muted: true };
        const text = fmtSigned(v);
        // Colour only where growth is the warning sign: live objects.
        return columnId === 'liveDiff' ? { text, className: v > 0 ? 'delta-up' : 'delta-down' } : { text };
      }
      return { text: typeof v === 'number' ? intFmt.format(v) : String(v) };
    case 'float':
      return { text: typeof v === 'number' ? floatFmt.format(v) : String(v) };
    case 'clock':
      return { text: typeof v === 'number' ? v.toFixed(6) : String(v) };
    case 'bytes':
      return typeof v === 'number' ? { text: intFmt.format(v), title: fmtBytes(v) } : { text: String(v) };
    case 'address':
    case 'text': {
      // A name can be 64 KiB long: a cell shows its start (laying out all of it in every cell
      // blocked the page), the tooltip a little more; the row's detail and exports have it whole.
      const t = String(v);
      return {
        text: t.length > CELL_TEXT_MAX ? `${t.slice(0, CELL_TEXT_MAX)}…` : t,
        title: t.length > CELL_TITLE_MAX ? `${t.slice(0, CELL_TITLE_MAX)}… (${intFmt.format(t.length)} characters)` : t,
      };
    }
  }
}

/** Plain decimal (no exponent) for clocks written into the URL. */
export function clockToUrl(n: number): string {
  return n.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * The start of export file names for a log: its file name without folders, query or the
 * .log/.txt/.gz extensions ("…/run.log.gz" → "run"); the first of several; "reftrace" if none.
 */
export function logFileStem(name: string): string {
  const first = name.split(', ')[0] ?? '';
  let base =
    first
      .replace(/[?#].*$/, '')
      .split(/[/\\]/)
      .pop() ?? '';
  try {
    base = decodeURIComponent(base);
  } catch {
    // keep it as written
  }
  base = base.replace(/(\.gz)$/i, '').replace(/\.(log|txt)$/i, '');
  // eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
  base = base.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_').trim();
  return base || 'reftrace';
}
