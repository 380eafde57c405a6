// Every question the page and the CLI ask, by name: its parameters, its answer, and the one line
// that answers it over the engine's parts. A new question is one line in each of the two lists
// (and the module that computes it).

import type { Phase } from './query/phases.ts';
import type { FleetTable, FleetTableName } from './query/fleet/schema.ts';
import type { Analysis } from './analysis.ts';
import type { LeakQueries } from './query/leak-queries.ts';
import type { ObjectGroup } from './query/lifetimes.ts';
import type { SeriesIndex } from './query/series-index.ts';
import type { TableQueries } from './query/table-query.ts';
import type { LogStore } from './store/log-store.ts';
import type {
  ColumnInfo,
  IgnoreList,
  Subject,
  ColumnsQuery,
  ExportQuery,
  GroupMoments,
  GrowthQuery,
  GrowthReport,
  HeapQuery,
  HeapSnapshot,
  JsonReport,
  LeakReport,
  LeaksQuery,
  LifetimeHistogram,
  LifetimesQuery,
  LivePoint,
  MomentsQuery,
  PhasesQuery,
  RowPage,
  SeriesPoint,
  SeriesQuery,
  SubjectSeriesQuery,
  SubjectVerdict,
  SubjectVerdictQuery,
  Summary,
  Suspect,
  SuspectsQuery,
  TableQuery,
  TypeSeries,
  TypeSeriesQuery,
} from './types.ts';
import { exportTable } from './query/export.ts';
import type { RunSummary } from './runs/history.ts';
import { runSummary } from './runs/run-summary.ts';
import { leakReport } from './query/leaks/verdicts.ts';
import { seedReport, type SeedReportOptions } from './query/seed-report.ts';
import { typeLiveSeries } from './query/type-series.ts';
import { siteLiveSeries } from './query/site-series.ts';
import { fleetTables } from './query/fleet/tables.ts';
import { runsTable } from './query/fleet/run-rows.ts';
import { basename } from '../shared/names.ts';
import { logPeaks, type Peaks } from './query/peaks.ts';
import { growthRates, type GrowthRate, type GrowthRatesQuery } from './query/leaks/growth-rates.ts';
import { logLikeness, type LogLikeness } from './query/log-likeness.ts';
import { otherLogSeries } from './query/baseline-series.ts';

/** What the answers in queries.ts are computed from. */
export interface EngineParts {
  readonly log: Analysis;
  /** The "before" log of a comparison, when one is open. */
  readonly baseline: Analysis | null;
  readonly store: LogStore;
  readonly tables: TableQueries;
  readonly leaks: LeakQueries;
  series(): SeriesIndex;
  phases(ignore: IgnoreList | undefined): Phase[];
  /** A subject's ids in this log; null when the log has no such site or type. */
  groupOf(subject: Subject): ObjectGroup | null;
}

/** Each query's parameters and answer. Answers are plain data (they cross to the page by structured clone). */
export interface Queries {
  /** What the log holds so far: counts, clocks, RSS, how the parse went. */
  summary: [void, Summary];
  /** The CLI's `analyse --json`. */
  report: [void, JsonReport];
  /** The seed analyser's text report and what it could not say, in pieces as they are made (in-process only). */
  seedReport: [SeedReportOptions, Iterable<string>];
  columns: [ColumnsQuery, ColumnInfo[]];
  /** One page of any table, its filter and sort applied. */
  rows: [TableQuery, RowPage];
  /** A whole table as shown, as the pieces of a CSV or JSON file. */
  export: [ExportQuery, string[]];
  /** RSS and the live count over clock, for the chart. */
  series: [SeriesQuery, SeriesPoint[]];
  typeSeries: [TypeSeriesQuery, TypeSeries[]];
  /** Sites or types holding objects at the end with their verdicts, leaks first (README, "Leak verdicts"). */
  suspects: [SuspectsQuery, Suspect[]];
  /** What this log contributes to its program's history across runs (runs/history.ts). */
  run: [LeaksQuery, RunSummary];
  /** The log's leak verdict: the headline, the findings (sites that leak together) and warnings about the log. */
  leaks: [LeaksQuery, LeakReport];
  /** The heap at an instant, per type and per site. */
  heap: [HeapQuery, HeapSnapshot];
  /** Growth between two instants, per type and per site. */
  growth: [GrowthQuery, GrowthReport];
  /** The spans between the log's messages and what each did to the heap. */
  phases: [PhasesQuery, Phase[]];
  /** A site's or a type's lifetimes and temporaries. */
  lifetimes: [LifetimesQuery, LifetimeHistogram];
  /** A site's or a type's live objects over clock. */
  subjectSeries: [SubjectSeriesQuery, LivePoint[]];
  /** A site's or a type's verdict, and its objects phase by phase. */
  subjectVerdict: [SubjectVerdictQuery, SubjectVerdict];
  /** A site's or a type's objects alive at T and their growth over A..B. */
  moments: [MomentsQuery, GroupMoments];
  /** The instants with the most live objects and the highest RSS, and the phases they fall in. */
  peaks: [void, Peaks];
  /** How fast sites or types grow (per second, per phase) and when they began (clock, message). */
  growthRates: [GrowthRatesQuery, GrowthRate[]];
  /** How alike the "before" log and the open one are (the functions both make objects in); null without a "before". */
  likeness: [void, LogLikeness | null];
  /** RSS and the live count over clock of the "before" log, for the chart. */
  baselineSeries: [SeriesQuery, SeriesPoint[]];
  /** The tables `reftrace export` writes (events, live objects, pairs, runs) as batches of columns (in-process only). */
  fleet: [void, FleetTable[]];
  /** A log's events, live objects or pairs as the parts of the Parquet file `reftrace export` writes. */
  parquet: [{ table: FleetTableName }, Promise<Uint8Array<ArrayBuffer>[]>];
}

