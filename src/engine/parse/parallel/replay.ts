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
  for (let i = 0; i < b.lineCount; i++) {
    if (i === nextOther) {
      const end = b.otherEnd[oth];
      const len = b.otherLength[oth];
      parser.replayLine(b.otherBytes, otherStart, end, len);
      otherStart = end;
      pos += len + 1;
      nextOther = ++oth < otherLine.length ? otherLine[oth] : -1;
      if (parser.fastLayout !== fx) return pos;
      continue;
    }
    let combo = -1;
    if (!parser.sawEof) {
      const local = b.combo[ev];
      combo = combos.globalOf(local);
      if (combo < 0) {
        combo = parser.comboOfKey(combos.keyOf(local), fx);
        // Cannot happen (the decoder checked the names the same way), but if it did: read it raw.
        if (combo < 0) return pos;
        combos.setGlobal(local, combo);
      }
    }
    parser.replayRecord(
      lineBytes,
      b.isDel[ev] === 1,
      b.clock[ev],
      b.hi[ev],
      b.lo[ev],
      b.live[ev],
      hasSizeof ? b.sizeof[ev] : 0,
      combo,
      b.rss[ev],
    );
    pos += lineBytes;
    ev++;
  }
  parser.push(b.tail);
  return -1;
}
