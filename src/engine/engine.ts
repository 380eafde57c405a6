// The engine facade: one log (and the log it is compared with), and every question about it asked
// by name (queries.ts). The worker, the CLI and the tests all ask through it; nothing outside the
// engine reads the store.

import type { Analysis } from './analysis.ts';
import {
  ANSWERS,
  type EngineParts,
  type QueryAnswer,
  type QueryArgs,
  type QueryName,
  type QueryParams,
} from './queries.ts';
import { compareRows } from './query/compare.ts';
import { ignoreKey } from './query/ignore.ts';
import { leakQueriesOf, type LeakQueries } from './query/leak-queries.ts';
import type { ObjectGroup } from './query/lifetimes.ts';
import type { Phase } from './query/phases.ts';
import { SeriesIndex } from './query/series-index.ts';
import { TableQueries } from './query/table-query.ts';
import type { TableDef } from './query/tables/index.ts';
import { compareTable, comparePhaseTable, phaseTable } from './query/tables/row-tables.ts';
import { comparePhaseRows } from './query/compare-phases.ts';
import type { LogStore } from './store/log-store.ts';
import type { IgnoreList, Subject, TableId } from './types.ts';

interface Kept {
  stamp: number;
  key: string;
  value: unknown;
}

export class Engine implements EngineParts {
  readonly store: LogStore;
  readonly tables: TableQueries;
  readonly leaks: LeakQueries;
  private seriesIndex: SeriesIndex | null = null;
  private kept = new Map<string, Kept>();

  constructor(
    readonly log: Analysis,
    /** The "before" log of a comparison (this one is the "after"). */
    readonly baseline: Analysis | null = null,
  ) {
    this.store = log.store;
    this.leaks = leakQueriesOf(this.store);
    this.tables = new TableQueries(this.store, {
      stamp: () => this.stamp,
      rowTable: (table, fullPath, ignore) => this.rowTable(table, fullPath, ignore),
    });
  }

  /** Changes whenever any answer may change: the log's or the baseline's events, messages or problems. */
  get stamp(): number {
    return this.store.stamp * 2 ** 20 + (this.baseline?.store.stamp ?? 0);
  }

  ask<N extends QueryName>(name: N, ...args: QueryArgs<N>): QueryAnswer<N> {
    const answer = ANSWERS[name] as (e: EngineParts, p: QueryParams<N> | undefined) => QueryAnswer<N>;
    if (!answer) throw new Error(`unknown query "${String(name)}"`);
    return answer(this, args[0]);
  }

  /** A value kept under `slot` while the stamp and its key stay the same. */
  keep<T>(slot: string, key: string, compute: () => T): T {
    const stamp = this.stamp;
    const k = this.kept.get(slot);
    if (k && k.stamp === stamp && k.key === key) return k.value as T;
    const value = compute();
    this.kept.set(slot, { stamp, key, value });
    return value;
  }

  series(): SeriesIndex {
    // The index keeps per-block summaries as the store grows, so each query is fresh and cheap.
    return (this.seriesIndex ??= new SeriesIndex(this.store));
  }

  phases(ignore: IgnoreList | undefined): Phase[] {
    return this.keep('phases', ignoreKey(ignore), () => this.leaks.phases(ignore));
  }

  groupOf(subject: Subject): ObjectGroup | null {
    const s = this.store;
    if (subject.kind === 'type') {
      const ids = this.keep('typeIds', String(s.types.size), () => new Map(s.types.strings.map((t, i) => [t, i])));
      const type = ids.get(subject.type);
      return type === undefined ? null : { type };
    }
    const ids = this.keep('siteIds', String(s.sites.size), () => {
      const m = new Map<string, number>();
      for (let i = 0; i < s.sites.size; i++)
        m.set(`${s.sites.line[i]}\0${s.funcs.strings[s.sites.func[i]]}\0${s.files.strings[s.sites.file[i]]}`, i);
      return m;
    });
    const { file, line, function: func } = subject.site;
    const site = ids.get(`${line}\0${func}\0${file}`);
    return site === undefined ? null : { site };
  }

  private rowTable(table: TableId, fullPath: boolean, ignore: IgnoreList | undefined): TableDef | null {
    if (table === 'phases') return this.keep('phaseTable', ignoreKey(ignore), () => phaseTable(this.phases(ignore)));
    if (table === 'compare-phases')
      return this.keep(table, ignoreKey(ignore), () =>
        comparePhaseTable(
          this.baseline ? comparePhaseRows(leakQueriesOf(this.baseline.store).phases(ignore), this.phases(ignore)) : [],
        ),
      );
    if (table !== 'compare-types' && table !== 'compare-sites') return null;
    const by = table === 'compare-types' ? 'type' : 'site';
    const baseline = this.baseline;
    return this.keep(table, JSON.stringify([fullPath, ignoreKey(ignore)]), () =>
      compareTable(by, baseline ? compareRows(baseline.store, this.store, by, fullPath, ignore) : []),
    );
  }
}
