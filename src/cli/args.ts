// Command-line options: flags, options with a value (repeatable or not) and positional files.

export interface OptionSpec {
  /** Options taking no value. */
  flags: string[];
  /** Options taking one value (the last one given counts). */
  values: string[];
  /** Options taking one value each time they are given. */
  repeated?: string[];
  /** How many positional arguments: 'one' or 'many'. */
  files: 'one' | 'many';
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  files: string[];
}

/** The arguments after the command, or an error message. */
export function parseOptions(rest: string[], spec: OptionSpec): ParsedArgs | string {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), repeated: new Map(), files: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (spec.flags.includes(a)) out.flags.add(a);
    else if (spec.values.includes(a) || spec.repeated?.includes(a)) {
      const v = rest[++i];
      if (v === undefined) return `${a} needs a value`;
      if (spec.values.includes(a)) out.values.set(a, v);
      else out.repeated.set(a, [...(out.repeated.get(a) ?? []), v]);
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else out.files.push(a);
  }
  if (out.files.length === 0) return 'no log file given';
  if (spec.files === 'one' && out.files.length > 1) return 'only one log file may be given';
  return out;
}

/** A clock value (seconds) given on the command line, or an error message. */
export function clockValue(option: string, text: string | undefined): number | string {
  if (text === undefined) return `${option} is required`;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) return `${option} takes a clock in seconds (a number), not "${text}"`;
  return v;
}
