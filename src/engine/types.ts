// Public shapes of the engine's answers. Plain data only: they cross the worker boundary
// (structured clone) and are printed by the CLI.

import type { SiteName, Subject } from '../shared/names.ts';
export type { SiteName, Subject } from '../shared/names.ts';

/** Every table the page and the CLI page through, sort, filter and export the same way. */
export type TableId =
  | 'live'
  | 'pairs'
  | 'types'
  | 'sites'
  | 'untracked'
  | 'duplicates'
  | 'messages'
  | 'problems'
  | 'phases'
  | 'compare-types'
  | 'compare-sites'
  | 'compare-phases';

/** How a comparison of two logs groups its rows: per type, per allocation site, or phase by phase. */
export type CompareBy = 'type' | 'site' | 'phase';

export interface Summary {
  /** Lines read so far (every line of the file, including intro, SOF, HDR, EOF). */
  lines: number;
  bytes: number;
  counts: { new: number; del: number; msg: number; err: number; bad: number };
  live: number;
  pairs: number;
  untracked: number;
  duplicates: number;
  types: number;
  sites: number;
  /** First and last clock seen on a NEW/DEL/MSG/ERR line, or null before any. */
  clockFirst: number | null;
  clockLast: number | null;
  rssFirst: number | null;
  rssLast: number | null;
  rssMax: number | null;
  introMessage: string;
  sawSof: boolean;
  sawHeader: boolean;
  sawEof: boolean;
  hasSizeof: boolean;
  headerColumns: string[];
  /** Problems counted (all of them; only the first `problemsKept` are listed in the problems table). */
  problems: number;
  problemsKept: number;
  /** True when nothing in the file looked like a ReferenceTracing log. */
  notALog: boolean;
  /** Set when the parse stopped early (cancel, out of memory): the numbers cover what was read. */
  stopped: ParseStop | null;
}

/** Why and where a parse stopped before the end of its input. */
export interface ParseStop {
  /** 'error': anything else that ended it, such as a failed read or a decode worker that died. */
  reason: 'cancelled' | 'out-of-memory' | 'error';
  /** The sentence shown to people, e.g. "Cancelled after 1,048,576 bytes." */
  message: string;
  /** Lines read when it stopped. */
  atLine: number;
  /** Bytes handed to the parser when it stopped (decompressed bytes for a .gz). */
  atByte: number;
}

export interface SortSpec {
  column: string;
  desc: boolean;
}

export interface TableFilter {
  /** Case-insensitive substring of type, file or function; "0x…" also matches addresses. */
  text?: string;
  /** Clock window (inclusive) of the row's creation (NEW) clock, or of its own clock. */
  clockMin?: number;
  clockMax?: number;
  /** Lifetime window (pairs only). */
  lifetimeMin?: number;
  lifetimeMax?: number;
  /** Event tables: only rows whose first event (a live object's NEW) is at this allocation site (full file path). */
  site?: SiteName;
  /** Event tables: only rows whose first event is of this type (the exact name). */
  type?: string;
}

import type { InstantView, TimeView } from './query/tables/moment.ts';
export type { InstantView, TimeView } from './query/tables/moment.ts';

