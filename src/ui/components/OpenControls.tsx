// Ways to open a log: the file picker, the bundled example, and a program's runs (dropping is
// handled page-wide). Several files through Open log… are one nested run (a parent log and its
// children's logs); through Open runs…, separate runs of one program, oldest first by name.
import { useRef } from 'react';

export function OpenControls({
  onFiles,
  onExample,
  onRuns,
}: {
  onFiles: (files: File[]) => void;
  onExample: () => void;
  onRuns: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const runsInput = useRef<HTMLInputElement>(null);
  return (
    <div className="open-controls">
      <input
        ref={input}
        id="file-input"
        type="file"
        className="visually-hidden"
        data-testid="file-input"
        // Named for screen readers, out of the Tab order: the Open log… button is its visible, focusable face.
        aria-label="Open log files"
        tabIndex={-1}
        accept=".log,.txt,.gz,text/plain,application/gzip"
        multiple
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (files.length) onFiles(files);
          // Clearing lets the same file be chosen again after a cancel.
          e.target.value = '';
        }}
      />
      <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>
        Open log…
      </button>
      <button type="button" className="btn" data-testid="open-example" onClick={onExample}>
        Open example
      </button>
      <input
        ref={runsInput}
        type="file"
        className="visually-hidden"
        data-testid="runs-input"
        aria-label="Open the logs of several runs of one program"
        tabIndex={-1}
        accept=".log,.txt,.gz,text/plain,application/gzip"
        multiple
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (files.length) onRuns(files);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        className="btn"
        data-testid="open-runs"
        title="The logs of several runs of one program (releases, CI builds): which run began to leak"
        onClick={() => runsInput.current?.click()}
      >
        Open runs…
      </button>
    </div>
  );
}
