// The time a page takes just to read a file, the two ways a page can: 16 MiB slices (two in flight)
// and a BYOB byte stream into one reused 16 MiB buffer. Run in the page, from a file input of the
// benchmark's own (the viewer's clears itself after opening).
import type { AppPage } from '../browser/support/driver.ts';
import { pageCache } from './page-cache.ts';

const readBySlices = async (): Promise<number> => {
  const file = (document.getElementById('bench-read') as HTMLInputElement).files![0];
  const t = performance.now();
  const q: Promise<ArrayBuffer>[] = [];
  let off = 0;
  while (off < file.size || q.length) {
    while (q.length < 2 && off < file.size) {
      q.push(file.slice(off, off + (16 << 20)).arrayBuffer());
      off += 16 << 20;
    }
    await q.shift();
  }
  return performance.now() - t;
};

const readByStream = async (): Promise<number> => {
  const file = (document.getElementById('bench-read') as HTMLInputElement).files![0];
  const t = performance.now();
  const reader = file.stream().getReader({ mode: 'byob' });
  let buf = new ArrayBuffer(16 << 20);
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(buf));
    if (done || !value) break;
    buf = value.buffer;
  }
  return performance.now() - t;
};

/** Milliseconds to read `log` in `page` by slices and by a BYOB stream, best of `tries` each (the file in the page cache). */
export async function readAloneMs(page: AppPage, log: string, tries = 2): Promise<{ slices: number; stream: number }> {
  if ((await page.count('#bench-read')) === 0)
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<input type="file" id="bench-read" hidden>'),
    );
  await page.setInputFiles('#bench-read', [log]);
  pageCache(log);
  const best = async (read: () => Promise<number>) => {
    let ms = Infinity;
    for (let i = 0; i < tries; i++) ms = Math.min(ms, await page.evaluate(read));
    return ms;
  };
  return { slices: await best(readBySlices), stream: await best(readByStream) };
}
