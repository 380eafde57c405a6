// How often the tables, cards and chart ask again while a parse runs. Each refresh asks the worker
// questions whose cost grows with the log (the sites table reads every event), and the worker answers
// them between pieces of the parse; on a fixed pace a 16 GB log spent most of the worker's time on
// them and the parse nearly stopped. So a refresh waits at least QUERY_SHARE times what answering the
// last one cost: answers take at most about a fifth of the worker's time, however big the log.

/** Tables and chart refresh at most this often (each refresh re-sorts in the worker). */
export const REFRESH_EVERY_MS = 1000;
/** A refresh waits at least this many times the worker's time spent answering the one before. */
export const QUERY_SHARE = 4;

/** Milliseconds between the last refresh and the next, given what answering the last one cost. */
export function refreshInterval(lastAnswerMs: number): number {
  return Math.max(REFRESH_EVERY_MS, QUERY_SHARE * Math.max(0, lastAnswerMs));
}
