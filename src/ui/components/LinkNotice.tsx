// Said when the page was opened from a link whose view it cannot read (made by a newer version of
// the viewer): the default view is shown instead, and the link stays in the address bar as it is.
export function LinkNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="banner banner-warn" role="status" data-testid="link-notice">
      <span>
        <strong>This link’s view could not be shown.</strong> {message} The page shows its default view instead (a log
        the link names still opens). If the viewer here has been updated since, reloading the page shows the view as it
        was shared: the link stays in the address bar until you change the view.
      </span>
      <button type="button" className="banner-close" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
