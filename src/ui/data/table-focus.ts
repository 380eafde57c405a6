// Focus follows a person into the table they opened: opening a suspect (its objects in the Live
// tab) asks for it, and the next table to appear takes the focus, so the keyboard is in the table
// (↑ ↓, Enter) rather than on the page's body. A request not taken soon is dropped.

/** A request older than this is not for the table that appears now. */
const FRESH_MS = 3000;

let requestedAt = -Infinity;

export function requestTableFocus(): void {
  requestedAt = performance.now();
}

/** Whether a table appearing now should take the focus (the request is used up). */
export function takeTableFocus(): boolean {
  const fresh = performance.now() - requestedAt < FRESH_MS;
  requestedAt = -Infinity;
  return fresh;
}
