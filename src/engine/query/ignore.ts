// The ignore list: types and files a person has set aside (import machinery, frames) so that every
// table, chart and the leak suspects leave them out. Names match exactly; a file also by its base name.

import { basename } from '../../shared/names.ts';
import type { LogStore } from '../store/log-store.ts';
import type { IgnoreList } from '../types.ts';

export interface IgnoreMasks {
  /** 1 for an ignored type id. */
  types: Uint8Array;
  /** 1 for a site whose file is ignored. */
  sites: Uint8Array;
}

/** A list that names nothing: every query treats it as no list at all, caches included. */
function ignoresNothing(list: IgnoreList): boolean {
  return list.types.length === 0 && list.files.length === 0;
}

/** The masks of a list, or null when it ignores nothing. */
export function ignoreMasks(s: LogStore, list: IgnoreList | undefined): IgnoreMasks | null {
  if (!list || ignoresNothing(list)) return null;
  const types = new Uint8Array(s.types.size);
  const typeSet = new Set(list.types);
  for (let t = 0; t < types.length; t++) if (typeSet.has(s.types.strings[t])) types[t] = 1;
  const fileSet = new Set(list.files);
  const files = new Uint8Array(s.files.size);
  for (let f = 0; f < files.length; f++) {
    const name = s.files.strings[f];
    if (fileSet.has(name) || fileSet.has(basename(name))) files[f] = 1;
  }
  const sites = new Uint8Array(s.sites.size);
  for (let i = 0; i < sites.length; i++) sites[i] = files[s.sites.file[i]];
  return { types, sites };
}

/** True for an event whose type or site is ignored. */
export function isIgnored(m: IgnoreMasks, s: LogStore, e: number): boolean {
  return m.types[s.typeOf(e)] === 1 || m.sites[s.site.get(e)] === 1;
}

/** A stable text key of a list, for caches: '' for a list that ignores nothing, as for none (see ignoreMasks). */
export function ignoreKey(list: IgnoreList | undefined): string {
  if (!list || ignoresNothing(list)) return '';
  return JSON.stringify([[...list.types].sort(), [...list.files].sort()]);
}
