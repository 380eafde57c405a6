// Where the parse stands: status text, a progress bar while reading, and Cancel.
import type { ParseState } from '../hooks/use-parse.ts';
import { fmtInt, fmtMB, fmtPercent, fmtSeconds } from '../format.ts';

function statusText(s: ParseState): string {
  const p = s.progress;
  const lines = s.summary ? `${fmtInt(s.summary.lines)} lines` : '';
  switch (s.status) {
    case 'idle':
      return 'No log open';
    case 'fetching':
      return `Fetching ${s.name}…`;
    case 'parsing': {
      if (!p) return 'Starting…';
      const size = p.totalBytes ? `${fmtMB(p.bytesRead)} of ${fmtMB(p.totalBytes)}` : fmtMB(p.bytesRead);
      const pct = p.totalBytes ? `${fmtPercent(p.bytesRead, p.totalBytes)} · ` : '';
      return `Parsing… ${pct}${size} · ${p.mbPerSec.toFixed(1)} MB/s · ${lines}`;
    }
    case 'done':
      return `Done · ${lines}${p ? ` · ${fmtMB(p.bytesRead)} in ${fmtSeconds(p.elapsedMs)}` : ''}`;
    case 'cancelled':
      return `Cancelled · ${lines} read`;
    case 'failed':
      return `Stopped · ${lines ? `${lines} read` : 'nothing read'}`;
  }
}

export function StatusBar({ state, onCancel }: { state: ParseState; onCancel: () => void }) {
  const p = state.progress;
  const busy = state.status === 'parsing' || state.status === 'fetching';
  const finished = state.status === 'done';
  return (
    <div className={`status status-${state.status}`}>
      <span data-testid="parse-status" className="status-text" role="status" aria-live="polite">
        {statusText(state)}
      </span>
      {state.status !== 'idle' && (
        <progress
          data-testid="progress"
          aria-label="Parse progress"
          max={p?.totalBytes || 1}
          // No value: indeterminate, while fetching or reading a URL without Content-Length.
          value={
            finished
              ? p?.totalBytes || 1
              : busy && !p?.totalBytes
                ? undefined
                : Math.min(p?.bytesRead ?? 0, p?.totalBytes || 1)
          }
        />
      )}
      {busy && (
        <button type="button" className="btn btn-small" data-testid="cancel" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
