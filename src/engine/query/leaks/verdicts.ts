// The verdicts of one log, by site and by type, and the report built on them: which sites leak,
// grouped into findings, the one-line headline, and the warnings about the log itself.

import { siteLabel } from '../../../shared/names.ts';
import type { LogStore } from '../../store/log-store.ts';
import type { LeakFinding, LeakReport, SeriesPoint, SiteName, Suspect } from '../../types.ts';
import { derivedOf } from '../derived.ts';
import { isIgnored, type IgnoreMasks } from '../ignore.ts';
import { rankSuspects, type SuspectScore } from '../suspects.ts';
import { leakCurves } from './curves.ts';
import { groupRelated, madeTogether } from './findings.ts';
import { messageAt } from './message-at.ts';
import { missingDelsWarning, rssWithoutObjectsWarning } from './warnings.ts';

export interface Verdicts {
  /** Every site holding objects at the end, ranked: leaks first. */
  sites: Suspect[];
  /** Every type holding objects at the end, ranked: leaks first. */
  types: Suspect[];
  findings: LeakFinding[];
}

export function logVerdicts(s: LogStore, ignore: IgnoreMasks | null): Verdicts {
  const d = derivedOf(s);
  const st = d.sites();
  const siteName = (i: number): SiteName => ({
    file: s.files.strings[s.sites.file[i]],
    line: s.sites.line[i],
    function: s.funcs.strings[s.sites.func[i]],
  });
  const topType = (i: number) => s.types.strings[st.topType[i]] ?? '';
  const curves = leakCurves(s, { site: st.live, type: d.liveByType() }, d.live(), ignore);
  const bySite = rankSuspects(s, curves.site, (i) => ({ ...siteName(i), type: topType(i) }));
  // The leaking sites' live objects: to group them, and to say which types they leak.
  const leaking = bySite.filter((x) => x.judgement.verdict === 'leak');
  const slot = new Map(leaking.map((x, i) => [x.key, i]));
  const kept: number[][] = leaking.map(() => []);
  const leakedOfType = new Int32Array(s.types.size);
  const leakSitesOfType = new Map<number, Set<number>>();
  for (const e of d.live()) {
    const i = slot.get(s.site.get(e));
    if (i === undefined || (ignore && isIgnored(ignore, s, e))) continue;
    kept[i].push(e);
    const t = s.typeOf(e);
    leakedOfType[t]++;
    if (!leakSitesOfType.has(t)) leakSitesOfType.set(t, new Set());
    leakSitesOfType.get(t)!.add(leaking[i].key);
  }
  const lists = kept.map((k) => Uint32Array.from(k));
  const groups = groupRelated(leaking.length, (a, b) => madeTogether(lists[a], lists[b], s.eventCount));
  const findingOf = new Map<number, number>();
  groups.forEach((g, f) => g.forEach((i) => findingOf.set(leaking[i].key, f)));
  const during = messageAt(s);
  const sites = bySite.map((x) => ({
    ...suspectOf('site', x, siteName(x.key), topType(x.key), findingOf.get(x.key) ?? null),
    growingDuring: during(x.judgement.growthSeen),
  }));
  const findings = groups.map((g) => findingFrom(g.map((i) => sites.find((x) => x.key === leaking[i].key)!)));

  const byType = rankSuspects(s, curves.type, (t) => ({ file: '', function: '', type: s.types.strings[t] }));
  const types = byType.map((x) => {
    const suspect = {
      ...suspectOf('type', x, { file: '', line: 0, function: '' }, s.types.strings[x.key], null),
      growingDuring: during(x.judgement.growthSeen),
    };
    const leaked = leakedOfType[x.key];
    if (leaked === 0) return suspect;
    const where = [...leakSitesOfType.get(x.key)!].map((k) => siteLabel(siteName(k)));
    return {
      ...suspect,
      verdict: 'leak' as const,
      reason: `${leaked} of its ${x.live} live objects were made at leaking site${where.length > 1 ? 's' : ''} ${where.slice(0, 3).join(', ')}${where.length > 3 ? ` and ${where.length - 3} more` : ''}`,
    };
  });
  types.sort((a, b) => Number(b.verdict === 'leak') - Number(a.verdict === 'leak'));
  return { sites, types, findings };
}

function suspectOf(
  by: 'site' | 'type',
  x: SuspectScore,
  name: SiteName,
  type: string,
  finding: number | null,
): Omit<Suspect, 'growingDuring'> {
  const j = x.judgement;
  return {
    by,
    ...name,
    type,
    score: round(x.score, 4),
    live: x.live,
    new: x.created,
    survival: round(x.survival, 4),
    steadiness: round(x.steadiness, 4),
    firstClock: x.firstClock,
    sparkline: x.sparkline,
    verdict: j.verdict,
    reason: j.reason,
    kept: j.kept,
    growthPerSecond: round(j.growthPerSecond, 3),
    growingSince: j.growingSince,
    finding,
    key: x.key,
  };
}

function findingFrom(members: Suspect[]): LeakFinding {
  const sites = members
    .map((m) => ({ file: m.file, line: m.line, function: m.function, type: m.type, live: m.live, kept: m.kept }))
    .sort((a, b) => b.kept - a.kept);
  const first = members.reduce((a, b) => (b.kept > a.kept ? b : a));
  const others = sites.length - 1;
  return {
    sites,
    kept: sites.reduce((n, x) => n + x.kept, 0),
    reason:
      `${siteLabel(first)} (${first.type}) ${first.reason}` +
      (others > 0 ? `; ${others} more site${others > 1 ? 's' : ''} kept what it made at the same moments` : ''),
  };
}

/** The report: the headline first, then the findings and the warnings about the log. */
export function leakReport(
  v: Verdicts,
  log: { news: number; duplicates: number; fileNames: string[]; series: () => SeriesPoint[] },
): LeakReport {
  const warnings = [
    missingDelsWarning(log.news, log.duplicates, log.fileNames),
    rssWithoutObjectsWarning(log.series()),
  ].filter((w) => w !== null);
  const leakingSites = v.sites.filter((x) => x.verdict === 'leak').length;
  const n = v.findings.length;
  let headline =
    leakingSites === 0
      ? 'No leak found'
      : `${leakingSites} site${leakingSites > 1 ? 's' : ''} leak${leakingSites > 1 ? '' : 's'}` +
        (n < leakingSites ? ` (${n} finding${n > 1 ? 's' : ''})` : '');
  const rss = warnings.find((w) => w.kind === 'rss-not-objects');
  if (leakingSites === 0 && rss) headline = rss.message.split(':')[0];
  if (warnings.some((w) => w.kind === 'missing-dels')) headline += ' — but this log lacks DEL events: see the warning';
  return { headline, leakingSites, findings: v.findings, warnings };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
