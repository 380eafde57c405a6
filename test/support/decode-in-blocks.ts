// The parallel parse in one thread: the file's first bytes through push(), the rest in blocks handed
// round-robin to several BlockDecoders (as decode workers would) and fed back in order through
// pushDecoded(), with the raw fallback the session uses. Tests compare it with a plain parse.

import { Analysis } from '../../src/engine/analysis.ts';
import { BlockDecoder } from '../../src/engine/parse/parallel/block-decoder.ts';
import { DecodedCombos } from '../../src/engine/parse/parallel/decoded-combos.ts';
import type { Rng } from './fuzz.ts';

export interface BlockPlan {
  /** Bytes parsed with push() before the first block (more if the layout is not known by then). */
  firstBytes: number;
  /** Size of the next block. */
  blockSize: () => number;
  shards: number;
}

export function analyseInBlocks(bytes: Uint8Array, plan: BlockPlan, name = 'log'): Analysis {
  const a = new Analysis(name);
  const p = a.beginFile(name);
  let off = Math.min(bytes.length, plan.firstBytes);
  p.push(bytes.subarray(0, off));
  // Like the session: plain steps until the header is known.
  while (off < bytes.length && !p.fastLayout) {
    const end = Math.min(bytes.length, off + plan.blockSize());
    p.push(bytes.subarray(off, end));
    off = end;
  }
  const fx = p.fastLayout;
  if (fx) {
    const decoders = Array.from({ length: plan.shards }, () => new BlockDecoder(fx));
    const combos = Array.from({ length: plan.shards }, () => new DecodedCombos());
    for (let i = 0; off < bytes.length; i++) {
      const end = Math.min(bytes.length, off + Math.max(1, plan.blockSize()));
      // A copy, as a worker would read it: the decoder must not see bytes outside its block.
      const block = decoders[i % plan.shards].decode(bytes.slice(off, end));
      const stop = p.pushDecoded(block, combos[i % plan.shards], fx);
      if (stop >= 0) {
        p.push(bytes.subarray(off + stop));
        off = bytes.length;
        break;
      }
      off = end;
    }
  }
  p.push(bytes.subarray(off));
  p.finish();
  return a;
}

/** A random plan: tiny to large blocks, 1 to 4 decoders. */
export function randomPlan(rng: Rng, size: number): BlockPlan {
  const kind = rng.int(4);
  const blockSize = () =>
    kind === 0 ? rng.range(1, 300) : kind === 1 ? rng.range(200, 800) : kind === 2 ? rng.range(800, 20_000) : rng.range(1, Math.max(2, size));
  return { firstBytes: rng.int(4) === 0 ? 0 : rng.range(0, 2000), blockSize, shards: rng.range(1, 4) };
}

/** Everything the store holds per event, as one string: two analyses with equal digests hold the same events in the same order with the same ids. */
export function storeDigest(a: Analysis): string {
  const s = a.store;
  const parts: string[] = [];
  for (let e = 0; e < s.eventCount; e++)
    parts.push(`${s.lineOf(e)} ${s.clock.get(e)} ${s.addressHex(e)} ${s.liveCnt.get(e)} ${s.typeKind.get(e)} ${s.site.get(e)} ${s.rssAt(e)} ${s.sizeof?.get(e) ?? ''}`);
  parts.push(s.types.strings.join('|'), s.files.strings.join('|'), s.funcs.strings.join('|'));
  for (let i = 0; i < s.sites.size; i++) parts.push(`${s.sites.file[i]}:${s.sites.line[i]}:${s.sites.func[i]}`);
  parts.push(`pairs ${Array.from({ length: s.pairNew.length }, (_, i) => `${s.pairNew.get(i)}-${s.pairDel.get(i)}`).join(',')}`);
  parts.push(`untracked ${Array.from({ length: s.untracked.length }, (_, i) => s.untracked.get(i)).join(',')}`);
  parts.push(`dups ${Array.from({ length: s.dupNew.length }, (_, i) => `${s.dupOld.get(i)}-${s.dupNew.get(i)}`).join(',')}`);
  const n = s.notes;
  parts.push(JSON.stringify([n.msgLine, n.msgText, n.msgIsErr, n.probLine, n.probKind, n.probDetail]));
  return parts.join('\n');
}
