// Writes a synthetic pymemtrace ReferenceTracing log (see test/support/reflog-generator.ts).
//
//   npx tsx scripts/make-reflog.ts --lines N [--seed S] [--leak-every N] [--sizeof]
//     [--message TEXT] [--no-eof] [--crlf] [--odd-names] [--duplicates RATE]
//     [--untracked RATE] [--msg-rate RATE] [--out FILE]
//
// Writes to FILE or stdout; the last line on stderr is the JSON summary to check against.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { generateLog, type GeneratorOptions } from '../test/support/reflog-generator.ts';

function fail(why: string): never {
  process.stderr.write(`make-reflog: ${why}\n`);
  process.exit(2);
}

const USAGE =
  'usage: make-reflog.ts --lines N [--seed S] [--leak-every N] [--sizeof] [--message TEXT] [--no-eof]' +
  ' [--crlf] [--odd-names] [--duplicates RATE] [--untracked RATE] [--msg-rate RATE] [--out FILE]';

function parseCli() {
  try {
    return parseArgs({
      options: {
        lines: { type: 'string' },
        seed: { type: 'string' },
        'leak-every': { type: 'string' },
        sizeof: { type: 'boolean' },
        message: { type: 'string' },
        'no-eof': { type: 'boolean' },
        crlf: { type: 'boolean' },
        'odd-names': { type: 'boolean' },
        duplicates: { type: 'string' },
        untracked: { type: 'string' },
        'msg-rate': { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}
const a = parseCli();

/** A numeric option, or undefined to keep the generator's default; rejects typos like "1e6x". */
function num(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) fail(`--${name}: not a number: ${text}`);
  return n;
}

const lines = num('lines', a.lines);
if (lines === undefined) fail(`--lines is required\n${USAGE}`);
const opts: GeneratorOptions = {
  lines,
  seed: num('seed', a.seed),
  leakEvery: num('leak-every', a['leak-every']),
  sizeof: a.sizeof,
  message: a.message,
  eof: !a['no-eof'],
  crlf: a.crlf,
  oddNames: a['odd-names'],
  duplicateRate: num('duplicates', a.duplicates),
  untrackedRate: num('untracked', a.untracked),
  msgRate: num('msg-rate', a['msg-rate']),
};

if (!Number.isInteger(lines) || lines < 0) fail(`--lines: not a non-negative integer: ${a.lines}`);
const log = generateLog(opts);
const out = a.out ? createWriteStream(a.out) : process.stdout;
for (const chunk of log.chunks) {
  if (!out.write(chunk)) await once(out, 'drain'); // respect back-pressure: memory stays at one chunk
}
if (out !== process.stdout) {
  out.end();
  await once(out, 'finish');
}
process.stderr.write(JSON.stringify(log.summary()) + '\n');
