// Mounting the whole analysis view at the drop took one task of 50–90 ms of main thread while the
// worker starts its parse: the tab's content mounts a task later, so neither task holds the page
// long (docs/performance.md).

import { useEffect, useState } from 'react';

/**
 * How many of `stages` parts to show: all at once when `on` holds from the first render, else one
 * more each task after it turns on; none while it is off.
 */
export function useStagedMount(on: boolean, stages: number): number {
  const [shown, setShown] = useState(on ? stages : 0);
  const [wasOn, setWasOn] = useState(on);
  // Turned off: start again from none (state adjusted while rendering, as React advises for a prop).
  if (on !== wasOn) {
    setWasOn(on);
    if (!on) setShown(0);
  }
  useEffect(() => {
    if (!on || shown >= stages) return;
    const id = setTimeout(() => setShown((n) => Math.min(stages, n + 1)), 0);
    return () => clearTimeout(id);
  }, [on, shown, stages]);
  return on ? shown : 0;
}
