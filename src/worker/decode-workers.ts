// Starts the decode workers (one per core) and wraps each so that a worker that dies (a crash, an
// out-of-memory kill) rejects its pending and later requests instead of leaving the parse waiting.

import * as Comlink from 'comlink';
import type { DecodeShard } from './decode-service.ts';

const MAX_DECODE_WORKERS = 8;

export function decodeWorkerCount(asked: string | null): number {
  if (asked !== null && /^\d+$/.test(asked)) return Math.min(MAX_DECODE_WORKERS, Number(asked));
  return Math.min(MAX_DECODE_WORKERS, Math.max(1, navigator.hardwareConcurrency || 2));
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
