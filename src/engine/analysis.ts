// One analysis: a store fed by one parser per source file (a nested log adds its children).
// This is the object the worker, the CLI and the tests hold.

import { LogParser } from './parse/log-parser.ts';
import { LogStore } from './store/log-store.ts';
import { basename } from '../shared/names.ts';
import type { JsonReport, Summary } from './types.ts';

export class Analysis {
  readonly store = new LogStore();
  private readonly parsers: LogParser[] = [];
  stopped: Summary['stopped'] = null;

  constructor(readonly name = 'log') {}

  /** Starts a source file; returns its parser (push chunks, then finish). */
  beginFile(name: string, onChildLog?: (path: string, line: number) => void): LogParser {
    const fileIndex = this.store.sourceFiles.length;
    this.store.sourceFiles.push(name);
    const parser = new LogParser(this.store, { fileIndex, onChildLog });
    this.parsers.push(parser);
    return parser;
  }

  get mainParser(): LogParser | undefined {
    return this.parsers[0];
  }

  summary(): Summary {
    const s = this.store;
    const main = this.mainParser;
    let lines = 0;
    let bytes = 0;
    for (const p of this.parsers) {
      lines += p.lineNo;
      bytes += p.bytesRead;
    }
    const notes = s.notes;
    return {
      lines,
      bytes,
      counts: {
        new: s.seed.newCount,
        del: s.seed.delCount,
        msg: notes.msgCount,
        err: notes.errCount,
        bad: notes.problemCount,
      },
      live: s.seed.liveMap.size,
      pairs: s.seed.pairNew.length,
      untracked: s.seed.untracked.length,
      duplicates: s.seed.dupNew.length,
      types: s.types.size,
      sites: s.sites.size,
      clockFirst: s.clockFirst,
      clockLast: s.clockLast,
      rssFirst: s.rss.first,
      rssLast: s.rss.last,
      rssMax: s.rss.max,
      introMessage: main ? main.introLines.join('\n') : '',
      sawSof: main?.sawSof ?? false,
      sawHeader: main?.sawHeader ?? false,
      sawEof: main?.sawEof ?? false,
      hasSizeof: main?.hasSizeof ?? false,
      headerColumns: main?.headerTitles ?? [],
      problems: notes.problemCount,
      problemsKept: notes.probLine.length,
      notALog: notes.probKind.includes('not-a-log') && s.eventCount === 0,
      stopped: this.stopped,
    };
  }

  /** The CLI's --json shape. */
  jsonReport(): JsonReport {
    const s = this.store;
    const sum = this.summary();
    const types: Record<string, [number, number, number]> = Object.create(null); // a type may be named __proto__
    for (let t = 0; t < s.types.size; t++) {
      const n = s.seed.typeNew.data[t] ?? 0;
      const d = s.seed.typeDel.data[t] ?? 0;
      if (n === 0 && d === 0) continue; // a type name only seen before a split record was joined
      types[s.types.strings[t]] = [n, d, s.seed.typeUntracked.data[t] ?? 0];
    }
    const notes = s.notes;
    return {
      file: this.name,
      lines: sum.lines,
      counts: sum.counts,
      live: sum.live,
      pairs: sum.pairs,
      untracked: sum.untracked,
      duplicates: sum.duplicates,
      types,
      clock: { first: sum.clockFirst, last: sum.clockLast },
      sawEof: sum.sawEof,
      problems: notes.probLine.map((line, i) => ({
        line,
        kind: notes.probKind[i],
        detail:
          (s.sourceFiles.length > 1 ? basename(s.sourceFiles[notes.probFile[i]]) + ': ' : '') + notes.probDetail[i],
      })),
    };
  }
}

/** Convenience for tests and small inputs: analyse a list of chunks of one file. */
export function analyseChunks(chunks: Iterable<Uint8Array>, name = 'log'): Analysis {
  const a = new Analysis(name);
  const p = a.beginFile(name);
  for (const c of chunks) p.push(c);
  p.finish();
  return a;
}
