// The tag that starts each line of a log: SOF, HDR:, NEW:, DEL:, MSG:, ERR:, EOF.

export const enum Tag {
  None,
  New,
  Del,
  Msg,
  Err,
  Hdr,
  Sof,
  Eof,
}

/** The tag of the line buf[s, e). */
export function tagOf(buf: Uint8Array, s: number, e: number): Tag {
  const n = e - s;
  if (n < 3) return Tag.None;
  const a = buf[s];
  const b = buf[s + 1];
  const c = buf[s + 2];
  if (n === 3) {
    if (a === 83 && b === 79 && c === 70) return Tag.Sof; // SOF
    if (a === 69 && b === 79 && c === 70) return Tag.Eof; // EOF
    return Tag.None;
  }
  if (buf[s + 3] !== 58) return Tag.None; // ':'
  if (a === 78 && b === 69 && c === 87) return Tag.New;
  if (a === 68 && b === 69 && c === 76) return Tag.Del;
  if (a === 77 && b === 83 && c === 71) return Tag.Msg;
  if (a === 69 && b === 82 && c === 82) return Tag.Err;
  if (a === 72 && b === 68 && c === 82) return Tag.Hdr;
  return Tag.None;
}

/** 1 for a line starting "DEL:", 0 for "NEW:", -1 for anything else (the fast path's tag test). */
export function recordTagAt(buf: Uint8Array, s: number): number {
  if (buf[s + 3] !== 58 || buf[s + 1] !== 69) return -1; // "?E?:"
  const a = buf[s];
  if (a === 68 && buf[s + 2] === 76) return 1; // DEL
  if (a === 78 && buf[s + 2] === 87) return 0; // NEW
  return -1;
}
