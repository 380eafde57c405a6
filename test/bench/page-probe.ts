// What the benchmarks read from the viewer's page: a probe installed before the app loads that times
// the drop (a change event), the first summary number, Done and the leak verdict, counts progress updates and keeps
// main-thread tasks over 50 ms (and stalls, in both browsers: support/stall-probe.ts); and the
// worker's own times from the status line's tooltip.

import type { AppPage } from '../browser/support/driver.ts';
import { tid } from '../browser/support/index.ts';
import { STALL_PROBE } from '../browser/support/stall-probe.ts';

export const PROBE =
  STALL_PROBE +
  `
  window.__bench = { t0: 0, firstNumber: 0, done: 0, verdict: 0, progressUpdates: 0, longTasks: [] };
  window.__longTasksReported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  if (window.__longTasksReported)
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push({ ms: e.duration, at: e.startTime }); })
      .observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', () => { Object.assign(window.__bench, { t0: performance.now(), firstNumber: 0, done: 0, verdict: 0, progressUpdates: 0, longTasks: [] }); }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (!b.t0) return;
    const status = document.querySelector('[data-testid="parse-status"]')?.textContent || '';
    const n = Number((document.querySelector('[data-testid="summary-new"]')?.textContent || '').replace(/[^0-9]/g, ''));
    if (!b.firstNumber && n > 0) b.firstNumber = performance.now();
    if (!b.done && status.includes('Done')) b.done = performance.now();
    if (b.done && !b.verdict && document.querySelector('[data-testid="leak-headline"]')) b.verdict = performance.now();
    if (!b.done) b.progressUpdates++;
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

export interface BenchProbe {
  __bench: {
    t0: number;
    firstNumber: number;
    done: number;
    /** When the leak verdict's headline showed (after Done), or 0. */
    verdict: number;
    progressUpdates: number;
    longTasks: { ms: number; at: number }[];
  };
  __longTasksReported: boolean;
}

/** The worker's times and decode workers, from the finished parse's status tooltip (StatusBar.tsx). */
export function workerTimes(title: string | null): { parseMs: number; queryMs: number; decodeWorkers: number } | null {
  const m = /([\d.]+) s in the parser, ([\d.]+) s answering the page; (no|\d+) decode workers/.exec(title ?? '');
  if (!m) return null;
  return {
    parseMs: Number(m[1]) * 1000,
    queryMs: Number(m[2]) * 1000,
    decodeWorkers: m[3] === 'no' ? 0 : Number(m[3]),
  };
}

/** Waits until the probe has seen the leak verdict after Done; its time from the drop, in ms. */
export async function waitVerdict(page: AppPage, timeoutMs = 2 * 60_000): Promise<number> {
  await waitOrSay(page, () => (window as unknown as BenchProbe).__bench.verdict > 0, 20, timeoutMs, 'the leak verdict');
  return page.evaluate(() => {
    const b = (window as unknown as BenchProbe).__bench;
    return b.verdict - b.t0;
  });
}

/** Drops `log` on the viewer's file input and waits until the probe has seen Done (polling every `pollMs`). */
export async function dropAndWaitDone(
  page: AppPage,
  log: string,
  pollMs: number,
  timeoutMs = 30 * 60_000,
): Promise<void> {
  await page.setInputFiles(tid('file-input'), [log]);
  await waitOrSay(page, () => (window as unknown as BenchProbe).__bench.done > 0, pollMs, timeoutMs, 'Done');
}

/** Waits for `seen`; if it never comes, fails with what the page showed (status, verdict line, errors). */
async function waitOrSay(page: AppPage, seen: () => boolean, pollMs: number, timeoutMs: number, what: string) {
  try {
    await page.waitForFunction(seen, undefined, { timeout: timeoutMs, polling: pollMs });
  } catch (e) {
    const shown = await page
      .evaluate(() => ({
        status: document.querySelector('[data-testid="parse-status"]')?.textContent ?? '(no status)',
        summary: (document.querySelector('.leak-verdict, .leak-headline, .summary-problems')?.textContent ?? '').slice(
          0,
          200,
        ),
      }))
      .catch((err: unknown) => ({ status: `(the page did not answer: ${String(err)})`, summary: '' }));
    throw new Error(
      `${what} not seen within ${timeoutMs} ms: status "${shown.status}", verdict line "${shown.summary}", ` +
        `page errors ${JSON.stringify(page.errors())}`,
      { cause: e },
    );
  }
}
