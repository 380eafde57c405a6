// Registers the service worker that keeps the viewer working offline, and offers a new version
// when one has been installed instead of switching under the user (registerType 'prompt').
import { useRegisterSW } from 'virtual:pwa-register/react';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // After the page's load event: installing (fetching every file once) waits until the page is up.
    immediate: false,
    // Without a service worker (a browser that refuses it, a private window) the viewer still works online.
    onRegisterError: (e: unknown) => console.warn('The offline copy is not available:', e),
  });
  if (!needRefresh) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="update-prompt">
      <span>
        <strong>A new version is available</strong> —{' '}
        <button
          type="button"
          className="link"
          data-testid="update-reload"
          onClick={() => void updateServiceWorker(true)}
        >
          Reload
        </button>
      </span>
      <button type="button" className="banner-close" aria-label="Not now" onClick={() => setNeedRefresh(false)}>
        ✕
      </button>
    </div>
  );
}
