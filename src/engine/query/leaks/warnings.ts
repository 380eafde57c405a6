// What the log itself says about how far its verdicts can be trusted: DEL events missing (CPython
// 3.13.0-3.13.2), and memory that grew where the traced objects did not.

import type { LeakWarning, SeriesPoint } from '../../types.ts';

/** NEWs at an address still live: none in a whole log (CPython reports every free), many where DELs are lost. */
const MISSING_DELS_SHARE = 0.005;
const MISSING_DELS_MIN = 10;
/** pymemtrace's default file name ends in the Python version: `…_PY3.13.0.log`. */
const PYTHON_IN_NAME = /_PY(3)\.(\d+)\.(\d+)\w*\.log/;
/** RSS growth that matters: at least this many bytes and this share of RSS after start-up… */
const RSS_GROWTH_MIN_BYTES = 16 << 20;
const RSS_GROWTH_MIN_SHARE = 0.2;
/** …while live objects grew by at most this share. */
const LIVE_FLAT_SHARE = 0.05;

const FIX = 'CPython 3.13.3 and later report them (CPython issue 130382); trace with one of those.';

export function missingDelsWarning(news: number, duplicates: number, fileNames: string[]): LeakWarning | null {
  const share = news > 0 ? duplicates / news : 0;
  const early = fileNames.map((f) => PYTHON_IN_NAME.exec(f)).find((m) => m && m[2] === '13' && Number(m[3]) <= 2);
  if (!early && !(duplicates >= MISSING_DELS_MIN && share >= MISSING_DELS_SHARE)) return null;
  const seen =
    duplicates > 0
      ? `${duplicates.toLocaleString('en-US')} of ${news.toLocaleString('en-US')} NEWs (${(share * 100).toFixed(1)}%) arrive at an address that is still live in the log, so their objects' DELs are missing`
      : 'no NEW arrives at a still-live address here, but';
  const who = early ? ` The file name says Python 3.${early[2]}.${early[3]}.` : '';
  return {
    kind: 'missing-dels',
    message:
      `This log lacks DEL events: ${seen}.${who} CPython 3.13.0–3.13.2 do not report objects freed by the interpreter ` +
      'loop itself (del x, discarded results, overwritten locals), so temporaries look alive for ever: live counts, ' +
      `leak verdicts and lifetimes are unreliable. ${FIX}`,
  };
}

/** RSS and the live count sampled over the run (the chart's series, in equal clock buckets). */
export function rssWithoutObjectsWarning(points: SeriesPoint[]): LeakWarning | null {
  const used = points.filter((p) => Number.isFinite(p.rssMin) && Number.isFinite(p.liveMin));
  if (used.length < 10) return null;
  // After start-up (the first tenth) and at the end (the last tenth), through the sawtooth: the lows.
  const tenth = Math.max(1, Math.floor(used.length / 10));
  const low = (ps: SeriesPoint[], key: 'rssMin' | 'liveMin') => Math.min(...ps.map((p) => p[key]));
  const start = used.slice(tenth, 2 * tenth);
  const end = used.slice(used.length - tenth);
  const rss0 = low(start, 'rssMin');
  const rss1 = low(end, 'rssMin');
  const live0 = low(start, 'liveMin');
  const live1 = low(end, 'liveMin');
  const grew = rss1 - rss0;
  if (grew < RSS_GROWTH_MIN_BYTES || grew < rss0 * RSS_GROWTH_MIN_SHARE) return null;
  if (live1 - live0 > Math.max(10, live0 * LIVE_FLAT_SHARE)) return null;
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  return {
    kind: 'rss-not-objects',
    message:
      `Memory grew by ${mb(grew)} (RSS ${mb(rss0)} → ${mb(rss1)} after start-up) but the traced objects did not ` +
      `(${live0.toLocaleString('en-US')} → ${live1.toLocaleString('en-US')} live): the growth is memory this log cannot see — ` +
      'native allocations by C extensions, fragmentation, or builtin types left out of the trace ' +
      '(ReferenceTracing(include_builtins=True) logs lists, dicts, strings and the rest).',
  };
}
