// Messages (MSG/ERR) and problem lines. Few per log, so plain arrays; problems are capped so a
// binary file dropped by mistake cannot fill memory with millions of complaints.

export type ProblemKind =
  | 'not-a-log'
  | 'no-sof'
  | 'no-header'
  | 'header'
  | 'bad-record'
  | 'cut-short'
  | 'split-record'
  | 'unknown-line'
  | 'too-long'
  | 'after-eof'
  | 'no-eof'
  | 'no-newline'
  | 'missing-child'
  | 'read-error';

export const PROBLEMS_KEPT = 100_000;
const DETAIL_CHARS = 200;

export class Notes {
  readonly msgLine: number[] = [];
  readonly msgFile: number[] = [];
  readonly msgClock: number[] = [];
  readonly msgIsErr: boolean[] = [];
  readonly msgText: string[] = [];
  msgCount = 0;
  errCount = 0;

  readonly probLine: number[] = [];
  readonly probFile: number[] = [];
  readonly probKind: ProblemKind[] = [];
  readonly probDetail: string[] = [];
  problemCount = 0;
  /** Bumped on every message, continuation and problem (part of the store's stamp). */
  changes = 0;

  addMessage(file: number, line: number, clock: number, isErr: boolean, text: string): void {
    this.changes++;
    this.msgLine.push(line);
    this.msgFile.push(file);
    this.msgClock.push(clock);
    this.msgIsErr.push(isErr);
    this.msgText.push(text);
    if (isErr) this.errCount++;
    else this.msgCount++;
  }

  /** A continuation line of the last message (messages keep their newlines). */
  continueMessage(text: string): void {
    this.changes++;
    const i = this.msgText.length - 1;
    this.msgText[i] += '\n' + text;
  }

  addProblem(file: number, line: number, kind: ProblemKind, detail: string): void {
    this.changes++;
    this.problemCount++;
    if (this.probLine.length >= PROBLEMS_KEPT) return;
    this.probLine.push(line);
    this.probFile.push(file);
    this.probKind.push(kind);
    this.probDetail.push(detail.length > DETAIL_CHARS ? detail.slice(0, DETAIL_CHARS) + '…' : detail);
  }
}
