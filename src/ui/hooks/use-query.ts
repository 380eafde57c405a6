// The page's one way to ask the worker a question that is not a page of rows (suspects, a row's
// detail, totals, chart series): asked again whenever the question or the data changes, the last
// answer kept on screen until the next one comes, and an older question's late answer never shown
// over a newer one's.

import { useEffect, useState } from 'react';
import type { QueryAnswer, QueryName, QueryParams } from '../../engine/queries.ts';
import { ask } from '../data/worker-client.ts';

export interface QueryState<T> {
  /** The newest answer received (of this question or an earlier one), or null before any. */
  value: T | null;
  error: string | null;
  /** Whether `value` answers the current question. */
  fresh: boolean;
}

/**
 * Asks `name` with `params` of the data at `dataVersion`; null params ask nothing (e.g. while a
 * parse runs) and keep the last answer. Params are compared by value, so a new object with the same
 * contents asks nothing again.
 */
export function useQuery<N extends QueryName>(
  name: N,
  params: QueryParams<N> | null,
  dataVersion: number,
): QueryState<Awaited<QueryAnswer<N>>> {
  const key = params === null ? null : JSON.stringify([name, dataVersion, params]);
  const [state, setState] = useState<{
    key: string | null;
    value: Awaited<QueryAnswer<N>> | null;
    error: string | null;
  }>({ key: null, value: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const [, , asked] = JSON.parse(key) as [N, number, QueryParams<N>];
    (ask as (n: N, p: QueryParams<N>) => Promise<Awaited<QueryAnswer<N>>>)(name, asked).then(
      (value) => live && setState({ key, value, error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, key, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [name, key]);
  return { value: state.value, error: state.error, fresh: key !== null && state.key === key };
}
