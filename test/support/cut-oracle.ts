// The tests' oracle for the heap at an instant: the log's bytes cut after its last NEW/DEL line with
// clock <= T (found by reading the text, not by the engine's index), analysed from scratch. Its live
// objects are what "heap at T" must be.

import { analyseChunks, type Analysis } from '../../src/engine/analysis.ts';

/**
 * The log up to and including its last NEW/DEL line with clock <= t. Which lines are records and
 * their clocks come from a plain parse of the whole log (`whole`): the cut is found by a scan of
 * those lines, not by the index under test.
 */
export function cutAt(bytes: Uint8Array, whole: Analysis, t: number): Uint8Array {
  const s = whole.store;
  let lastLine = 0;
  for (let e = 0; e < s.eventCount; e++) if (s.clock.get(e) <= t) lastLine = Math.max(lastLine, s.lineOf(e));
  if (lastLine === 0) return bytes.subarray(0, 0);
  let line = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && ++line === lastLine) return bytes.subarray(0, i + 1);
  return bytes;
}

/** The analysis of the log cut at t (see cutAt). */
export function analyseCutAt(bytes: Uint8Array, whole: Analysis, t: number): Analysis {
  return analyseChunks([cutAt(bytes, whole, t)]);
}

/** Log lines of an analysis's live objects (their NEWs), sorted. */
export function liveLines(a: Analysis): number[] {
  const out: number[] = [];
  a.store.seed.liveMap.forEachValue((e) => out.push(a.store.lineOf(e)));
  return out.sort((x, y) => x - y);
}

/** Per type name, the live objects of an analysis. */
export function liveByType(a: Analysis): Record<string, number> {
  const out: Record<string, number> = Object.create(null); // a name may be __proto__
  a.store.seed.liveMap.forEachValue((e) => {
    const t = a.store.types.strings[a.store.typeOf(e)];
    out[t] = (out[t] ?? 0) + 1;
  });
  return out;
}

/** Per site ("file:line:function"), the live objects of an analysis. */
export function liveBySite(a: Analysis): Record<string, number> {
  const out: Record<string, number> = Object.create(null); // a name may be __proto__
  const s = a.store;
  s.seed.liveMap.forEachValue((e) => {
    const i = s.site.get(e);
    const k = `${s.files.strings[s.sites.file[i]]}:${s.sites.line[i]}:${s.funcs.strings[s.sites.func[i]]}`;
    out[k] = (out[k] ?? 0) + 1;
  });
  return out;
}
