// Bytes to text. Logs are raw bytes: names may be UTF-8, Latin-1 or garbage, and must never fail.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 when the bytes are valid UTF-8, else as Latin-1 (so `café` written as 0xE9 reads right). */
export function decodeBytes(buf: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (buf[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return latin1(buf, start, end);
  try {
    return utf8.decode(buf.subarray(start, end));
  } catch {
    return latin1(buf, start, end);
  }
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  // Batches keep String.fromCharCode's argument list well under engine limits.
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  }
  return s;
}
