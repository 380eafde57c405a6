// What a person's clicks do to the view state in the URL: tabs, the clock window and T, a site's
// or type's objects and detail, the ignore list. Stable callbacks, so memoised views keep still.

import { useMemo } from 'react';
import type { Subject } from '../../shared/names.ts';
import type { ClockWindow, TabId, ViewState } from '../url-state.ts';

export type SetView = (update: (s: ViewState) => ViewState) => void;

export interface ViewActions {
  setTab(tab: TabId): void;
  setWindow(win: ClockWindow | null): void;
  /** Sets T and shows the heap at T (clearing T stays where it is). */
  setInstant(t: number | null): void;
  /** The Live tab, filtered to the subject's objects, with its detail open. */
  openObjects(subject: Subject): void;
  clearObjects(): void;
  openDetail(subject: Subject): void;
  closeDetail(): void;
  addIgnore(kind: 'type' | 'file', name: string): void;
  removeIgnore(kind: 'type' | 'file', name: string): void;
  setSuspectsBy(by: 'site' | 'type'): void;
  setFullPath(full: boolean): void;
}

export function useViewActions(setView: SetView): ViewActions {
  return useMemo<ViewActions>(
    () => ({
      setTab: (tab) => setView((s) => ({ ...s, tab })),
      setWindow: (win) => setView((s) => ({ ...s, win })),
      setInstant: (t) => setView((s) => ({ ...s, t, tab: t === null ? s.tab : 'heap' })),
      openObjects: (subject) => setView((s) => ({ ...s, tab: 'live', of: subject, detail: subject })),
      clearObjects: () => setView((s) => ({ ...s, of: null })),
      openDetail: (subject) => setView((s) => ({ ...s, detail: subject })),
      closeDetail: () => setView((s) => ({ ...s, detail: null })),
      addIgnore: (kind, name) =>
        setView((s) => {
          const names = kind === 'type' ? s.ignore.types : s.ignore.files;
          if (names.includes(name)) return s;
          return {
            ...s,
            ignore:
              kind === 'type' ? { ...s.ignore, types: [...names, name] } : { ...s.ignore, files: [...names, name] },
          };
        }),
      removeIgnore: (kind, name) =>
        setView((s) => ({
          ...s,
          ignore:
            kind === 'type'
              ? { ...s.ignore, types: s.ignore.types.filter((t) => t !== name) }
              : { ...s.ignore, files: s.ignore.files.filter((f) => f !== name) },
        })),
      setSuspectsBy: (by) => setView((s) => ({ ...s, suspectsBy: by })),
      setFullPath: (full) => setView((s) => ({ ...s, full })),
    }),
    [setView],
  );
}
