// Ways to open a log: the file picker and the bundled example (dropping is handled page-wide).
import { useRef } from 'react';

export function OpenControls({ onFile, onExample }: { onFile: (f: File) => void; onExample: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="open-controls">
      <input
        ref={input}
        id="file-input"
        type="file"
        className="visually-hidden"
        data-testid="file-input"
        accept=".log,.txt,.gz,text/plain,application/gzip"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
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
