// A site or a type a person looks into (a suspect, a row of Types or Sites): how it reads on the
// page, and how it is written in the URL (`site:<file>:<line>:<function>`, `type:<name>`).

import type { SiteName } from '../../engine/types.ts';

export type Subject = { kind: 'site'; site: SiteName } | { kind: 'type'; type: string };

/** The last part of a path, as the tables show files by default. */
export function fileBaseName(path: string): string {
  return path.split(/[/\\]/).pop() || path;
}

/** "leaky.py:10 remember_forever" (the full path when asked). */
export function siteLabel(site: SiteName, fullPath: boolean): string {
  return `${fullPath ? site.file : fileBaseName(site.file)}:${site.line} ${site.function}`;
}

export function subjectLabel(s: Subject, fullPath: boolean): string {
  return s.kind === 'site' ? siteLabel(s.site, fullPath) : s.type;
}

export function subjectToUrl(s: Subject): string {
  return s.kind === 'site' ? `site:${s.site.file}:${s.site.line}:${s.site.function}` : `type:${s.type}`;
}

/** The file is everything before the last `:<line>:` (a Windows path has colons too); null when malformed. */
export function subjectFromUrl(text: string): Subject | null {
  if (text.startsWith('type:')) return text.length > 5 ? { kind: 'type', type: text.slice(5) } : null;
  const m = /^site:([\s\S]+):(\d+):([^:]*)$/.exec(text);
  if (!m) return null;
  return { kind: 'site', site: { file: m[1], line: Number(m[2]), function: m[3] } };
}

export function sameSubject(a: Subject | null, b: Subject | null): boolean {
  if (!a || !b) return a === b;
  return subjectToUrl(a) === subjectToUrl(b);
}
