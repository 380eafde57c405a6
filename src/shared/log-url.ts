// Which addresses `?url=` may load a log from, the same rule for the page (before it asks the
// worker) and the worker (for where a redirect ended): https:// addresses, the viewer's own origin,
// and http:// on a loopback address (a local server, which browsers trust like https).

/** Why `u` may not be loaded (one sentence), or null when it may; `ownOrigin` is the viewer's. */
export function logUrlRefusal(u: URL, ownOrigin: string): string | null {
  if (u.origin === ownOrigin || u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(u.hostname)) return null;
  return 'Only https:// addresses (or this site’s own, or a local server on 127.0.0.1 or localhost) can be opened with ?url=.';
}
