// Starts the decode workers and wraps each so that a worker that dies (a crash, an
// out-of-memory kill) rejects its pending and later requests instead of leaving the parse waiting.

import * as Comlink from 'comlink';
import type { DecodeShard } from './decode-service.ts';

const MAX_DECODE_WORKERS = 8;

/**
 * One per core but one (the parser and the browser's own file reads need it), none on two cores:
 * there, reading the file (~0.6 s per 246 MB in Chromium, itself CPU work) and the parser already
 * keep both cores busy, and measured runs were no faster with decode workers (see README).
 */
export function decodeWorkerCount(asked: string | null, cores = navigator.hardwareConcurrency || 2): number {
  if (asked !== null && /^\d+$/.test(asked)) return Math.min(MAX_DECODE_WORKERS, Number(asked));
  return cores >= 3 ? Math.min(MAX_DECODE_WORKERS, cores - 1) : 0;
}

export function startDecodeWorkers(count: number): DecodeShard[] {
  return Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    const remote = Comlink.wrap<DecodeShard>(worker);
    let died: Error | null = null;
    const deathListeners = new Set<(e: Error) => void>();
    worker.addEventListener('error', (e) => {
      died = new Error(`a decode worker stopped: ${e.message || 'it crashed or ran out of memory'}`);
      for (const l of deathListeners) l(died);
    });
    return {
      decode(...args: Parameters<DecodeShard['decode']>) {
        if (died) return Promise.reject(died);
        return new Promise((resolve, reject) => {
          deathListeners.add(reject);
          remote.decode(...args).then(resolve, reject).finally(() => deathListeners.delete(reject));
        });
      },
    };
  });
}
