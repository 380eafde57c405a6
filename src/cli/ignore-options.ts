// --ignore-type T and --ignore-file F (repeatable): the page's ignore list, for the leak commands.

import type { IgnoreList } from '../engine/types.ts';
import type { ParsedArgs } from './args.ts';

export const IGNORE_OPTIONS = ['--ignore-type', '--ignore-file'];

export const IGNORE_USAGE = `  --ignore-type T       leave objects of type T out (repeatable)
  --ignore-file F       leave objects made in file F out: a full path or a base name (repeatable)`;

/** The ignore list the options give, or undefined when none was given. */
export function ignoreListOf(args: ParsedArgs): IgnoreList | undefined {
  const types = args.repeated.get('--ignore-type') ?? [];
  const files = args.repeated.get('--ignore-file') ?? [];
  return types.length + files.length > 0 ? { types, files } : undefined;
}
