// Messages & problems: one tab, a toggle between the two tables (one grid in the page at a time).
import { memo } from 'react';
import type { Summary } from '../../engine/types.ts';
import { fmtInt } from '../format.ts';
import type { MessagesSub } from '../url-state.ts';
import { TableView, type TableViewProps } from './TableView.tsx';

// Memoised like TableView; `summary` is the one of the last data refresh, not of every progress report.
export const MessagesView = memo(function MessagesView(
  props: Omit<TableViewProps, 'table'> & { summary: Summary | null },
) {
  const { view, setView, summary } = props;
  const sub: MessagesSub = view.sub;
  const choose = (next: MessagesSub) => setView((s) => ({ ...s, sub: next }));
  const toggle = (
    <div className="segmented" role="group" aria-label="Show">
      <button
        type="button"
        data-testid="sub-messages"
        aria-pressed={sub === 'messages'}
        onClick={() => choose('messages')}
      >
        Messages{summary ? ` (${fmtInt(summary.counts.msg + summary.counts.err)})` : ''}
      </button>
      <button
        type="button"
        data-testid="sub-problems"
        aria-pressed={sub === 'problems'}
        className={summary && summary.problems > 0 ? 'warn' : undefined}
        onClick={() => choose('problems')}
      >
        Problems{summary ? ` (${fmtInt(summary.problems)})` : ''}
      </button>
    </div>
  );
  return <TableView {...props} table={sub} toolbarStart={toggle} />;
});
