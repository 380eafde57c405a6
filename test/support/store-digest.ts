// Everything the store holds per event, as one string, for comparing two parses of the same bytes.

import type { Analysis } from '../../src/engine/analysis.ts';

/** Everything the store holds per event, as one string: two analyses with equal digests hold the same events in the same order with the same ids. */
export function storeDigest(a: Analysis): string {
  const s = a.store;
  const parts: string[] = [];
  for (let e = 0; e < s.eventCount; e++)
    parts.push(
      `${s.lineOf(e)} ${s.clock.get(e)} ${s.addressHex(e)} ${s.liveCnt.get(e)} ${s.typeKind.get(e)} ${s.site.get(e)} ${s.rssAt(e)} ${s.sizeof?.get(e) ?? ''}`,
    );
  parts.push(s.types.strings.join('|'), s.files.strings.join('|'), s.funcs.strings.join('|'));
  for (let i = 0; i < s.sites.size; i++) parts.push(`${s.sites.file[i]}:${s.sites.line[i]}:${s.sites.func[i]}`);
  parts.push(
    `pairs ${Array.from({ length: s.seed.pairNew.length }, (_, i) => `${s.seed.pairNew.get(i)}-${s.seed.pairDel.get(i)}`).join(',')}`,
  );
  parts.push(
    `untracked ${Array.from({ length: s.seed.untracked.length }, (_, i) => s.seed.untracked.get(i)).join(',')}`,
  );
  parts.push(
    `dups ${Array.from({ length: s.seed.dupNew.length }, (_, i) => `${s.seed.dupOld.get(i)}-${s.seed.dupNew.get(i)}`).join(',')}`,
  );
  const n = s.notes;
  parts.push(JSON.stringify([n.msgLine, n.msgText, n.msgIsErr, n.probLine, n.probKind, n.probDetail]));
  return parts.join('\n');
}
