// The pairs table: every NEW matched by its DEL, in DEL order (as the store keeps them), with the
// object's address, type and lifetime, batch by batch.

import type { LogStore } from '../../store/log-store.ts';
import { EventPlaces } from './event-places.ts';
import { PAIR_COLUMNS, type FleetBatch, type FleetTable } from './schema.ts';

/** One side (NEW or DEL) of a batch of pairs: clock, file, line, function, log line. */
function sideColumns(s: LogStore, places: EventPlaces, n: number, ev: (i: number) => number) {
  const clock = new Float64Array(n);
  const file: string[] = [];
  const line = new Int32Array(n);
  const func: string[] = [];
  const logLine = new Int32Array(n);
  const logFile: string[] = [];
  const { sites } = s;
  for (let i = 0; i < n; i++) {
    const e = ev(i);
    const site = s.site.get(e);
    clock[i] = s.clock.get(e);
    file.push(s.files.strings[sites.file[site]]);
    line[i] = sites.line[site];
    func.push(s.funcs.strings[sites.func[site]]);
    logLine[i] = places.logLine(e);
    logFile.push(places.logFileNames[places.sourceFile(e)]);
  }
  return { clock, columns: [clock, file, line, func, logLine], logFile };
}

function pairBatch(
  s: LogStore,
  places: { born: EventPlaces; died: EventPlaces },
  start: number,
  n: number,
): FleetBatch {
  const { pairNew, pairDel } = s.seed;
  const born = sideColumns(s, places.born, n, (i) => pairNew.get(start + i));
  const died = sideColumns(s, places.died, n, (i) => pairDel.get(start + i));
  const address: string[] = [];
  const type: string[] = [];
  const lifetime = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = pairNew.get(start + i);
    address.push(s.addressHex(e));
    type.push(s.types.strings[s.typeOf(e)]);
    lifetime[i] = died.clock[i] - born.clock[i];
  }
  return { rows: n, values: [...born.columns, ...died.columns, address, type, lifetime, born.logFile, died.logFile] };
}

export function pairsTable(s: LogStore): FleetTable {
  const rows = s.seed.pairNew.length;
  return {
    name: 'pairs',
    columns: PAIR_COLUMNS,
    rows,
    *batches(size) {
      // A cursor per side: DELs ascend, NEWs mostly do.
      const places = { born: new EventPlaces(s), died: new EventPlaces(s) };
      for (let start = 0; start < rows; start += size) yield pairBatch(s, places, start, Math.min(size, rows - start));
    },
  };
}
