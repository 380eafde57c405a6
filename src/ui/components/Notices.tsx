// Page-level notices: errors (worker, fetch, stopped early), a cancelled parse, a file that is not a log.
import type { ParseState } from '../hooks/use-parse.ts';

export function Notices({ load, onDismissError }: { load: ParseState; onDismissError: () => void }) {
  const s = load.summary;
  return (
    <>
      {load.error && (
        <div className="banner banner-error" role="alert" data-testid="error-banner">
          <span>
            <strong>
              Could not {s && s.lines > 0 ? 'finish reading' : 'open'} {load.name || 'the log'}.
            </strong>{' '}
            {load.error}
            {s && s.lines > 0 && !/cover/.test(load.error) && ' The numbers below cover the part that was read.'}
          </span>
          <button type="button" className="banner-close" aria-label="Dismiss" onClick={onDismissError}>
            ✕
          </button>
        </div>
      )}
      {load.status === 'cancelled' && (
        <div className="banner banner-info" role="status" data-testid="stopped-early">
          <span>
            <strong>Parsing was cancelled.</strong> {s?.stopped?.message ?? ''} The numbers cover the part that was
            read; open the file again to read all of it.
          </span>
        </div>
      )}
      {s?.notALog && (load.status === 'done' || load.status === 'failed') && (
        <div className="banner banner-warn" role="status" data-testid="not-a-log">
          <span>
            <strong>This does not look like a pymemtrace ReferenceTracing log.</strong> Nothing in its{' '}
            {s.lines.toLocaleString('en-US')} line{s.lines === 1 ? '' : 's'} reads as ReferenceTracing output (SOF, HDR,
            NEW, DEL, MSG, EOF). Check that you opened the <code>.log</code> file written by{' '}
            <code>ReferenceTracing</code>.
          </span>
        </div>
      )}
    </>
  );
}
