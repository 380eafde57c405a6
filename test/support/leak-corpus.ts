// The real leak corpus (test/fixtures/leaks/, test/fixtures/releases/): logs of programs that leak
// and that do not, with their ground truth, and how the verdicts score on them.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analyseChunks } from '../../src/engine/analysis.ts';
import { Engine } from '../../src/engine/engine.ts';
import { basename } from '../../src/shared/names.ts';
import type { Suspect } from '../../src/engine/types.ts';
import { FIXTURES, fixtureLogs } from './fixtures.ts';

export interface CorpusLog {
  /** Path under test/fixtures. */
  path: string;
  /** Leak sites as `file:line:function` (file base name); empty for a clean program. */
  leaks: string[];
  /** Sites that leak together, by finding name. */
  findings: Map<string, string[]>;
  /** A log written to check the verdicts after they were designed (truth.json `set: holdout` or `holdout2`). */
  holdout: boolean;
  /** Which set it belongs to: the logs the rules were designed on, or a hold-out set (truth.json `set`). */
  set: 'designed' | 'holdout' | 'holdout2';
}

interface TruthSite {
  file: string;
  line: number;
  function: string;
  finding?: string;
}

const key = (s: { file: string; line: number; function: string }) => `${basename(s.file)}:${s.line}:${s.function}`;

export function corpusLogs(): CorpusLog[] {
  const truth = JSON.parse(readFileSync(FIXTURES + 'leaks/truth.json', 'utf8')) as {
    logs: { log: string; leaks: TruthSite[]; set?: string }[];
  };
  const logs: CorpusLog[] = truth.logs.map((t) => {
    const findings = new Map<string, string[]>();
    for (const l of t.leaks) findings.set(l.finding ?? key(l), [...(findings.get(l.finding ?? key(l)) ?? []), key(l)]);
    const set = t.set === 'holdout' || t.set === 'holdout2' ? t.set : 'designed';
    return { path: `leaks/${t.log}`, leaks: t.leaks.map(key), findings, holdout: set !== 'designed', set };
  });
  const releases = JSON.parse(readFileSync(FIXTURES + 'releases/truth.json', 'utf8')) as {
    runs: string[];
    leaks: { file: string; function: string; linesByRun: (number | null)[] }[];
  };
  releases.runs.forEach((run, i) => {
    const leaks = releases.leaks
      .filter((l) => l.linesByRun[i] !== null)
      .map((l) => key({ file: l.file, line: l.linesByRun[i]!, function: l.function }));
    logs.push({
      path: `releases/${run}`,
      leaks,
      findings: new Map(leaks.map((l) => [l, [l]])),
      holdout: false,
      set: 'designed',
    });
  });
  return logs;
}

/** Logs of programs with no leak: the bundled samples and the viewer's example. */
export function cleanSamples(): string[] {
  return [...fixtureLogs('samples'), '../../public/example.log'];
}

export function bytesOf(path: string): Uint8Array {
  const raw = readFileSync(FIXTURES + path);
  return new Uint8Array(path.endsWith('.gz') ? gunzipSync(raw) : raw);
}

export function engineOf(path: string): Engine {
  return new Engine(analyseChunks([bytesOf(path)], basename(path)));
}

/** Every site's verdict (ranked, leaks first). */
export function siteVerdicts(path: string): Suspect[] {
  return engineOf(path).ask('suspects', { by: 'site', limit: Infinity });
}

export interface Score {
  leakSites: number;
  flaggedLeaks: number;
  falseAlarms: string[];
  missed: string[];
}

export function scoreLog(log: CorpusLog, sites: Suspect[]): Score {
  const flagged = new Set(sites.filter((x) => x.verdict === 'leak').map(key));
  const truth = new Set(log.leaks);
  return {
    leakSites: truth.size,
    flaggedLeaks: [...truth].filter((k) => flagged.has(k)).length,
    falseAlarms: [...flagged].filter((k) => !truth.has(k)),
    missed: [...truth].filter((k) => !flagged.has(k)),
  };
}

/** Recall and false alarms over a set of logs. */
export function scoreAll(logs: CorpusLog[]): {
  leakSites: number;
  flagged: number;
  falseAlarms: string[];
  missed: string[];
} {
  const out = { leakSites: 0, flagged: 0, falseAlarms: [] as string[], missed: [] as string[] };
  for (const log of logs) {
    const s = scoreLog(log, siteVerdicts(log.path));
    out.leakSites += s.leakSites;
    out.flagged += s.flaggedLeaks;
    out.falseAlarms.push(...s.falseAlarms.map((k) => `${log.path} ${k}`));
    out.missed.push(...s.missed.map((k) => `${log.path} ${k}`));
  }
  return out;
}
