// CI gate: --max-live N and --max-live-type TYPE=N fail the run when a leak budget is exceeded.

import type { Analysis } from '../engine/analysis.ts';

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

export function checkBudgets(analysis: Analysis, budgets: Budgets): BudgetVerdict {
  if (budgets.maxLive === null && budgets.maxLiveByType.size === 0)
    return { exceeded: false, lines: [], json: undefined };
  const store = analysis.store;
  const liveByType = new Map<string, number>();
  store.seed.liveMap.forEachValue((e) => {
    const t = store.types.strings[store.typeOf(e)];
    liveByType.set(t, (liveByType.get(t) ?? 0) + 1);
  });
  const over: { type: string | null; live: number; max: number }[] = [];
  if (budgets.maxLive !== null && store.seed.liveMap.size > budgets.maxLive)
    over.push({ type: null, live: store.seed.liveMap.size, max: budgets.maxLive });
  for (const [type, max] of budgets.maxLiveByType) {
    const live = liveByType.get(type) ?? 0;
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
