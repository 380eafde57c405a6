// Bundled by kernel-browser.ts: in a module worker (as the viewer's engine runs), parses a generated
// log with the record kernel on and off and posts what happened; on the page, only whether a kernel
// could be made there (the engine never parses on the page).

import { Analysis } from '../../src/engine/analysis.ts';
import { RecordKernel, useRecordKernel } from '../../src/engine/read/record-kernel.ts';
import { generateLog } from '../support/reflog-generator.ts';

export interface KernelCheck {
  /** Whether RecordKernel.take() gave a kernel here (else the parser reads in TypeScript). */
  available: boolean;
  events: number;
  /** Events the kernel read in the parse with it on. */
  kernelEvents: number;
  /** The two parses gave the same counts, pairs, clocks and RSS runs. */
  same: boolean;
  msOn: number;
  msOff: number;
  error?: string;
}

let kernelEvents = 0;
const decode = RecordKernel.prototype.decode;
RecordKernel.prototype.decode = function (this: RecordKernel, start: number, max: number): number {
  const n = decode.call(this, start, max);
  kernelEvents += n;
  return n;
};

function available(): boolean {
  useRecordKernel(true);
  const k = RecordKernel.take();
  k?.release();
  return k !== null;
}

function check(): KernelCheck {
  const chunks = [...generateLog({ lines: 200_000, seed: 3, oddNames: true }).chunks];
  const parse = (on: boolean) => {
    useRecordKernel(on);
    const t = performance.now();
    const a = new Analysis('log');
    const p = a.beginFile('log');
    for (const c of chunks) p.push(c);
    p.finish();
    const s = a.store;
    return {
      ms: performance.now() - t,
      events: s.eventCount,
      digest: JSON.stringify([a.jsonReport(), s.seed.pairNew.length, s.clockLast, s.rss.value]),
    };
  };
  const has = available();
  parse(false); // warm up both paths
  parse(true);
  const off = parse(false);
  kernelEvents = 0;
  const on = parse(true);
  return {
    available: has,
    events: on.events,
    kernelEvents,
    same: on.digest === off.digest,
    msOn: on.ms,
    msOff: off.ms,
  };
}

const scope = globalThis as unknown as { postMessage(m: unknown): void; document?: unknown };
if (scope.document === undefined) {
  try {
    scope.postMessage(check());
  } catch (e) {
    scope.postMessage({ error: String(e) });
  }
} else {
  (globalThis as unknown as { pageKernel: boolean }).pageKernel = available();
}
