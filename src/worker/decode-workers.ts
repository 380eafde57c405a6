// Decode workers: started by the page, each joined to the analysis worker by a MessagePort; and, in
// the analysis worker, one shard per port whose requests fail once the page says its worker died
// (a crash, an out-of-memory kill), instead of leaving the parse waiting. The page starts them, not
// the analysis worker: in Firefox ESR, module workers started from a worker left that worker
// unresponsive in about one page load in ten.

import * as Comlink from 'comlink';
import type { DecodeShard } from './decode-service.ts';

const MAX_DECODE_WORKERS = 8;

/**
 * One per core but one (the parser and the browser's own file reads need it), none on two cores:
 * there, reading the file (itself CPU work in the browser) and the parser already keep both cores
 * busy, and measured runs were no faster with decode workers (docs/performance.md).
 */
export function decodeWorkerCount(cores = navigator.hardwareConcurrency || 2): number {
  return cores >= 3 ? Math.min(MAX_DECODE_WORKERS, cores - 1) : 0;
}

/** The message that hands a decode worker the port it serves (decode.worker.ts). */
export interface DecodePortMessage {
  decodePort: MessagePort;
}

/** In the page: starts `count` decode workers; the ports for the analysis worker. onDeath(i, message) when worker i fails. */
export function startDecodeWorkers(count: number, onDeath: (index: number, message: string) => void): MessagePort[] {
  return Array.from({ length: count }, (_, i) => {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (e) => onDeath(i, e.message || 'it crashed or ran out of memory'));
    const channel = new MessageChannel();
    const message: DecodePortMessage = { decodePort: channel.port1 };
    worker.postMessage(message, [channel.port1]);
    return channel.port2;
  });
}

/** In the analysis worker: the decode workers behind `ports`, and how to tell that one died. */
export function shardsOverPorts(ports: MessagePort[]): {
  shards: DecodeShard[];
  died(index: number, message: string): void;
} {
  const deaths = ports.map(() => ({ error: null as Error | null, listeners: new Set<(e: Error) => void>() }));
  const shards = ports.map((port, i): DecodeShard => {
    const remote = Comlink.wrap<DecodeShard>(port);
    const death = deaths[i];
    return {
      decode(...args: Parameters<DecodeShard['decode']>) {
        if (death.error) return Promise.reject(death.error);
        return new Promise((resolve, reject) => {
          death.listeners.add(reject);
          remote
            .decode(...args)
            .then(resolve, reject)
            .finally(() => death.listeners.delete(reject));
        });
      },
    };
  });
  return {
    shards,
    died(index, message) {
      const death = deaths[index];
      if (!death || death.error) return;
      death.error = new Error(`a decode worker stopped: ${message}`);
      for (const l of death.listeners) l(death.error);
    },
  };
}
