import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads the file once so that it is in the page cache when Chromium reads it: this VM pages out
 * file pages idle for ~6 s (kdamond), so a log generated seconds earlier was otherwise read partly
 * from disk (246 MB: reading alone 0.30 s from the cache, up to 1.3 s without). A log just saved
 * or downloaded is in the cache too.
 */
export function pageCache(path: string): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(16 << 20);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
}
