// Feeds a decoded block into a parser: the same result as push() of the block's bytes. Events go
// straight into the store; the lines the decoder kept raw are read the general way, in line order.

import type { FixedOffsets } from '../../format/layout.ts';
import type { LogParser } from '../log-parser.ts';
import type { DecodedBlock } from './block-decoder.ts';
import type { DecodedCombos } from './decoded-combos.ts';

/**
 * Replays block b, decoded with fx (the parser's fastLayout when the block was sent). Returns -1, or
 * the offset in the block's bytes from which the caller must push() raw bytes instead, because the
 * layout changed (a rare HDR or record problem) and the rest was decoded with the old one.
 */
export function replayBlock(parser: LogParser, b: DecodedBlock, combos: DecodedCombos, fx: FixedOffsets): number {
  combos.addKeys(b, fx.namesWidth);
  parser.push(b.head);
  let pos = b.head.length;
  if (b.lineCount === 0) {
    parser.push(b.tail);
    return -1;
  }
  if (parser.fastLayout !== fx) return pos;
  const lineBytes = fx.length + 1;
  const otherLine = b.otherLine;
  const hasSizeof = b.sizeof.length > 0;
  let nextOther = otherLine.length > 0 ? otherLine[0] : -1;
  let oth = 0;
  let otherStart = 0;
  let ev = 0;
  for (let i = 0; i < b.lineCount;) {
    if (i === nextOther) {
      const end = b.otherEnd[oth];
      const len = b.otherLength[oth];
      parser.replayLine(b.otherBytes, otherStart, end, len);
      otherStart = end;
      pos += len + 1;
      nextOther = ++oth < otherLine.length ? otherLine[oth] : -1;
      i++;
      if (parser.fastLayout !== fx) return pos;
      continue;
    }
    // The events up to the next kept line: their names as the parser's ids, then stored at once
    // while the fast path is on (as push() would find it), else the first one alone.
    const n = (nextOther >= 0 ? nextOther : b.lineCount) - i;
    const take = parser.replaysRuns ? n : 1;
    const mapped = parser.sawEof ? take : globalCombos(parser, b, combos, fx, ev, take);
    if (mapped > 0) {
      if (take > 1) parser.replayRecords(lineBytes, b, ev, mapped);
      else
        parser.replayRecord(
          lineBytes,
          b.isDel[ev] === 1,
          b.clock[ev],
          b.hi[ev],
          b.lo[ev],
          b.live[ev],
          hasSizeof ? b.sizeof[ev] : 0,
          b.combo[ev],
          b.rss[ev],
        );
      pos += mapped * lineBytes;
      ev += mapped;
      i += mapped;
    }
    // Cannot happen (the decoder checked the names the same way), but if it did: read it raw.
    if (mapped < take) return pos;
  }
  parser.push(b.tail);
  return -1;
}

/**
 * Rewrites the block's combination ids of events [from, from + n) as the parser's; returns how many
 * could be (fewer when a key is one the parser's reader would not take).
 */
function globalCombos(
  parser: LogParser,
  b: DecodedBlock,
  combos: DecodedCombos,
  fx: FixedOffsets,
  from: number,
  n: number,
): number {
  const combo = b.combo;
  for (let e = from; e < from + n; e++) {
    const local = combo[e];
    let id = combos.globalOf(local);
    if (id < 0) {
      id = parser.comboOfKey(combos.keyOf(local), fx);
      if (id < 0) return e - from;
      combos.setGlobal(local, id);
    }
    combo[e] = id;
  }
  return n;
}
