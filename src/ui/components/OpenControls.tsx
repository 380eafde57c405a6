// Ways to open a log: the file picker and the bundled example (dropping is handled page-wide).
// Several files at once are one nested run (a parent log and its children's logs).
import { useRef } from 'react';

export function OpenControls({ onFiles, onExample }: { onFiles: (files: File[]) => void; onExample: () => void }) {
  const input = useRef<HTMLInputElement>(null);
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
    </div>
  );
}
