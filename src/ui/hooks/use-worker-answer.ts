// One answer of the worker to a question that is not a table (suspects, a row's detail, totals):
// asked again whenever its key changes, the last answer kept on screen until the next one comes,
// and an older question's late answer never shown over a newer one's.

import { useEffect, useRef, useState } from 'react';

export interface WorkerAnswer<T> {
  /** The newest answer received (of this key or an earlier one), or null before any. */
  value: T | null;
  error: string | null;
  /** Whether `value` answers the current key. */
  fresh: boolean;
}

/**
 * `key` names everything the answer depends on (the question, the data version); null asks
 * nothing (e.g. while a parse runs) and keeps the last answer.
 */
export function useWorkerAnswer<T>(key: string | null, ask: () => Promise<T>): WorkerAnswer<T> {
  const [state, setState] = useState<{ key: string | null; value: T | null; error: string | null }>({
    key: null,
    value: null,
    error: null,
  });
  // The newest ask function, so a new closure each render does not ask again: only the key does.
  const askRef = useRef(ask);
  useEffect(() => {
    askRef.current = ask;
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    askRef.current().then(
      (value) => live && setState({ key, value, error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, key, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return { value: state.value, error: state.error, fresh: key !== null && state.key === key };
}
