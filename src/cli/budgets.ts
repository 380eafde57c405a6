// CI gate: --max-live N and --max-live-type TYPE=N fail the run when a leak budget is exceeded.

import type { HeapSnapshot } from '../engine/types.ts';

export interface Budgets {
  maxLive: number | null;
  maxLiveByType: Map<string, number>;
}

/** Adds one budget option to budgets; returns an error message or null. */
export function parseBudget(budgets: Budgets, option: string, value: string | undefined): string | null {
  if (value === undefined) return `${option} needs a value`;
  if (option === '--max-live') {
    if (!/^\d+$/.test(value)) return `--max-live takes a whole number, not "${value}"`;
    budgets.maxLive = Number(value);
    return null;
  }
  const eq = value.lastIndexOf('=');
  if (eq <= 0 || !/^\d+$/.test(value.slice(eq + 1))) return `--max-live-type takes TYPE=N, not "${value}"`;
  budgets.maxLiveByType.set(value.slice(0, eq), Number(value.slice(eq + 1)));
  return null;
}

export interface BudgetVerdict {
  exceeded: boolean;
  lines: string[];
  json: { exceeded: boolean; over: { type: string | null; live: number; max: number }[] } | undefined;
}

/** Checks the heap at the end of the log against the budgets. */
export function checkBudgets(end: () => HeapSnapshot, budgets: Budgets): BudgetVerdict {
  if (budgets.maxLive === null && budgets.maxLiveByType.size === 0)
    return { exceeded: false, lines: [], json: undefined };
  const heap = end();
  const over: { type: string | null; live: number; max: number }[] = [];
  if (budgets.maxLive !== null && heap.alive > budgets.maxLive)
    over.push({ type: null, live: heap.alive, max: budgets.maxLive });
  for (const [type, max] of budgets.maxLiveByType) {
    const live = Object.hasOwn(heap.types, type) ? heap.types[type] : 0;
    if (live > max) over.push({ type, live, max });
  }
  const lines = over.length
    ? [
        'Budget exceeded:',
        ...over.map((o) => `  ${o.type === null ? 'all types' : o.type}: ${o.live} live > ${o.max} allowed`),
      ]
    : ['Budget: within limits.'];
  return { exceeded: over.length > 0, lines, json: { exceeded: over.length > 0, over } };
}
