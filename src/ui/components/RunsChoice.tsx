// After several logs were dropped at once: they opened as one nested run (a parent and its
// children); they may instead be separate runs of one program, read for their history.

export function RunsChoice({ count, onRuns, onDismiss }: { count: number; onRuns: () => void; onDismiss: () => void }) {
  return (
    <div className="banner banner-info" role="note" data-testid="runs-choice">
      <span>
        The {count} logs dropped opened as one nested run (a parent log and its children). Are they separate runs of one
        program instead?
      </span>
      <button type="button" className="btn btn-small" data-testid="runs-choice-runs" onClick={onRuns}>
        Open as separate runs
      </button>
      <button type="button" className="btn btn-small" aria-label="Keep the nested run" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
