// The seed analyser's text report (same sections, same columns), plus what the seed could not
// say: problems, duplicates and cut-short records.

import { basename } from '../../shared/names.ts';
import type { LogStore } from '../store/log-store.ts';
import type { Summary } from '../types.ts';
import type { TableQueries } from './table-query.ts';

export interface SeedReportOptions {
  file: string;
  fullPath: boolean;
  includeUntracked: boolean;
  includeHistorical: boolean;
  /** At most this many rows of the duplicates, errors and problems lists (the rest counted); the seed's sections are whole. */
  listLimit?: number;
}

/** Rows of a list beyond the seed's own sections, unless more are asked for (`reftrace analyse --all`). */
export const REPORT_LIST_LIMIT = 1000;

const pad = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const padL = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);
const hex12 = (address: string) => '0x' + address.slice(2).padStart(12, '0');

/** Yields the report in pieces, so a million-pair listing is never one giant string. */
export function* seedReport(
  store: LogStore,
  summary: Summary,
  queries: TableQueries,
  o: SeedReportOptions,
): Generator<string> {
  const file = (path: string) => (o.fullPath ? path : basename(path));
  const limit = o.listLimit ?? REPORT_LIST_LIMIT;
  const more = (listed: number, total: number) =>
    total > listed
      ? [`    … ${(total - listed).toLocaleString('en-US')} more (reftrace analyse --all lists them all)`]
      : [];
  let buf: string[] = [];
  const flushIfBig = function* () {
    if (buf.length >= 10_000) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  };

  buf.push(`File path: ${o.file}`);
  if (summary.introMessage) buf.push('Initial Message:', ...summary.introMessage.split('\n'));
  // Every type, by name: the untracked section and the type counts.
  const types = queries.page({ table: 'types', sort: [{ column: 'type', desc: false }], offset: 0, limit: Infinity });
  if (o.includeUntracked) {
    const rows = types.rows.filter((r) => (r.untracked as number) > 0);
    buf.push(`Untracked Objects [${rows.length}]:`, `${pad('Type', 40)} ${padL('Count', 8)}`);
    for (const r of rows) buf.push(`${pad(String(r.type), 40)} ${padL(String(r.untracked), 8)}`);
  }
  const live = queries.order({ table: 'live', sort: [{ column: 'address', desc: false }] });
  buf.push(`Live Objects [${live.order.length}]:`);
  for (const e of live.order) {
    const site = store.site.get(e);
    buf.push(
      `    ${hex12(store.addressHex(e))} ${store.clock.get(e).toFixed(6)} ${padL(String(store.liveCnt.get(e)), 4)} ${pad(store.types.strings[store.typeOf(e)], 40)} ${pad(store.funcs.strings[store.sites.func[site]], 32)} ${file(store.files.strings[store.sites.file[site]])}#${store.sites.line[site]}`,
    );
    yield* flushIfBig();
  }
  // Sorted only when listed: the count alone needs no sort (a million pairs take ~100 ms to sort).
  const pairs = queries.order({
    table: 'pairs',
    sort: o.includeHistorical ? [{ column: 'newClock', desc: false }] : [],
  });
  buf.push(`Previous Objects, sorted by clock [${pairs.order.length}]:`);
  if (o.includeHistorical) {
    const where = (e: number) => {
      const site = store.site.get(e);
      return `${file(store.files.strings[store.sites.file[site]])}#${store.sites.line[site]}`;
    };
    for (const p of pairs.order) {
      const born = store.seed.pairNew.get(p);
      const died = store.seed.pairDel.get(p);
      buf.push(
        `    ${hex12(store.addressHex(born))} ${pad(store.types.strings[store.typeOf(born)], 40)} NEW: t: ${store.clock.get(born).toFixed(6)} ${where(born)} DEL: dt: ${(store.clock.get(died) - store.clock.get(born)).toFixed(6)} ${where(died)}`,
      );
      yield* flushIfBig();
    }
  }
  buf.push(
    `Type count [${types.rows.length}]:`,
    `${pad('Type', 40)} ${padL('New', 8)} ${padL('Del', 8)} ${padL('New - Del', 10)}`,
  );
  for (const r of types.rows)
    buf.push(
      `${pad(String(r.type), 40)} ${padL(String(r.new), 8)} ${padL(String(r.del), 8)} ${padL(String(r.net), 10)}`,
    );

  // Beyond the seed.
  buf.push(
    `Summary: lines ${summary.lines} NEW ${summary.counts.new} DEL ${summary.counts.del} live ${summary.live} pairs ${summary.pairs}` +
      ` untracked ${summary.untracked} duplicates ${summary.duplicates} MSG ${summary.counts.msg} ERR ${summary.counts.err} problems ${summary.problems}`,
  );
  if (summary.duplicates > 0) {
    buf.push(`Duplicate NEWs (address already live; the newer replaced the older) [${summary.duplicates}]:`);
    const listed = Math.min(limit, store.seed.dupNew.length);
    for (let i = 0; i < listed; i++) {
      const older = store.seed.dupOld.get(i);
      const newer = store.seed.dupNew.get(i);
      buf.push(
        `    ${hex12(store.addressHex(newer))} line ${store.lineOf(newer)} ${store.types.strings[store.typeOf(newer)]} replaced line ${store.lineOf(older)} ${store.types.strings[store.typeOf(older)]}`,
      );
      yield* flushIfBig();
    }
    buf.push(...more(listed, store.seed.dupNew.length));
  }
  const errors = store.notes.msgIsErr.map((isErr, i) => (isErr ? i : -1)).filter((i) => i >= 0);
  if (errors.length) {
    buf.push(`Errors [${errors.length}]:`);
    // A multi-line ERR's continuation lines are indented under its first.
    for (const i of errors.slice(0, limit))
      buf.push(`    line ${store.notes.msgLine[i]}: ${store.notes.msgText[i].split('\n').join('\n      ')}`);
    buf.push(...more(Math.min(limit, errors.length), errors.length));
  }
  const n = store.notes;
  if (n.problemCount > 0) {
    buf.push(`Problems [${n.problemCount}]:`);
    const listed = Math.min(limit, n.probLine.length);
    for (let i = 0; i < listed; i++) {
      const src = store.sourceFiles.length > 1 ? basename(store.sourceFiles[n.probFile[i]]) + ':' : 'line ';
      buf.push(`    ${src}${n.probLine[i]}: ${n.probKind[i]}: ${n.probDetail[i]}`);
      yield* flushIfBig();
    }
    if (listed < n.probLine.length) buf.push(...more(listed, n.problemCount));
    else if (n.problemCount > listed)
      buf.push(
        `    … ${(n.problemCount - listed).toLocaleString('en-US')} more (counted, not kept: only the first ${listed.toLocaleString('en-US')} are)`,
      );
  }
  if (summary.stopped) buf.push(summary.stopped.message);
  yield buf.join('\n') + '\n';
}
