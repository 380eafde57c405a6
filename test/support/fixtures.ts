// Paths and readers for the test fixtures (copies of real pymemtrace logs).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SMALL = 'samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';

export function fixture(rel: string): Uint8Array {
  const b = readFileSync(FIXTURES + rel);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/** Splits bytes into chunks of the given size (the last may be shorter). */
export function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let off = 0; off < bytes.length; off += size) yield bytes.subarray(off, off + size);
}

/** Every .log under a fixtures folder, as paths relative to FIXTURES (e.g. 'samples/small/x.log'), sorted. */
export function fixtureLogs(dir: string): string[] {
  return readdirSync(FIXTURES + dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => `${dir}/${f}`);
}