export interface TableQuery {
  table: TableId;
  view?: TimeView;
  /** Types and files left out of the table. */
  ignore?: IgnoreList;
  sort?: SortSpec[];
  filter?: TableFilter;
  offset: number;
  limit: number;
  /** Show full file paths instead of basenames (the seed's --full-path). */
  fullPath?: boolean;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** One page of a table's rows (its filter and sort applied). */
export interface RowPage {
  /** Rows in the table before filtering. */
  total: number;
  /** Rows matching the filter. */
  matched: number;
  offset: number;
  rows: Row[];
}

export interface ColumnInfo {
  id: string;
  title: string;
  kind: 'text' | 'int' | 'float' | 'clock' | 'address' | 'bytes';
}

export interface SeriesPoint {
  /** Bucket start clock. */
  clock: number;
  rssMin: number;
  rssMax: number;
  liveMin: number;
  liveMax: number;
}

export interface SeriesQuery {
  buckets: number;
  clockMin?: number;
  clockMax?: number;
}

/** Live objects of one type over clock (issue: per-type timeline). */
export interface TypeSeries {
  type: string;
  points: { clock: number; live: number }[];
}

/** The `--json` shape of the CLI (see README). */
export interface JsonReport {
  file: string;
  lines: number;
  counts: { new: number; del: number; msg: number; err: number; bad: number };
  live: number;
  pairs: number;
  untracked: number;
  duplicates: number;
  types: Record<string, [number, number, number]>;
  clock: { first: number | null; last: number | null };
  sawEof: boolean;
  problems: { line: number; kind: string; detail: string }[];
}

/** Types and files left out of every table, chart and the leak suspects. */
export interface IgnoreList {
  types: string[];
  files: string[];
}

/** The heap at an instant (`reftrace snapshot --json`). */
export interface HeapSnapshot {
  at: number;
  alive: number;
  /** Alive objects per type (types with none left out). */
  types: Record<string, number>;
  /** Sites with alive objects, most first. */
  sites: (SiteName & { alive: number })[];
}

/** Growth between two instants (`reftrace growth --json`). */
export interface GrowthReport {
  from: number;
  to: number;
  aliveFrom: number;
  aliveTo: number;
  createdAndAlive: number;
  /** Per type: [alive at from, alive at to, created after from and alive at to], biggest growth first. */
  types: Record<string, [number, number, number]>;
  sites: (SiteName & { aliveFrom: number; aliveTo: number; createdAndAlive: number })[];
}

/** One site's or type's share of the heap at T and of the growth over A..B (a row's detail). */
export interface GroupMoments {
  /** Its objects alive at T; null when no T was asked. */
  at: { t: number; alive: number } | null;
  /** Alive at A, at B, and made after A still alive at B; null when no A..B was asked. */
  growth: { from: number; to: number; aliveFrom: number; aliveTo: number; createdAndAlive: number } | null;
}

/** A leak suspect: a site (or a type), with the numbers its score is made of (README, "Leak suspects"). */
export interface Suspect {
  by: 'site' | 'type';
  /** The site (by: 'site'); empty for a type. */
  file: string;
  line: number;
  function: string;
  /** The type (by: 'type'), or the type the site created most. */
  type: string;
  score: number;
  live: number;
  new: number;
  survival: number;
  steadiness: number;
  firstClock: number;
  /** Live count at the start and at the end of each of 32 equal spans of the run. */
  sparkline: number[];
  /** `leak`, or what it is instead, and why (README, "Leak verdicts"). */
  verdict: VerdictWord;
  reason: string;
  /** Objects it holds and never gives back, up to the run's last 1%. */
  kept: number;
  /** Objects it kept per second of clock after its start-up (0 unless it leaks). */
  growthPerSecond: number;
  /** Clock from which it kept growing after its start-up (null unless it leaks). */
  growingSince: number | null;
  /** Index of its finding in the leak report (sites that leak together), or null. */
  finding: number | null;
  /** The program's message in effect when it began to grow (null without one, or when it does not leak). */
  growingDuring: string | null;
  /** Site id or type id, for asking about its objects. */
  key: number;
}

/** Lifetimes of a site's or a type's objects (log-scale buckets; edges in `edges`, seconds). */
export interface LifetimeHistogram {
  edges: number[];
  buckets: number[];
  pairs: number;
  alive: number;
  temporary: number;
}

/** The file formats a table exports to. */
export type ExportFormat = 'csv' | 'json';

/** A whole table as shown (its filter and sort, no page) as a CSV or JSON file. */
export type ExportQuery = Omit<TableQuery, 'offset' | 'limit'> & { format: ExportFormat };

export interface ColumnsQuery {
  table: TableId;
  /** A growth window has its own columns for types and sites. */
  view?: TimeView;
}

/** Live objects of the top N types over clock. */
export interface TypeSeriesQuery {
  buckets: number;
  /** How many types: those with the most live objects at their peak. */
  top: number;
  clockMin?: number;
  clockMax?: number;
  /** Its types are left out (files cannot be: the counts are per type). */
  ignore?: IgnoreList;
  /** Only these types (a row's detail), whatever their peak. */
  only?: string[];
}

export interface SuspectsQuery {
  by: 'site' | 'type';
  limit: number;
  ignore?: IgnoreList;
}

/** The heap at an instant: the view of the Heap at T tab. */
export type HeapQuery = InstantView & { ignore?: IgnoreList };

export interface GrowthQuery {
  from: number;
  to: number;
  ignore?: IgnoreList;
}

export interface PhasesQuery {
  ignore?: IgnoreList;
}

export interface LeaksQuery {
  ignore?: IgnoreList;
}

export interface LifetimesQuery {
  subject: Subject;
  /** A pair is temporary when fewer than this many NEWs happened between its NEW and DEL (default 1). */
  temporaryNews?: number;
}

/** A subject's live objects over clock, in at most `buckets` points. */
export interface SubjectSeriesQuery {
  subject: Subject;
  buckets: number;
}

export interface LivePoint {
  clock: number;
  live: number;
}

/** A subject's objects alive at T and their growth over the window A..B (its rows in those tables). */
export interface MomentsQuery {
  subject: Subject;
  at: number | null;
  window: { from: number; to: number } | null;
  ignore?: IgnoreList;
}

/** A verdict on a site or a type (README, "Leak verdicts"): `leak`, or the word for what it is instead. */
export type VerdictWord =
  'leak' | 'working-set' | 'bounded' | 'one-step' | 'import' | 'end-of-run' | 'made-late' | 'long-lived' | 'too-few';

/** Something about the log that limits what its verdicts can say. */
export interface LeakWarning {
  kind: 'missing-dels' | 'rss-not-objects';
  message: string;
}

/** Sites that leak together (objects made at the same moments and kept together). */
export interface LeakFinding {
  /** Its members, most kept first. */
  sites: (SiteName & { type: string; live: number; kept: number })[];
  /** Objects its sites keep. */
  kept: number;
  reason: string;
}

/** The log's leak verdict: what leaks and why, or that nothing does. */
export interface LeakReport {
  /** The one line the Summary and the CLI lead with ("3 sites leak", "No leak found", …). */
  headline: string;
  /** Sites whose verdict is leak. */
  leakingSites: number;
  findings: LeakFinding[];
  warnings: LeakWarning[];
}

/** A site's or a type's objects in one phase (the span after a message): its row's detail. */
export interface SubjectPhase {
  /** Numbered from 1 in clock order, as the Phases tab numbers them. */
  phase: number;
  message: string | null;
  from: number | null;
  to: number;
  /** Objects it made in the phase. */
  made: number;
  liveAtEnd: number;
  /** Objects live at the phase's end that it never gives back (the lowest live count from then on). */
  kept: number;
}

export interface SubjectVerdictQuery {
  subject: Subject;
  ignore?: IgnoreList;
}

/** A site's or a type's verdict and the phase-by-phase numbers behind it. */
export interface SubjectVerdict {
  /** Null when it holds nothing at the end (nothing to judge). */
  verdict: VerdictWord | null;
  reason: string;
  growthPerSecond: number;
  growingSince: number | null;
  /** The program's message in effect when it began to grow (null without one). */
  growingDuring: string | null;
  phases: SubjectPhase[];
}
