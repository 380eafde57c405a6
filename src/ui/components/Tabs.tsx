// The view tabs: a navigation landmark holding an ARIA tablist (buttons with role=tab, the selected
// one the only Tab stop); ← and → move between them, Home and End go to the first and last.
import type { KeyboardEvent } from 'react';
import { fmtInt } from '../format.ts';
import type { TabId } from '../url-state.ts';

export interface TabItem {
  id: TabId;
  label: string;
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
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            // The strip scrolls sideways when the tabs are wider than the page; Chromium leaves a tab
            // that is partly in view where it is when it takes focus, its focus ring cut off.
            onFocus={(e) => e.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' })}
          >
            {t.label}
            {t.count !== undefined && t.count !== null && (
              <span className={`badge${t.warn ? ' warn' : ''}`}>{fmtInt(t.count)}</span>
            )}
          </button>
        ))}
      </div>
    </nav>
  );
}
