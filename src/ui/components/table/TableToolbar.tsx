// Above a table: its own controls (if any), the filter box, the row count, notes on the clock
// window and the sort, the pager, export, and the Full paths toggle.

import type { ReactNode, RefObject } from 'react';
import { fmtInt } from '../../format.ts';
import type { TableExport } from '../../hooks/use-export.ts';
import type { RowPages } from '../../hooks/use-row-pages.ts';
import { Pager } from './Pager.tsx';
import { ExportButtons } from './TableExport.tsx';

export interface FilterBox {
  /** What the box filters (its accessible name is "Filter <label>"). */
  label: string;
  text: string;
  placeholder?: string;
  onChange: (text: string) => void;
}

export interface TableToolbarProps {
  /** Controls before the filter box (e.g. a sub-table toggle). */
  start?: ReactNode;
  filter: FilterBox;
  /** The filter box's element (for the "/" key). */
  filterRef: RefObject<HTMLInputElement | null>;
  /** Rows matching the filter (null until counted) and in the table. */
  counts: { matched: number | null; total: number | null };
  notes: { clockWindowIgnored: boolean; sortKeys: number };
  paging: { pages: RowPages; onPage: (page: number) => void };
  exp: TableExport;
  /** The Full paths toggle, or null when the table has no file names to show in full. */
  fullPath: { checked: boolean; onChange: (full: boolean) => void } | null;
}

export function TableToolbar({ start, filter, filterRef, counts, notes, paging, exp, fullPath }: TableToolbarProps) {
  return (
    <div className="table-toolbar">
      {start}
      <input
        ref={filterRef}
        type="search"
        className="filter"
        data-testid="table-filter"
        aria-label={`Filter ${filter.label}`}
        placeholder={filter.placeholder ?? 'Filter…  (press / )'}
        value={filter.text}
        onChange={(e) => filter.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') filter.onChange('');
        }}
        spellCheck={false}
      />
      <span className="count" aria-live="polite">
        <span data-testid="table-count">
          {counts.matched === null ? '…' : `${fmtInt(counts.matched)} of ${fmtInt(counts.total)}`}
        </span>
        <span className="muted"> rows</span>
      </span>
      {notes.clockWindowIgnored && (
        <span className="note">Totals for the whole log: the clock window does not apply here.</span>
      )}
      {notes.sortKeys > 1 && <span className="note">Sorted by {notes.sortKeys} columns (shift-click to add)</span>}
      <Pager pages={paging.pages} onPage={paging.onPage} />
      <span className="spacer" />
      <ExportButtons exp={exp} />
      {fullPath && (
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="full-path"
            checked={fullPath.checked}
            onChange={(e) => fullPath.onChange(e.target.checked)}
          />
          Full paths
        </label>
      )}
    </div>
  );
}
