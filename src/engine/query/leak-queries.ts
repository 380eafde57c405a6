// The leak-finding queries as plain data, for the worker and the CLI: the heap at an instant, the
// growth between two, the leak suspects and the lifetimes of a site's or a type's objects. Holds
// the indexes they share (ObjectEnds, Instants), kept as the store grows.

import { basename } from '../../shared/names.ts';
import type { LogStore } from '../store/log-store.ts';
import type {
  GroupMoments,
  GrowthReport,
  HeapSnapshot,
  IgnoreList,
  InstantView,
  LifetimeHistogram,
  SiteName,
  Subject,
  SubjectVerdict,
  Suspect,
  TimeView,
} from '../types.ts';
import { growthCounts, heapCounts, type HeapCounts } from './heap.ts';
import { ignoreKey, ignoreMasks, type IgnoreMasks } from './ignore.ts';
import { Instants } from './instants.ts';
import { LIFETIME_EDGES, lifetimeProfile, type ObjectGroup } from './lifetimes.ts';
import { ObjectEnds } from './object-ends.ts';
import { logPhases, type Phase } from './phases.ts';
import { subjectPhases } from './leaks/subject-phases.ts';
import { viewContext, type ViewContext } from './tables/view-context.ts';
import { logVerdicts, type Verdicts } from './leaks/verdicts.ts';

export class LeakQueries {
  readonly ends: ObjectEnds;
  readonly instants: Instants;
  private masks: { key: string; version: number; masks: IgnoreMasks | null } | null = null;
  private verdictCache: { key: string; version: number; verdicts: Verdicts } | null = null;

  constructor(private readonly store: LogStore) {
    this.ends = new ObjectEnds(store);
    this.instants = new Instants(store);
  }

  /** The ignore masks of a list, cached while the list and the store's names stay the same. */
  ignoreMasks(list: IgnoreList | undefined): IgnoreMasks | null {
    const key = ignoreKey(list);
    const version = this.store.types.size * 1e6 + this.store.sites.size;
    if (this.masks?.key !== key || this.masks.version !== version)
      this.masks = { key, version, masks: ignoreMasks(this.store, list) };
    return this.masks.masks;
  }

  heapAt(at: number, ignore?: IgnoreList): HeapCounts {
    return heapCounts(this.store, this.ends.current(), this.instants.prefixAt(at), this.ignoreMasks(ignore));
  }

  /** A moment of the log as the tables show it, with the ignore list. */
  view(view: TimeView | undefined, ignore?: IgnoreList): ViewContext {
    return viewContext(this.store, view, {
      ends: this.ends,
      instants: this.instants,
      masks: this.ignoreMasks(ignore),
      ignoreKey: ignoreKey(ignore),
    });
  }

  /** The heap at an instant as the Heap at T tab's tables count it (the same view). */
  snapshot(view: InstantView, ignore?: IgnoreList): HeapSnapshot {
    const s = this.store;
    const at = view.at;
    const h = this.view(view, ignore).heap();
    const types: Record<string, number> = Object.create(null); // a type may be named __proto__
    for (const t of byCountDesc(h.typeAlive)) types[s.types.strings[t]] = h.typeAlive[t];
    const sites = byCountDesc(h.siteAlive).map((i) => ({ ...this.siteName(i), alive: h.siteAlive[i] }));
    return { at, alive: h.alive, types, sites };
  }

  growth(from: number, to: number, ignore?: IgnoreList): GrowthReport {
    const s = this.store;
    const g = growthCounts(
      s,
      this.ends.current(),
      from,
      this.instants.prefixAt(from),
      this.instants.prefixAt(to),
      this.ignoreMasks(ignore),
    );
    const typeIds = growthOrder(g.typeFrom, g.typeTo, g.typeCreated);
    const types: Record<string, [number, number, number]> = Object.create(null); // a type may be named __proto__
    for (const t of typeIds) types[s.types.strings[t]] = [g.typeFrom[t], g.typeTo[t], g.typeCreated[t]];
    const sites = growthOrder(g.siteFrom, g.siteTo, g.siteCreated).map((i) => ({
      ...this.siteName(i),
      aliveFrom: g.siteFrom[i],
      aliveTo: g.siteTo[i],
      createdAndAlive: g.siteCreated[i],
    }));
    return { from, to, aliveFrom: g.aliveFrom, aliveTo: g.aliveTo, createdAndAlive: g.createdAlive, types, sites };
  }

  /** Every site's and type's verdict (leaks/verdicts.ts), kept while the store and the ignore list stay the same. */
  verdicts(ignore?: IgnoreList): Verdicts {
    const key = ignoreKey(ignore);
    const version = this.store.version;
    if (this.verdictCache?.key !== key || this.verdictCache.version !== version)
      this.verdictCache = { key, version, verdicts: logVerdicts(this.store, this.ignoreMasks(ignore)) };
    return this.verdictCache.verdicts;
  }

