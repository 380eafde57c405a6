// The view tabs: a navigation landmark holding an ARIA tablist (buttons with role=tab, the selected
// one the only Tab stop); ← and → move between them, Home and End go to the first and last. Every
// tab is always in view: where the strip is narrow the long names give way to short ones (a
// container query, tabs-summary.css; the long one is the tab's tooltip), and where even those do
// not fit the strip wraps onto a second line.
import type { KeyboardEvent } from 'react';
import { fmtInt } from '../format.ts';
import type { TabId } from '../url-state.ts';

export interface TabItem {
  id: TabId;
  label: string;
  /** A shorter name, shown where the strip is narrow. */
  short?: string;
  count?: number | null;
  /** Draws attention (problems found). */
  warn?: boolean;
}

export function Tabs({ items, active, onSelect }: { items: TabItem[]; active: TabId; onSelect: (id: TabId) => void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const at =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (at === null) return;
    e.preventDefault();
    const next = items[(at + items.length) % items.length];
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <nav className="tabs-nav">
      <div className="tabs" role="tablist" aria-label="Views">
        {items.map((t, i) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            data-testid={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls="view-panel"
            tabIndex={t.id === active ? 0 : -1}
            className={`tab${t.id === active ? ' active' : ''}`}
            title={t.short ? t.label : undefined}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.short ? (
              <>
                <span className="tab-long">{t.label}</span>
                <span className="tab-short">{t.short}</span>
              </>
            ) : (
              t.label
            )}
            {t.count !== undefined && t.count !== null && (
              <span className={`badge${t.warn ? ' warn' : ''}`}>{fmtInt(t.count)}</span>
            )}
          </button>
        ))}
      </div>
    </nav>
  );
}
