// Compare two logs (before/after a fix): per type or per allocation site, the New, Del and Live of
// each and their difference. Keys are names, not ids, since each log interns its own.

import type { LogStore } from '../store/log-store.ts';
import { siteLabel } from '../../shared/names.ts';
import type { IgnoreList, Row } from '../types.ts';

type CompareBy = 'type' | 'site';
import { Derived } from './derived.ts';
import { leakQueriesOf } from './leak-queries.ts';

interface Counts {
  created: number;
  deleted: number;
  live: number;
}

function countsByKey(
  s: LogStore,
  by: CompareBy,
  fullPath: boolean,
  ignore: IgnoreList | undefined,
): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const get = (k: string) => {
    let c = out.get(k);
    if (!c) out.set(k, (c = { created: 0, deleted: 0, live: 0 }));
    return c;
  };
  const siteKey = (i: number) =>
    siteLabel(
      { file: s.files.strings[s.sites.file[i]], line: s.sites.line[i], function: s.funcs.strings[s.sites.func[i]] },
      fullPath,
    );
  if (ignore && (ignore.types.length > 0 || ignore.files.length > 0)) {
    // With an ignore list the counts leave the ignored types and files out, as every table does.
    const h = leakQueriesOf(s).heapAt(Infinity, ignore);
    const n = by === 'type' ? s.types.size : s.sites.size;
    for (let i = 0; i < n; i++) {
      const [created, deleted, live] =
        by === 'type' ? [h.typeNew[i], h.typeDel[i], h.typeAlive[i]] : [h.siteNew[i], h.siteFreed[i], h.siteAlive[i]];
      if (!created && !deleted) continue;
      const c = get(by === 'type' ? s.types.strings[i] : siteKey(i));
      c.created += created;
      c.deleted += deleted;
      c.live += live;
    }
    return out;
  }
  if (by === 'type') {
    const live = new Derived(s).liveByType();
    for (let t = 0; t < s.types.size; t++) {
      const n = s.seed.typeNew.data[t] ?? 0;
      const d = s.seed.typeDel.data[t] ?? 0;
      if (!n && !d) continue;
      const c = get(s.types.strings[t]);
      c.created += n;
      c.deleted += d;
      c.live += live[t] ?? 0;
    }
    return out;
  }
  const st = new Derived(s).sites();
  for (const i of st.ids) {
    const c = get(siteKey(i));
    c.created += st.created[i];
    c.live += st.live[i];
    c.deleted += st.freed[i];
  }
  return out;
}

/** One row per key in either log: counts of A (before), B (after) and B − A. Biggest live growth first. */
export function compareRows(a: LogStore, b: LogStore, by: CompareBy, fullPath = false, ignore?: IgnoreList): Row[] {
  const ca = countsByKey(a, by, fullPath, ignore);
  const cb = countsByKey(b, by, fullPath, ignore);
  const zero: Counts = { created: 0, deleted: 0, live: 0 };
  const keys = new Set([...ca.keys(), ...cb.keys()]);
  const rows: Row[] = [];
  for (const key of keys) {
    const x = ca.get(key) ?? zero;
    const y = cb.get(key) ?? zero;
    rows.push({
      key,
      newA: x.created,
      newB: y.created,
      newDiff: y.created - x.created,
      delA: x.deleted,
      delB: y.deleted,
      delDiff: y.deleted - x.deleted,
      liveA: x.live,
      liveB: y.live,
      liveDiff: y.live - x.live,
    });
  }
  rows.sort(
    (p, q) =>
      (q.liveDiff as number) - (p.liveDiff as number) ||
      (q.newDiff as number) - (p.newDiff as number) ||
      String(p.key).localeCompare(String(q.key)),
  );
  return rows;
}
