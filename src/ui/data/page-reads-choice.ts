// Whether the page reads the file's slices for the worker (src/worker/page-reads.ts). Chromium
// copies a Blob read on the thread that asks, so the page takes that copy off the parser's thread;
// Firefox reads a Blob slice in the worker cheaply, and there the extra hops cost twice the CPU
// (246 MB: 2.3 vs 1.1 core-seconds). `?pageReads=0|1` overrides the choice.

export function pageReadsWanted(search: string, userAgent: string): boolean {
  const asked = new URLSearchParams(search).get('pageReads');
  if (asked === '0') return false;
  if (asked === '1') return true;
  return !/\bFirefox\//.test(userAgent);
}
