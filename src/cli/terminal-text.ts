// What the CLI prints is safe for a terminal and for a CI log, whatever a log holds. Type, file and
// function names, messages and problem details come from the log; a log could otherwise set the
// window title, clear the screen, write the clipboard (OSC 52) or plant links (OSC 8) with escape
// sequences, hide text with backspaces and CR, reorder it with bidi overrides, or start a line with
// a CI runner's workflow command (`::add-mask::…`, `##vso[…]`).
//
// Every control character but the newline is printed escaped and visible: C0 as `\xHH` (JSON
// already escapes those), DEL, C1, the bidi embeddings, overrides and isolates, and the line and
// paragraph separators as `\uHHHH` (valid inside a JSON string, so `--json` goes through the same
// filter and stays the same JSON). A line whose text starts (after blanks) with `::` or `##` gets
// that first character escaped (`\x3a`, `\x23`; no JSON line starts so), and the first `#` of
// `##[` / `##vso[` anywhere is `\u0023`: no CI runner reads a command from the report. The
// report's own text never holds any of these.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
/** A line starting (after any blanks, as a runner trims them) with `::` or `##`. */
const COMMAND_START = /^([^\S\n]*)([:#])(?=[:#])/gm;
const AZURE = /#(?=#(?:vso)?\[)/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
}

/** `text` (whole lines) with every unsafe character escaped and no line a CI runner would read as a command. */
export function terminalSafe(text: string): string {
  return text
    .replace(UNSAFE, escapeChar)
    .replace(COMMAND_START, (_m, blank: string, c: string) => blank + (c === ':' ? '\\x3a' : '\\x23'))
    .replace(AZURE, '\\u0023');
}

/**
 * A writer that passes whole lines through terminalSafe (a partial line waits for its end, or for
 * end()): the check for a line's start needs the whole line.
 */
export class SafeLines {
  private pending = '';

  constructor(private readonly write: (s: string) => unknown) {}

  /** Resolves when the writer can take more (a pipe's back-pressure), when the writer says so. */
  out(s: string): void | Promise<void> {
    const text = this.pending + s;
    const cut = text.lastIndexOf('\n') + 1;
    this.pending = text.slice(cut);
    if (cut > 0) return waitFor(this.write(terminalSafe(text.slice(0, cut))));
  }

  end(): void | Promise<void> {
    const rest = this.pending;
    this.pending = '';
    if (rest) return waitFor(this.write(terminalSafe(rest)));
  }
}

/** The writer's promise, if it returned one (it waits for a drain); anything else is not waited for. */
function waitFor(r: unknown): void | Promise<void> {
  if (r instanceof Promise) return r.then(() => undefined);
}
