// A view shared from a local file: the link names the file (name, size, fingerprint), not its
// bytes. The page opened from it asks for that file, and says so when the file dropped is another
// one (other numbers than the colleague saw).

import type { LogIdentity } from '../data/log-identity.ts';
import { logWords } from '../data/log-identity.ts';

const list = (logs: LogIdentity[]) => logs.map(logWords).join(', ');

/** On the welcome page of a link made from a local file: which file to drop. */
export function LinkWantsFile({ want }: { want: LogIdentity[] }) {
  return (
    <div className="banner banner-info" role="status" data-testid="link-wants-file">
      <span>
        <strong>
          Drop {list(want)}
          {want.length > 1 ? ' together' : ''} to see this view.
        </strong>{' '}
        The link was made from {want.length > 1 ? 'these files' : 'this file'} and holds the view (tab, filters, T,
        A..B), not the log: it never leaves the computer it is on.
      </span>
    </div>
  );
}

/** After a file was dropped that is not the one the link was made from. */
export function LinkFileMismatch({
  want,
  got,
  onDismiss,
}: {
  want: LogIdentity[];
  got: LogIdentity[];
  onDismiss: () => void;
}) {
  const fp = want.find((w) => w.fp)?.fp;
  return (
    <div className="banner banner-warn" role="alert" data-testid="link-file-mismatch">
      <span>
        <strong>This is not the file the link was made from.</strong> The link’s view is of {list(want)}
        {fp ? ` (fingerprint ${fp})` : ''}; you opened {list(got)}. Its numbers may differ from what was shared.
      </span>
      <button type="button" className="banner-close" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
