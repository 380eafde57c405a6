// Share: copies the link to the current view (the page's URL with its #view state, see
// data/share-link.ts) and says in a small popover what the link carries. When the browser does
// not allow the clipboard, the popover holds the link selected, ready for Ctrl+C.
import { useEffect, useRef, useState } from 'react';
import { shareLink, type ShareLink, type ShareSource } from '../data/share-link.ts';

interface Shared extends ShareLink {
  copied: boolean;
}

/** navigator.clipboard.writeText, false when it is missing or refused (no permission, no focus, not a secure context). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButton({ source }: { source: ShareSource | null }) {
  const [shared, setShared] = useState<Shared | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);

  // Without the clipboard the link is selected for the user to copy.
  useEffect(() => {
    if (shared && !shared.copied) field.current?.select();
  }, [shared]);

  // A click elsewhere or Esc closes the popover.
  useEffect(() => {
    if (!shared) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setShared(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setShared(null);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [shared]);

  const share = async () => {
    const s = shareLink(location.href, source);
    setShared({ ...s, copied: await copyText(s.link) });
  };

  return (
    <div className="share" ref={box}>
      <button
        type="button"
        className="btn"
        data-testid="share-button"
        aria-expanded={!!shared}
        onClick={() => void share()}
      >
        Share
      </button>
      {shared && (
        <div className="share-popover" role="dialog" aria-label="Share this view" data-testid="share-popover">
          <p data-testid="share-status" role="status">
            {shared.copied
              ? 'Link to this view copied to the clipboard.'
              : 'The browser did not allow the clipboard: copy this link (Ctrl+C).'}
          </p>
          <input
            ref={field}
            className="share-link"
            data-testid="share-link"
            readOnly
            value={shared.link}
            aria-label="Link to this view"
            onFocus={(e) => e.currentTarget.select()}
          />
          {shared.note && (
            <p className="share-note" data-testid="share-note">
              {shared.note}
            </p>
          )}
          <button type="button" className="btn btn-small" onClick={() => setShared(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
