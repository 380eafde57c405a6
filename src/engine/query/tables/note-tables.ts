// Tables of the log's notes: its messages (MSG/ERR lines) and the problems found reading it.

import { basename } from '../../../shared/names.ts';
import type { LogStore } from '../../store/log-store.ts';
import type { TableId } from '../../types.ts';
import type { Derived } from '../derived.ts';
import { byPredicate, col, combine, range, textPredicate, type TableDef } from './columns.ts';

export function noteTable(id: TableId, s: LogStore, d: Derived): TableDef | null {
  switch (id) {
    case 'messages': {
      const n = s.notes;
      const fileName = (r: number) => basename(s.sourceFiles[n.msgFile[r]] ?? '');
      return byPredicate({
        id,
        rows: () => range(n.msgLine.length),
        columns: [
          col('logLine', 'Log line', 'int', (r) => n.msgLine[r]),
          col(
            'clock',
            'Clock',
            'clock',
            (r) => n.msgClock[r],
            (r) => (n.msgClock[r] === n.msgClock[r] ? n.msgClock[r] : null),
          ),
          col(
            'kind',
            'Kind',
            'text',
            (r) => (n.msgIsErr[r] ? 1 : 0),
            (r) => (n.msgIsErr[r] ? 'ERR' : 'MSG'),
          ),
          col(
            'text',
            'Text',
            'text',
            (r) => d.textRanks('msg', n.msgText)[r],
            (r) => n.msgText[r],
          ),
          ...(s.sourceFiles.length > 1 ? [col('source', 'Log file', 'text', (r) => n.msgFile[r], fileName)] : []),
        ],
        predicate: (f) => {
          const parts: ((r: number) => boolean)[] = [];
          const t = textPredicate(f, [(r) => n.msgText[r]]);
          if (t) parts.push(t);
          if (f.clockMin !== undefined) parts.push((r) => n.msgClock[r] >= f.clockMin!);
          if (f.clockMax !== undefined) parts.push((r) => n.msgClock[r] <= f.clockMax!);
          return combine(parts);
        },
      });
    }
    case 'problems': {
      const n = s.notes;
      const kinds = [...new Set(n.probKind)].sort();
      return byPredicate({
        id,
        rows: () => range(n.probLine.length),
        columns: [
          col(
            'logLine',
            'Log line',
            'int',
            (r) => n.probFile[r] * 2 ** 32 + n.probLine[r],
            (r) => n.probLine[r],
          ),
          col(
            'kind',
            'Problem',
            'text',
            (r) => kinds.indexOf(n.probKind[r]),
            (r) => n.probKind[r],
          ),
          col(
            'detail',
            'Detail',
            'text',
            (r) => d.textRanks('problem', n.probDetail)[r],
            (r) => n.probDetail[r],
          ),
          ...(s.sourceFiles.length > 1
            ? [
                col(
                  'source',
                  'Log file',
                  'text',
                  (r) => n.probFile[r],
                  (r) => basename(s.sourceFiles[n.probFile[r]] ?? ''),
                ),
              ]
            : []),
        ],
        predicate: (f) => textPredicate(f, [(r) => n.probKind[r], (r) => n.probDetail[r]]),
      });
    }
    default:
      return null;
  }
}
