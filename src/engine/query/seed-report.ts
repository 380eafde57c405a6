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
}

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
  const pairs = queries.order({ table: 'pairs', sort: [{ column: 'newClock', desc: false }] });
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
    for (let i = 0; i < store.seed.dupNew.length; i++) {
      const older = store.seed.dupOld.get(i);
      const newer = store.seed.dupNew.get(i);
      buf.push(
        `    ${hex12(store.addressHex(newer))} line ${store.lineOf(newer)} ${store.types.strings[store.typeOf(newer)]} replaced line ${store.lineOf(older)} ${store.types.strings[store.typeOf(older)]}`,
      );
      yield* flushIfBig();
    }
  }
  const errors = store.notes.msgIsErr.map((isErr, i) => (isErr ? i : -1)).filter((i) => i >= 0);
  if (errors.length) {
    buf.push(`Errors [${errors.length}]:`);
    for (const i of errors) buf.push(`    line ${store.notes.msgLine[i]}: ${store.notes.msgText[i]}`);
  }
  const n = store.notes;
  if (n.problemCount > 0) {
    buf.push(
      `Problems [${n.problemCount}]${n.problemCount > n.probLine.length ? ` (first ${n.probLine.length} listed)` : ''}:`,
    );
    for (let i = 0; i < n.probLine.length; i++) {
      const src = store.sourceFiles.length > 1 ? basename(store.sourceFiles[n.probFile[i]]) + ':' : 'line ';
      buf.push(`    ${src}${n.probLine[i]}: ${n.probKind[i]}: ${n.probDetail[i]}`);
      yield* flushIfBig();
    }
  }
  if (summary.stopped) buf.push(summary.stopped.message);
  yield buf.join('\n') + '\n';
}
