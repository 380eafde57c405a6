// How files, allocation sites and subjects (a site or a type) are named, the same in the engine,
// the page, the URL and the CLI.

/** An allocation site: the file (full path), line and function of a NEW. */
export interface SiteName {
  file: string;
  line: number;
  function: string;
}

/** What a person looks into: an allocation site or a type. */
export type Subject = { kind: 'site'; site: SiteName } | { kind: 'type'; type: string };

/** The last part of a path, as the seed prints it (Python's os.path.basename on POSIX: `/` only). */
export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A name inside a label: one holding bidi control characters (a right-to-left override, say) is
 * isolated, FSI … PDI, so it cannot reorder the rest of the label (`admin)(daol 01:exe.py`).
 * Names without them are as they are.
 */
export function isolatedName(name: string): string {
  return BIDI_CONTROL.test(name) ? `\u2068${name}\u2069` : name;
}

/** The one way a site is printed: `leaky.py:10 remember_forever` (the full path when asked). */
export function siteLabel(site: SiteName, fullPath = false): string {
  return `${isolatedName(fullPath ? site.file : basename(site.file))}:${site.line} ${isolatedName(site.function)}`;
}

export function subjectLabel(s: Subject, fullPath = false): string {
  return s.kind === 'site' ? siteLabel(s.site, fullPath) : isolatedName(s.type);
}

/** `site:<file>:<line>:<function>` or `type:<name>`: a subject in a link and in the CLI's options. */
export function subjectToText(s: Subject): string {
  return s.kind === 'site' ? `site:${s.site.file}:${s.site.line}:${s.site.function}` : `type:${s.type}`;
}

/** The file is everything before the last `:<line>:` (a Windows path has colons too); null when malformed. */
export function subjectFromText(text: string): Subject | null {
  if (text.startsWith('type:')) return text.length > 5 ? { kind: 'type', type: text.slice(5) } : null;
  const m = /^site:([\s\S]+):(\d+):([^:]*)$/.exec(text);
  if (!m) return null;
  return { kind: 'site', site: { file: m[1], line: Number(m[2]), function: m[3] } };
}

export function sameSubject(a: Subject | null, b: Subject | null): boolean {
  if (!a || !b) return a === b;
  return subjectToText(a) === subjectToText(b);
}
