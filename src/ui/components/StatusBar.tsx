// Where the parse stands: status text, a progress bar while reading, and Cancel.
import type { ParseState } from '../hooks/use-parse.ts';
import type { Progress } from '../../worker/api.ts';
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
      return `Done · ${lines}${p ? ` · ${fmtMB(p.bytesRead)} in ${fmtSeconds(p.elapsedMs)}${decoders(p)}` : ''}`;
    case 'cancelled':
      return `Cancelled · ${lines} read`;
    case 'failed':
      return `Stopped · ${lines ? `${lines} read` : 'nothing read'}`;
  }
}

/** " · 3 decode workers" when decode workers read the file beside the parser (big plain files, 3+ cores). */
function decoders(p: Progress): string {
  return p.decodeWorkers > 0 ? ` · ${p.decodeWorkers} decode worker${p.decodeWorkers === 1 ? '' : 's'}` : '';
}

/** Where the time of a finished parse went, for the status line's tooltip. */
function timings(s: ParseState): string | undefined {
  const p = s.progress;
  if (!p || s.status === 'idle' || s.status === 'fetching' || s.status === 'parsing') return undefined;
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const workers = p.decodeWorkers > 0 ? `${p.decodeWorkers} decode workers beside the parser` : 'no decode workers';
  return `${fmtMB(p.bytesRead)} read in ${sec(p.elapsedMs)}: ${sec(p.parseMs)} in the parser, ${sec(p.queryMs)} answering the page; ${workers}`;
}

export function StatusBar({ state, onCancel }: { state: ParseState; onCancel: () => void }) {
  const p = state.progress;
  const busy = state.status === 'parsing' || state.status === 'fetching';
  const finished = state.status === 'done';
  return (
    <div className={`status status-${state.status}`}>
      <span data-testid="parse-status" className="status-text" role="status" aria-live="polite" title={timings(state)}>
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
