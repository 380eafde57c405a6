// How many decode workers a page starts, set the way the machine would: the page starts
// decodeWorkerCount() of them from navigator.hardwareConcurrency (src/worker/decode-workers.ts), so
// an init script that makes the page see more or fewer cores chooses the count; the page itself has
// no switch for it. How many a parse used is read where a person reads it: the status line says
// "Done · … · 3 decode workers" (nothing when it used none).
import { decodeWorkerCount } from '../../../src/worker/decode-workers.ts';
import { WAIT_MS, type AppPage } from './driver.ts';

/** An init script under which the page reports `cores` cores (navigator.hardwareConcurrency). */
export function withCores(cores: number): string {
  if (!Number.isInteger(cores) || cores < 1) throw new Error(`withCores(${cores}): a whole number of cores, 1 or more`);
  return `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => ${cores} });`;
}

/** An init script under which the page starts `n` decode workers (the fewest cores that give n). */
export function withDecodeWorkers(n: number): string {
  for (let cores = 1; cores <= 64; cores++) if (decodeWorkerCount(cores) === n) return withCores(cores);
  throw new Error(`no number of cores makes the page start ${n} decode workers (decodeWorkerCount)`);
}

/** The decode workers the finished parse used, as the status line says it ("· 3 decode workers"; none said: 0). */
export async function decodeWorkersShown(page: AppPage): Promise<number> {
  const status = await page.waitForFunction(
    (sel) => {
      const t = document.querySelector(sel)?.textContent ?? '';
      return /^Done/.test(t) ? t : null;
    },
    '[data-testid="parse-status"]',
    { timeout: WAIT_MS },
  );
  const m = / · (\d+) decode workers?$/.exec(status ?? '');
  return m ? Number(m[1]) : 0;
}
