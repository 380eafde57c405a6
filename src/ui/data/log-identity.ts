// Which log a view was made from, as a link can carry it: the file's name, its size and a short
// fingerprint (the first 16 hex digits of the SHA-256 of its first MiB, with crypto.subtle, off the
// page's thread). A page opened from a link with one asks for that file, and says so when the file
// dropped is another.

import { fmtInt, fmtMB } from '../format.ts';

export interface LogIdentity {
  name: string;
  /** Bytes, as the file is (compressed, for a .gz). */
  size: number;
  /** null where the browser has no crypto.subtle (a page served over plain http from another host). */
  fp: string | null;
}

/** How much of the file the fingerprint reads. */
const FINGERPRINT_BYTES = 1 << 20;
/** Hex digits kept: 64 bits tell files apart well enough for a link. */
const FINGERPRINT_DIGITS = 16;

export async function identify(file: File): Promise<LogIdentity> {
  let fp: string | null = null;
  if (globalThis.crypto?.subtle) {
    try {
      const head = await file.slice(0, FINGERPRINT_BYTES).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', head));
      fp = Array.from(digest, (b) => b.toString(16).padStart(2, '0'))
        .join('')
        .slice(0, FINGERPRINT_DIGITS);
    } catch {
      fp = null;
    }
  }
  return { name: file.name, size: file.size, fp };
}

/** The same file: the same size and fingerprint (a renamed copy is), or the same name and size without one. */
export function sameLog(a: LogIdentity, b: LogIdentity): boolean {
  if (a.size !== b.size) return false;
  if (a.fp !== null && b.fp !== null) return a.fp === b.fp;
  return a.name === b.name;
}

/** The same files, in any order. */
export function sameLogs(want: LogIdentity[], got: LogIdentity[]): boolean {
  return want.length === got.length && want.every((w) => got.some((g) => sameLog(w, g)));
}

/** "reindex-phase.log.gz (0.9 MB)". */
export function logWords(l: LogIdentity): string {
  return `${l.name} (${l.size < 1e5 ? `${fmtInt(l.size)} bytes` : fmtMB(l.size)})`;
}

/** `<size>:<fingerprint or ->:<name>`, a link's `log=` entry (the name last: it may hold colons). */
export function logToText(l: LogIdentity): string {
  return `${l.size}:${l.fp ?? '-'}:${l.name}`;
}

/** Names longer than this are not a log's (a link is not read for them). */
const MAX_NAME = 1024;

export function logFromText(text: string): LogIdentity | null {
  const m = /^(\d{1,15}):([0-9a-f]{1,64}|-):([\s\S]+)$/.exec(text);
  if (!m || m[3].length > MAX_NAME) return null;
  return { size: Number(m[1]), fp: m[2] === '-' ? null : m[2], name: m[3] };
}
