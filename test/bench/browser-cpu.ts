// CPU time of a browser's threads between two snapshots, from /proc (Linux), grouped by what they
// do: the analysis worker (and decode workers), the page's main thread, the page process's other
// threads (V8's or SpiderMonkey's compiler and GC helpers, raster, IO), the browser process (which
// reads the file for the page), the rest. Chromium's page process is a renderer (--type=renderer,
// workers named DedicatedWorker…); Firefox's is a content process (-contentproc … tab, main thread
// "Web Content", workers "DOM Worker"). With the wall time it gives a floor: on N cores the work
// cannot finish sooner than total / N, nor sooner than its busiest thread.

import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserName } from '../browser/support/driver.ts';

export type CpuSnapshot = Map<string, { group: string; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * This process's descendants: the browsers it launched and their children, and not the browsers
 * of other programs on the machine (other test runs may be driving Chromium at the same time).
 */
function descendants(): Set<string> {
  const children = new Map<string, string[]>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  const out = new Set<string>();
  const todo = [String(process.pid)];
  while (todo.length) {
    for (const c of children.get(todo.pop()!) ?? []) {
      if (out.has(c)) continue;
      out.add(c);
      todo.push(c);
    }
  }
  return out;
}

/** The processes of the browser this process launched: pid, and what kind of process each is. */
export function browserProcesses(browser: BrowserName): { pid: string; kind: 'page' | 'browser' | 'other' }[] {
  const out: { pid: string; kind: 'page' | 'browser' | 'other' }[] = [];
  for (const pid of descendants()) {
    try {
      // Split on spaces too: Firefox rewrites its processes' command lines into one string.
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
      if (!argv.length || !argv[0].includes(browser === 'firefox' ? 'firefox' : 'chromium')) continue;
      if (browser === 'chromium') {
        const type = /--type=([a-z-]+)/.exec(argv.join(' '))?.[1];
        out.push({ pid, kind: type === 'renderer' ? 'page' : type === undefined ? 'browser' : 'other' });
      } else {
        // A content process ends its arguments with its type: "tab" for web pages (and their workers).
        const content = argv.includes('-contentproc');
        out.push({
          pid,
          kind: !content
            ? argv[0].endsWith('crashhelper')
              ? 'other'
              : 'browser'
            : argv.at(-1) === 'tab'
              ? 'page'
              : 'other',
        });
      }
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

export function cpuSnapshot(browser: BrowserName = 'chromium'): CpuSnapshot {
  const snap: CpuSnapshot = new Map();
  for (const { pid, kind } of browserProcesses(browser)) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        snap.set(`${pid}/${tid}`, {
          group: groupOf(browser, kind, comm, pid === tid),
          ms: (Number(f[11]) + Number(f[12])) * TICK_MS,
        });
      }
    } catch {
      // the process or thread ended while we looked
    }
  }
  return snap;
}

function groupOf(browser: BrowserName, kind: 'page' | 'browser' | 'other', comm: string, main: boolean): string {
  if (kind === 'page') {
    if (comm.startsWith(browser === 'firefox' ? 'DOM Worker' : 'DedicatedWorker')) return 'workers';
    if (main) return 'page main thread';
    return browser === 'firefox' ? 'content process, other threads' : 'renderer, other threads';
  }
  if (kind === 'browser') return 'browser process';
  return 'other processes';
}

/** Resident memory of each of the browser's page processes (renderers, or Firefox's "tab" content processes), in MB. */
export function pageProcessesRssMB(browser: BrowserName): Map<string, number> {
  const out = new Map<string, number>();
  for (const { pid, kind } of browserProcesses(browser)) {
    if (kind !== 'page') continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) out.set(pid, Number(m[1]) / 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return out;
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
  return {
    totalMs: total,
    byGroup: [...groups].sort((a, b) => b[1] - a[1]),
    busiestMs: busiest,
    cores,
    floorMs: Math.max(total / cores, busiest),
  };
}

/** The CPU of a parse of `bytes` bytes by thread group, in all and per GB, and the floor it sets on the wall time. */
export function describeCpuUse(u: CpuUse, wallMs: number, bytes: number, browser: BrowserName = 'chromium'): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const perGb = (ms: number) => s((ms * 1e9) / bytes);
  const parts = u.byGroup.map(([g, ms]) => `${g} ${s(ms)}`).join(', ');
  const partsPerGb = u.byGroup.map(([g, ms]) => `${g} ${perGb(ms)}`).join(', ');
  const name = browser === 'firefox' ? 'Firefox' : 'Chromium';
  return (
    `${name} CPU ${s(u.totalMs)} s (${parts}); per GB ${perGb(u.totalMs)} CPU-s (${partsPerGb}); ` +
    `busiest thread ${s(u.busiestMs)} s; on ${u.cores} cores no schedule beats ${s(u.floorMs)} s, the wall time is ${(wallMs / u.floorMs).toFixed(2)}x that`
  );
}
