// Main-thread stalls seen from the page itself, in both browsers (Firefox reports no long tasks):
// a requestAnimationFrame loop and a 10 ms timer record every gap longer than 50 ms.

import type { AppPage } from './driver.ts';

/** A gap of `ms` between the page's ticks, ending at `at` (performance.now()). */
export interface Stall {
  ms: number;
  at: number;
}

/** An init script: window.__stalls collects the stalls from page load on. */
export const STALL_PROBE = `
  window.__stalls = [];
  (() => {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last > 50) window.__stalls.push({ ms: Math.round(now - last), at: now });
      last = now;
    };
    setInterval(tick, 10);
    const frame = () => { tick(); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })();
`;

/** The stalls recorded since the last call, taken out of the page. */
export function takeStalls(page: AppPage): Promise<Stall[]> {
  return page.evaluate(() => (window as unknown as { __stalls: Stall[] }).__stalls.splice(0));
}
