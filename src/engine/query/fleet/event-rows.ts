// The events table (every NEW and DEL in log order) and the live table (the objects alive at the
// end, in order of their NEW), batch by batch: no JS object per row, only a batch's column arrays.

import type { LogStore } from '../../store/log-store.ts';
import { EventPlaces } from './event-places.ts';
import { EVENT_COLUMNS, type FleetBatch, type FleetTable } from './schema.ts';

/** One batch of event rows: row i is event ev(i). */
function eventBatch(s: LogStore, places: EventPlaces, n: number, ev: (i: number) => number): FleetBatch {
  const kind: string[] = [];
  const clock = new Float64Array(n);
  const address: string[] = [];
  const liveCount = new Int32Array(n);
  const type: string[] = [];
  const file: string[] = [];
  const line = new Int32Array(n);
  const func: string[] = [];
  const rss: (number | null)[] = [];
  const drss: (number | null)[] = [];
  const logLine = new Int32Array(n);
  const logFile: string[] = [];
  const { sites } = s;
  for (let i = 0; i < n; i++) {
    const e = ev(i);
    const site = s.site.get(e);
    kind.push(s.isDel(e) ? 'DEL' : 'NEW');
    clock[i] = s.clock.get(e);
    address.push(s.addressHex(e));
    liveCount[i] = s.liveCnt.get(e);
    type.push(s.types.strings[s.typeOf(e)]);
    file.push(s.files.strings[sites.file[site]]);
    line[i] = sites.line[site];
    func.push(s.funcs.strings[sites.func[site]]);
    drss.push(places.drss(e));
    rss.push(places.rss(e));
    logLine[i] = places.logLine(e);
    logFile.push(places.logFileNames[places.sourceFile(e)]);
  }
  return { rows: n, values: [kind, clock, address, liveCount, type, file, line, func, rss, drss, logLine, logFile] };
}

export function eventsTable(s: LogStore): FleetTable {
  const rows = s.eventCount;
  return {
    name: 'events',
    columns: EVENT_COLUMNS,
    rows,
    *batches(size) {
      const places = new EventPlaces(s);
      for (let start = 0; start < rows; start += size)
        yield eventBatch(s, places, Math.min(size, rows - start), (i) => start + i);
    },
  };
}

/** The event ids of the live objects, ascending (4 bytes per live object). */
function liveEvents(s: LogStore): Uint32Array {
  const ids = new Uint32Array(s.seed.liveMap.size);
  let i = 0;
  s.seed.liveMap.forEachValue((e) => (ids[i++] = e));
  return ids.sort();
}

export function liveTable(s: LogStore): FleetTable {
  return {
    name: 'live',
    columns: EVENT_COLUMNS,
    rows: s.seed.liveMap.size,
    *batches(size) {
      const ids = liveEvents(s);
      const places = new EventPlaces(s);
      for (let start = 0; start < ids.length; start += size)
        yield eventBatch(s, places, Math.min(size, ids.length - start), (i) => ids[start + i]);
    },
  };
}
