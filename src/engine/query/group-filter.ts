// The exact allocation site and type of a table filter ("the objects of this site") as masks over
// site and type ids. The filter names them (full path, line, function; type name) rather than
// giving ids, so a shared link means the same objects in any parse of the log.

import type { LogStore } from '../store/log-store.ts';
import type { TableFilter } from '../types.ts';

export interface GroupMasks {
  /** 1 for a site id of the filter's site (null: any site). */
  sites: Uint8Array | null;
  /** 1 for a type id of the filter's type (null: any type). */
  types: Uint8Array | null;
}

/** The masks of a filter's site and type, or null when it names neither. */
export function groupMasks(s: LogStore, f: TableFilter): GroupMasks | null {
  if (!f.site && f.type === undefined) return null;
  let sites: Uint8Array | null = null;
  if (f.site) {
    const { file, line, function: func } = f.site;
    sites = new Uint8Array(s.sites.size);
    for (let i = 0; i < sites.length; i++)
      if (
        s.sites.line[i] === line &&
        s.files.strings[s.sites.file[i]] === file &&
        s.funcs.strings[s.sites.func[i]] === func
      )
        sites[i] = 1;
  }
  let types: Uint8Array | null = null;
  if (f.type !== undefined) {
    types = new Uint8Array(s.types.size);
    for (let t = 0; t < types.length; t++) if (s.types.strings[t] === f.type) types[t] = 1;
  }
  return { sites, types };
}

/** True for an event of the filter's site and type. */
export function inGroup(m: GroupMasks, s: LogStore, e: number): boolean {
  return (m.sites === null || m.sites[s.site.get(e)] === 1) && (m.types === null || m.types[s.typeOf(e)] === 1);
}
