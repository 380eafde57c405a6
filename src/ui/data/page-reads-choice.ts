// Whether the page reads the file's slices for the worker (src/worker/page-reads.ts), on
// `?pageReads=1`. Off by default: it took Chromium's copy of each Blob read off the parser's thread,
// which paid while the parser was the bottleneck, but now the worker reading its own slices costs
// less CPU in both browsers (1 GB: Chromium 2.8-3.2 vs 3.5-4.2 core-seconds, Firefox half).

export function pageReadsWanted(search: string): boolean {
  return new URLSearchParams(search).get('pageReads') === '1';
}