  /** A site's or a type's verdict (undefined when it holds nothing at the end). */
  verdictOf(subject: Subject, ignore?: IgnoreList): Suspect | undefined {
    const v = this.verdicts(ignore);
    return subject.kind === 'site'
      ? v.sites.find(
          (y) => y.line === subject.site.line && y.function === subject.site.function && y.file === subject.site.file,
        )
      : v.types.find((y) => y.type === subject.type);
  }

  /** A site's or a type's verdict, and its objects phase by phase (its row's detail). */
  subjectVerdict(subject: Subject, group: ObjectGroup | null, ignore?: IgnoreList): SubjectVerdict {
    const x = this.verdictOf(subject, ignore);
    const phases = group
      ? subjectPhases(this.store, group, this.phases(ignore), this.instants, this.ignoreMasks(ignore))
      : [];
    if (!x)
      return {
        verdict: null,
        reason: 'holds nothing at the end',
        growthPerSecond: 0,
        growingSince: null,
        growingDuring: null,
        phases,
      };
    const { verdict, reason, growthPerSecond, growingSince, growingDuring } = x;
    return { verdict, reason, growthPerSecond, growingSince, growingDuring, phases };
  }

  /** Sites or types holding objects at the end, leaks first (README, "Leak verdicts"). */
  suspects(by: 'site' | 'type', limit = 20, ignore?: IgnoreList): Suspect[] {
    const v = this.verdicts(ignore);
    return (by === 'site' ? v.sites : v.types).slice(0, limit);
  }

  /**
   * A site's or a type's objects alive at T, and their growth over A..B: its row in the heap and
   * growth tables (with the same ignore list), for its detail.
   */
  groupMoments(
    group: ObjectGroup,
    at: number | null,
    window: { from: number; to: number } | null,
    ignore?: IgnoreList,
  ): GroupMoments {
    const pick = (byType: Int32Array, bySite: Int32Array) =>
      group.site !== undefined ? (bySite[group.site] ?? 0) : group.type !== undefined ? (byType[group.type] ?? 0) : 0;
    let atT: GroupMoments['at'] = null;
    if (at !== null) {
      const h = this.heapAt(at, ignore);
      atT = { t: at, alive: pick(h.typeAlive, h.siteAlive) };
    }
    let growth: GroupMoments['growth'] = null;
    if (window !== null) {
      const { from, to } = window;
      const g = growthCounts(
        this.store,
        this.ends.current(),
        from,
        this.instants.prefixAt(from),
        this.instants.prefixAt(to),
        this.ignoreMasks(ignore),
      );
      growth = {
        from,
        to,
        aliveFrom: pick(g.typeFrom, g.siteFrom),
        aliveTo: pick(g.typeTo, g.siteTo),
        createdAndAlive: pick(g.typeCreated, g.siteCreated),
      };
    }
    return { at: atT, growth };
  }

  /** The spans between the log's messages and what each did to the heap (query/phases.ts). */
  phases(ignore?: IgnoreList): Phase[] {
    return logPhases(this.store, this.ends.current(), this.instants, this.ignoreMasks(ignore));
  }

  lifetimes(group: ObjectGroup, temporaryNews = 1): LifetimeHistogram {
    return { edges: LIFETIME_EDGES, ...lifetimeProfile(this.store, group, temporaryNews) };
  }

  siteName(i: number): SiteName {
    const s = this.store;
    return {
      file: s.files.strings[s.sites.file[i]],
      line: s.sites.line[i],
      function: s.funcs.strings[s.sites.func[i]],
    };
  }

  /** A site's name as the tables show it by default: the file's base name. */
  shortSite(i: number): string {
    const n = this.siteName(i);
    return `${basename(n.file)}:${n.line} ${n.function}`;
  }
}

const leakQueries = new WeakMap<LogStore, LeakQueries>();

/** The LeakQueries of a store (one per store, so its indexes are built once). */
export function leakQueriesOf(s: LogStore): LeakQueries {
  let q = leakQueries.get(s);
  if (!q) leakQueries.set(s, (q = new LeakQueries(s)));
  return q;
}

/** Ids with a non-zero count, most first (ties by id). */
function byCountDesc(counts: Int32Array): number[] {
  const ids: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) ids.push(i);
  return ids.sort((a, b) => counts[b] - counts[a] || a - b);
}

/** Ids with any non-zero count, biggest growth (to - from) first, then most created and alive. */
function growthOrder(from: Int32Array, to: Int32Array, created: Int32Array): number[] {
  const ids: number[] = [];
  for (let i = 0; i < from.length; i++) if (from[i] || to[i] || created[i]) ids.push(i);
  return ids.sort((a, b) => to[b] - from[b] - (to[a] - from[a]) || created[b] - created[a] || a - b);
}
