// Sizes the log format and this reader fix: pymemtrace's record buffer, and how much of an
// oversized line or opening message is kept.

/** Lines longer than this are reported and only their first bytes are read (records stop at 4095). */
export const MAX_LINE_BYTES = 64 * 1024;
/** pymemtrace formats each record into a 4096-byte buffer: longer records are cut at 4095 bytes. */
export const CUT_AT = 4095;
/** The opening message (text before SOF) is kept up to these limits. */
export const INTRO_MAX_LINES = 1000;
export const INTRO_MAX_CHARS = 64 * 1024;
