// Synthetic records in the standard layout, for warming up a thread's compiled code before the
// first real file: V8 optimises the parser's hot functions only after many calls, and on a fresh
// worker the first ~50 MB of a log otherwise run at a third of the speed.

import { Analysis } from './analysis.ts';
import { BlockDecoder } from './block-decoder.ts';
import { DecodedCombos } from './decoded-combos.ts';
import { STANDARD_LAYOUT } from './layout.ts';
import { TableQueries } from './query/table-query.ts';

const TYPES = ['dict', 'list', 'tuple', 'str', 'int', 'function', 'cell', 'float'];
const FILES = ['/usr/lib/python3.13/json/decoder.py', '/srv/app/models.py', '<frozen importlib._bootstrap>'];
const FUNCS = ['decode', 'load', '_find_and_load', 'handle'];

/** `count` NEW/DEL lines (half of them freeing the other half) in the standard layout, newline-terminated. */
export function warmUpLog(count: number): Uint8Array {
  const fx = STANDARD_LAYOUT.fixed!;
  const lineLen = fx.length + 1;
  const out = new Uint8Array(count * lineLen).fill(32);
  const put = (at: number, text: string, width: number, right: boolean) => {
    const s = right ? text.padStart(width) : text.padEnd(width);
    for (let i = 0; i < width; i++) out[at + i] = s.charCodeAt(i);
  };
  for (let i = 0; i < count; i++) {
    const s = i * lineLen;
    const isDel = i % 2 === 1;
    const obj = isDel ? i - 1 : i;
    put(s, isDel ? 'DEL:' : 'NEW:', 4, false);
    put(s + fx.clock, (i / 1e4).toFixed(6), fx.clockWidth, true);
    put(s + fx.address, '0x7f2a' + (0x100000 + obj * 16).toString(16), fx.addressWidth, true);
    put(s + fx.liveCnt, String(1 + (obj % 97)), fx.liveCntWidth, true);
    put(s + fx.type, TYPES[obj % TYPES.length], fx.typeWidth, false);
    put(s + fx.file, FILES[obj % FILES.length], fx.fileWidth, false);
    put(s + fx.line, String(10 + (obj % 13)), fx.lineWidth, true);
    put(s + fx.func, FUNCS[obj % FUNCS.length], fx.funcWidth, false);
    put(s + fx.rss, String(50_000_000 + 4096 * (obj % 50)), fx.rssWidth, true);
    put(s + fx.drss, String(isDel ? 0 : 4096), fx.drssWidth, true);
    out[s + fx.length] = 10;
  }
  return out;
}

const HEAD = 'SOF\nHDR: Clock Address LiveCnt Type File Line Function RSS dRSS\n';

/**
 * Runs the parser (plain and from decoded blocks), the block decoder and a few table queries over
 * synthetic records, so they are compiled before the first real file arrives. About 2.5 MB of
 * work per round.
 */
export function warmUpParsing(rounds = 1, lines = 10_000, blocks = true): void {
  const body = warmUpLog(lines);
  const head = new TextEncoder().encode(HEAD);
  const half = Math.floor(body.length / 2);
  for (let r = 0; r < rounds; r++) {
    const a = new Analysis('warm-up');
    const p = a.beginFile('warm-up');
    p.push(head);
    p.push(body.subarray(0, half));
    const fx = p.fastLayout!;
    // The second half as decoded blocks only where decode workers will send them.
    if (blocks) p.pushDecoded(new BlockDecoder(fx).decode(body.slice(half)), new DecodedCombos(), fx);
    else p.push(body.subarray(half));
    p.finish();
    // The first sorts and filters of a session run cold too (a first sort of 494k pairs: ~160 ms).
    const q = new TableQueries(a.store);
    for (const column of ['lifetime', 'type', 'newClock', 'address']) q.window({ table: 'pairs', sort: [{ column, desc: r % 2 === 0 }], offset: 0, limit: 50 });
    q.window({ table: 'pairs', sort: [{ column: 'lifetime', desc: true }], filter: { text: 'dict' }, offset: 0, limit: 50 });
    q.window({ table: 'types', sort: [{ column: 'new', desc: true }], offset: 0, limit: 50 });
  }
}

/** The block decoder alone, for a decode worker. */
export function warmUpDecoding(rounds = 1, lines = 10_000): void {
  const body = warmUpLog(lines);
  for (let r = 0; r < rounds; r++) new BlockDecoder(STANDARD_LAYOUT.fixed!).decode(body);
}

/** Runs `round` a few times, one task each, so that a file opened meanwhile waits at most one round. */
export function warmUpInBackground(round: () => void, rounds = 4): void {
  const next = (left: number) => {
    if (left === 0) return;
    round();
    setTimeout(() => next(left - 1), 0);
  };
  setTimeout(() => next(rounds), 0);
}
