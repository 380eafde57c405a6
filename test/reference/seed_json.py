# JSON summary of one ReferenceTracing log, computed by the restored pymemtrace
# seed analyser (seed_analyse.py, same folder), for cross-checking the TypeScript
# implementation.
#
# Usage:
#   python3 test/reference/seed_json.py [--recurse-files] [--include-untracked] [-l LEVEL] LOG
#
# Prints exactly one JSON object on stdout:
#   {"lines": N, "counts": {"new": N, "del": N, "msg": N}, "live": N, "pairs": N,
#    "types": {"<type>": [new, del, untracked], ...}}
# where
#   lines  = the seed's final line_num for LOG itself (it stops at the EOF line, so
#            this is the line number of "EOF", or of the last line if there is none);
#            lines of child logs read through --recurse-files are NOT included;
#   counts = result.count_new / count_del / count_msg (children included when recursing);
#   live   = len(result.live_objects);
#   pairs  = number of (NEW, DEL) tuples over all result.prev_objects lists;
#   types  = every type in type_count_new | type_count_del (keys sorted), with
#            [type_count_new, type_count_del, type_count_untracked].
# Type names are as the seed sees them, i.e. after its '<frozen ' -> '<frozen_'
# replacement (which only changes File values in practice).
#
# Logging (the seed's INFO/WARNING/ERROR messages) goes to stderr; stdout is pure
# JSON. If the seed raises (e.g. ValueError "len columns 11 != header columns 10"
# on a Type/File containing a space, AssertionError on a last line without '\n',
# FileNotFoundError on a missing child log, UnicodeDecodeError on non-UTF-8 bytes)
# the traceback goes to stderr, stdout stays empty and the exit code is 1.
#
# --recurse-files: the seed opens each child path from a "Detaching this Reference
# Tracing file wrapper. New file: <path>" MSG line verbatim, so relative child paths
# are resolved against the current working directory. The caller must therefore run
# this script with cwd set to the directory the children are relative to, e.g.
#   cd /work/shared/samples/nested_named && \
#       python3 /work/main/test/reference/seed_json.py --recurse-files nested_outer.log
# (this script resolves its own import of seed_analyse from its own folder, so any
# cwd works).
import argparse
import json
import logging
import os
import sys

# Do not leave a __pycache__ folder next to the reference scripts.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import seed_analyse  # noqa: E402


class _LineCountingFile:
    """Iterates over a file exactly like the file itself, counting the lines handed out.

    seed_analyse.process_file_to_log_result() only does `enumerate(file)` and breaks
    right after taking the EOF line, so the count equals its final line_num. The seed's
    logic is used unchanged: this only wraps the top-level file (children are opened
    by the seed itself and are not counted)."""

    def __init__(self, file):
        self._file = file
        self.count = 0

    def __iter__(self):
        for line in self._file:
            self.count += 1
            yield line


def summarise(log_path: str, include_untracked: bool, recurse_files: bool) -> dict:
    # Same as seed_analyse.process_file_path() but with the counting wrapper.
    with open(log_path) as file:
        seed_analyse.logger.info(f'Starting log file: {log_path}')
        counting = _LineCountingFile(file)
        result = seed_analyse.process_file(counting, include_untracked, recurse_files)
        seed_analyse.logger.info(f'Finished log file: {log_path}')
    all_types = sorted(set(result.type_count_new.keys()) | set(result.type_count_del.keys()))
    return {
        'lines': counting.count,
        'counts': {
            'new': result.count_new,
            'del': result.count_del,
            'msg': result.count_msg,
        },
        'live': len(result.live_objects),
        'pairs': sum(len(v) for v in result.prev_objects.values()),
        'types': {
            t: [
                result.type_count_new.get(t, 0),
                result.type_count_del.get(t, 0),
                result.type_count_untracked.get(t, 0),
            ]
            for t in all_types
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description='Print a JSON summary of a ReferenceTracing log computed by the pymemtrace seed analyser.',
    )
    parser.add_argument('log_path', type=str, help='Input path to the log.')
    parser.add_argument('--recurse-files', action='store_true',
                        help='Passed to the seed: recurse into child log files'
                             ' (relative child paths resolve against the cwd).')
    parser.add_argument('--include-untracked', action='store_true',
                        help='Passed to the seed: only adds a warning per untracked DEL on stderr.')
    parser.add_argument('-l', '--log_level', type=int, dest='log_level', default=30,
                        help='Log level for stderr (debug=10, info=20, warning=30, error=40) [default: %(default)s]')
    args = parser.parse_args()
    logging.basicConfig(
        level=args.log_level,
        format='%(asctime)s - %(filename)s#%(lineno)d - %(levelname)-8s - %(message)s',
        stream=sys.stderr,
    )
    summary = summarise(args.log_path, args.include_untracked, args.recurse_files)
    sys.stdout.write(json.dumps(summary, sort_keys=False) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
