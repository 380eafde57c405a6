// The link the Share button copies: this page with its #view state, and ?url= only when that is
// where the open log came from, so a colleague's browser opens the same log in the same view.

/** Where the open log came from, as far as a link can carry it. */
export type ShareSource = { kind: 'url'; url: string } | { kind: 'files'; names: string[] };

export interface ShareLink {
  link: string;
  /** For a local file: what the colleague must do, since the link cannot carry the file. */
  note: string | null;
}

/** The link to `page` (location.href) for a log from `source` (null: no log open). */
export function shareLink(page: string, source: ShareSource | null): ShareLink {
  const u = new URL(page);
  const params = new URLSearchParams(u.search);
  const want = source?.kind === 'url' ? source.url : null;
  // The query is rewritten only when ?url= must change, so a link as typed stays as typed.
  let search = u.search;
  if (params.get('url') !== want) {
    // A ?url= left from an earlier log would open that log, not the file now shown.
    if (want === null) params.delete('url');
    else params.set('url', want);
    search = params.size ? `?${params}` : '';
  }
  const link = `${u.origin}${u.pathname}${search}${u.hash}`;
  if (source?.kind !== 'files') return { link, note: null };
  const names = source.names;
  const what = names.length === 1 ? `the same file, ${names[0]}` : `the same files, ${names.join(', ')}`;
  const drop = names.length === 1 ? 'dropping it' : 'dropping them together';
  return {
    link,
    note: `The link does not carry the log: your colleague needs ${what}; ${drop} on the page opened from the link restores this view.`,
  };
}