export type QueryName = keyof Queries;
export type QueryParams<N extends QueryName> = Queries[N][0];
export type QueryAnswer<N extends QueryName> = Queries[N][1];
/** A query's parameters as arguments: none for a query that takes none. */
export type QueryArgs<N extends QueryName> = QueryParams<N> extends void ? [] : [QueryParams<N>];

type Answerers = { [N in QueryName]: (e: EngineParts, p: QueryParams<N>) => QueryAnswer<N> };

const NO_HISTOGRAM: LifetimeHistogram = { edges: [], buckets: [], pairs: 0, alive: 0, temporary: 0 };

export const ANSWERS: Answerers = {
  summary: (e) => e.log.summary(),
  report: (e) => e.log.jsonReport(),
  seedReport: (e, q) => seedReport(e.store, e.log.summary(), e.tables, q),
  columns: (e, q) => e.tables.columns(q.table, q.view),
  rows: (e, q) => e.tables.page(q),
  export: (e, q) => [...exportTable(e.tables, q)],
  series: (e, q) => e.series().query(q),
  typeSeries: (e, q) => typeLiveSeries(e.store, q),
  suspects: (e, q) => e.leaks.suspects(q.by, q.limit, q.ignore),
  run: (e, q) => runSummary(e.log.jsonReport(), e.leaks.suspects('site', Infinity, q.ignore)),
  leaks: (e, q) =>
    leakReport(e.leaks.verdicts(q.ignore), {
      news: e.store.seed.newCount,
      duplicates: e.store.seed.dupNew.length,
      fileNames: e.store.sourceFiles,
      series: () => e.series().query({ buckets: 100 }),
    }),
  heap: (e, q) => {
    const { ignore, ...view } = q;
    return e.leaks.snapshot(view, ignore);
  },
  growth: (e, q) => e.leaks.growth(q.from, q.to, q.ignore),
  phases: (e, q) => e.phases(q.ignore),
  lifetimes: (e, q) => {
    const group = e.groupOf(q.subject);
    return group ? e.leaks.lifetimes(group, q.temporaryNews ?? 1) : NO_HISTOGRAM;
  },
  subjectSeries: (e, q) => {
    if (q.subject.kind === 'type')
      return typeLiveSeries(e.store, { buckets: q.buckets, top: 1, only: [q.subject.type] })[0]?.points ?? [];
    const group = e.groupOf(q.subject);
    return group?.site === undefined ? [] : siteLiveSeries(e.store, group.site, q.buckets);
  },
  subjectVerdict: (e, q) => e.leaks.subjectVerdict(q.subject, e.groupOf(q.subject), q.ignore),
  moments: (e, q) => e.leaks.groupMoments(e.groupOf(q.subject) ?? { site: -1 }, q.at, q.window, q.ignore),
  peaks: (e) => logPeaks(e.store, e.phases(undefined)),
  growthRates: (e, q) =>
    growthRates(
      e.store,
      q.subjects,
      q.subjects.map((x) => e.groupOf(x)),
      (x) => e.leaks.verdictOf(x, q.ignore),
      e.phases(q.ignore),
      e.leaks.instants,
      e.leaks.ignoreMasks(q.ignore),
    ),
  likeness: (e) => (e.baseline ? logLikeness(e.baseline.store, e.store) : null),
  baselineSeries: (e, q) => otherLogSeries(e.baseline?.store ?? null, q),
  fleet: (e) => [
    ...fleetTables(e.store),
    runsTable(basename(e.store.sourceFiles[0] ?? e.log.name), e.leaks.suspects('site', Infinity)),
  ],
  parquet: async (e, q) => {
    const table = fleetTables(e.store).find((t) => t.name === q.table);
    if (!table) throw new Error(`No table "${q.table}"`);
    // The Parquet writer is loaded when first asked for: most sessions never export.
    const { parquetParts } = await import('./query/fleet/parquet-parts.ts');
    return parquetParts(table, 'RefTrace Viewer');
  },
};
