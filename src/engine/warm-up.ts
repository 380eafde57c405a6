// Synthetic records in the standard layout, for warming up a thread's compiled code before the
// first real file: V8 optimises the parser's hot functions only after many calls, and on a fresh
// worker the first ~50 MB of a log otherwise run at a third of the speed.

import { Analysis } from './analysis.ts';
import { BlockDecoder } from './parse/parallel/block-decoder.ts';
import { DecodedCombos } from './parse/parallel/decoded-combos.ts';
import { replayBlock } from './parse/parallel/replay.ts';
import { STANDARD_LAYOUT } from './format/layout.ts';
import { Engine } from './engine.ts';

// Like a real log's, so the code compiled during the warm-up is the code a real log runs: V8 throws
// optimised code away when values leave the range it saw (an address word past 2^30 is no longer a
// small integer; an RSS past 2^31 no longer an int32), when a branch first runs (an untracked DEL,
// a duplicate NEW) and when a table first grows. Each of those cost a recompile during the first
// real parse, on a 2-core machine at the parser's expense.
const TYPES = [
  'dict',
  'list',
  'tuple',
  'str',
  'int',
  'function',
  'cell',
  'float',
  ...Array.from({ length: 40 }, (_, k) => `pkg.module.Class${k}`),
];
const FILES = [
  '/usr/lib/python3.13/json/decoder.py',
  '/srv/app/models.py',
  '<frozen importlib._bootstrap>',
  ...Array.from({ length: 20 }, (_, k) => `/srv/app/pkg/mod${k}.py`),
];
const FUNCS = ['decode', 'load', '_find_and_load', 'handle', ...Array.from({ length: 20 }, (_, k) => `f${k}`)];

/** An object's address: full 32-bit low words, as in a real process. */
function addressOf(obj: number): string {
  const lo = (Math.imul(obj + 1, 0x9e3779b1) & 0xfffffff0) >>> 0;
  return '0x' + (0x7f3a + (obj & 3)).toString(16) + lo.toString(16).padStart(8, '0');
}

/**
 * `count` NEW/DEL lines in the standard layout, newline-terminated: objects created, some freed
 * later (pairs), some left live, DELs of objects never seen (untracked) and NEWs at a live
 * address (duplicates).
 */
export function warmUpLog(count: number): Uint8Array {
  const fx = STANDARD_LAYOUT.fixed!;
  const lineLen = fx.length + 1;
  const out = new Uint8Array(count * lineLen).fill(32);
  const put = (at: number, text: string, width: number, right: boolean) => {
    const s = right ? text.padStart(width) : text.padEnd(width);
    for (let i = 0; i < width; i++) out[at + i] = s.charCodeAt(i);
  };
  const live: number[] = [];
  let objects = 0;
  let rss = 3_000_000_000;
  for (let i = 0; i < count; i++) {
    const s = i * lineLen;
    const r = (i * 7919) % 20;
    let obj: number;
    let isDel = false;
    if (r < 9 || live.length === 0) live.push((obj = objects++));
    else if (r === 9)
      obj = live[(i * 31) % live.length]; // a NEW at a live address
    else if (r < 19) {
      isDel = true;
      obj = live.splice((i * 31) % live.length, 1)[0];
    } else {
      isDel = true;
      obj = 1_000_000 + i; // never created: untracked
    }
    const drss = r % 3 === 0 ? 4096 * (r % 7) : r % 3 === 1 ? -4096 : 0;
    rss += drss;
    put(s, isDel ? 'DEL:' : 'NEW:', 4, false);
    put(s + fx.clock, (1234 + i * 0.000137).toFixed(6), fx.clockWidth, true);
    put(s + fx.address, addressOf(obj), fx.addressWidth, true);
    put(s + fx.liveCnt, String(1 + ((obj * 977) % 1_000_003)), fx.liveCntWidth, true);
    put(s + fx.type, TYPES[obj % TYPES.length], fx.typeWidth, false);
    put(s + fx.file, FILES[(obj >> 2) % FILES.length], fx.fileWidth, false);
    put(s + fx.line, String(10 + (obj % 997)), fx.lineWidth, true);
    put(s + fx.func, FUNCS[(obj >> 3) % FUNCS.length], fx.funcWidth, false);
    put(s + fx.rss, String(rss), fx.rssWidth, true);
    put(s + fx.drss, String(drss), fx.drssWidth, true);
    out[s + fx.length] = 10;
  }
  return out;
}

const HEAD = 'SOF\nHDR: Clock Address LiveCnt Type File Line Function RSS dRSS\n';
const PIECE = 65_537;

/**
 * Runs the parser (plain and from decoded blocks), the block decoder and a few table queries over
 * synthetic records, so they are compiled before the first real file arrives. About 2.5 MB of
 * work per round.
 */
export function warmUpParsing(rounds = 1, lines = 10_000, blocks = true): void {
  const body = warmUpLog(lines);
  const head = new TextEncoder().encode(HEAD);
  const MESSAGE = new TextEncoder().encode(`MSG: ${'1234.000001'.padStart(12)} # warm-up\n`);
  const half = Math.floor(body.length / 2);
  for (let r = 0; r < rounds; r++) {
    const a = new Analysis('warm-up');
    const p = a.beginFile('warm-up');
    p.push(head);
    p.push(MESSAGE); // a line of the general path
    // In odd-sized pieces, as a file's slices end mid-line.
    for (let at = 0; at < half; at += PIECE) p.push(body.subarray(at, Math.min(half, at + PIECE)));
    const fx = p.fastLayout!;
    // The second half as decoded blocks only where decode workers will send them.
    if (blocks) {
      const decoder = new BlockDecoder(fx);
      replayBlock(p, decoder.decode(body.slice(half)), new DecodedCombos(), fx);
      decoder.release();
    } else p.push(body.subarray(half));
    p.finish();
    // The first sorts and filters of a session would otherwise run cold too.
    const engine = new Engine(a);
    for (const column of ['lifetime', 'type', 'newClock', 'address'])
      engine.ask('rows', { table: 'pairs', sort: [{ column, desc: r % 2 === 0 }], offset: 0, limit: 50 });
    engine.ask('rows', {
      table: 'pairs',
      sort: [{ column: 'lifetime', desc: true }],
      filter: { text: 'dict' },
      offset: 0,
      limit: 50,
    });
    engine.ask('rows', { table: 'types', sort: [{ column: 'new', desc: true }], offset: 0, limit: 50 });
    // And what the page asks at Done: the verdict (one walk over every event), the peaks, the phases.
    engine.ask('leaks', {});
    engine.ask('peaks');
  }
}

/** The block decoder alone, for a decode worker. */
export function warmUpDecoding(rounds = 1, lines = 10_000): void {
  const body = warmUpLog(lines);
  for (let r = 0; r < rounds; r++) {
    const decoder = new BlockDecoder(STANDARD_LAYOUT.fixed!);
    decoder.decode(body);
    decoder.release();
  }
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
