// CPU time of Chromium's threads between two snapshots, from /proc (Linux), grouped by what they
// do: the analysis worker, the page's main thread, the renderer's other threads (V8's compiler
// and GC helpers, raster, IO), the browser process (which reads the file for the page), the rest.
// With the wall time it gives a floor: on N cores the work cannot finish sooner than total / N,
// nor sooner than its busiest thread.

import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

export type CpuSnapshot = Map<string, { group: string; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function cpuSnapshot(): CpuSnapshot {
  const snap: CpuSnapshot = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        snap.set(`${pid}/${tid}`, { group: groupOf(type, comm, pid === tid), ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
      }
    } catch {
      // the process or thread ended while we looked
    }
  }
  return snap;
}

function groupOf(type: string, comm: string, main: boolean): string {
  if (type === 'renderer') return comm.startsWith('DedicatedWorker') ? 'workers' : main ? 'page main thread' : 'renderer, other threads';
  if (type === 'browser') return 'browser process';
  return 'other processes';
}

export interface CpuUse {
  totalMs: number;
  byGroup: [string, number][];
  /** The busiest single thread. */
  busiestMs: number;
  cores: number;
  /** max(total / cores, busiest thread): no schedule of this work finishes sooner. */
  floorMs: number;
}

export function cpuUse(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const groups = new Map<string, number>();
  let total = 0;
  let busiest = 0;
  for (const [key, { group, ms }] of after) {
    const d = ms - (before.get(key)?.ms ?? 0);
    if (d <= 0) continue;
    groups.set(group, (groups.get(group) ?? 0) + d);
    total += d;
    busiest = Math.max(busiest, d);
  }
  const cores = cpus().length;
  return { totalMs: total, byGroup: [...groups].sort((a, b) => b[1] - a[1]), busiestMs: busiest, cores, floorMs: Math.max(total / cores, busiest) };
}

export function describeCpuUse(u: CpuUse, wallMs: number): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const parts = u.byGroup.map(([g, ms]) => `${g} ${s(ms)}`).join(', ');
  return `Chromium CPU ${s(u.totalMs)} s (${parts}); busiest thread ${s(u.busiestMs)} s; on ${u.cores} cores no schedule beats ${s(u.floorMs)} s, the wall time is ${(wallMs / u.floorMs).toFixed(2)}x that`;
}
