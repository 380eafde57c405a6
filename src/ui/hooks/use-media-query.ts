// Whether a CSS media query matches, following its changes (a window resized, a setting changed).

import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = matchMedia(query);
      m.addEventListener('change', onChange);
      return () => m.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
  );
}

/** Where a row's detail docks beside its table instead of above it (leak.css uses the same width). */
export const DETAIL_BESIDE = '(min-width: 1500px)';
/** Where a detail above its table opens collapsed to its head and one line, leaving the table its rows. */
export const SHORT_WINDOW = '(max-height: 899px)';
