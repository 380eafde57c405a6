// The chart colours of the theme in force, re-read when the system switches between light and dark.
import { useSyncExternalStore } from 'react';
import { readChartTheme, type ChartTheme } from '../display/theme.ts';

const dark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

// One object per scheme seen, so React gets the same snapshot until the scheme changes.
let cached: { dark: boolean; theme: ChartTheme } | null = null;

function snapshot(): ChartTheme {
  const isDark = dark?.matches ?? false;
  if (cached?.dark !== isDark) cached = { dark: isDark, theme: readChartTheme() };
  return cached.theme;
}

function subscribe(onChange: () => void): () => void {
  dark?.addEventListener('change', onChange);
  return () => dark?.removeEventListener('change', onChange);
}

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot);
}
