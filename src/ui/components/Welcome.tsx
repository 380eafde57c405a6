// Shown before any log is open: what the page does and how to start.

/**
 * Text in the sizes, weights and symbols the page uses once a log is open, laid out (not seen)
 * while the welcome shows: the browser loads those fonts now, not in the first frame of a parse
 * (docs/performance.md has the measurement).
 */
const WARM = '0123456789,.…·→−Δ✕‹›▲▼–“”';
function FontWarmup() {
  return (
    <span className="visually-hidden" aria-hidden="true">
      {[11, 12, 13, 16, 20].map((size) => (
        <span key={size} style={{ fontSize: size, fontVariantNumeric: 'tabular-nums' }}>
          {WARM}
          <b style={{ fontWeight: 600 }}>{WARM}</b>
          <b>{WARM}</b>
          <code>{WARM}</code>
        </span>
      ))}
    </span>
  );
}

export function Welcome({ onExample }: { onExample: () => void }) {
  return (
    <div className="welcome">
      <h2>Analyse a pymemtrace ReferenceTracing log</h2>
      <p>
        Drop a <code>.log</code> (or <code>.log.gz</code>) anywhere on this page, use <strong>Open log…</strong>, or try
        the{' '}
        <button type="button" className="link" onClick={onExample}>
          bundled example
        </button>
        .
      </p>
      <p className="muted">
        Everything runs in your browser: the file is parsed in a background worker and never uploaded. Logs of several
        gigabytes work; tables show live objects, NEW/DEL pairs, types, creation sites, untracked DELs and the log’s
        messages.
      </p>
      <FontWarmup />
      <p className="muted">
        To share a view, use <strong>Share</strong> once a log is open: the link keeps the tab, sorting, filters and
        clock window. A log on a server opens with <code>?url=&lt;address&gt;</code>, and the link opens it too. Once
        loaded, the viewer also works offline.
      </p>
    </div>
  );
}
