// The questions the page asks in one task (a render's effects) go to the worker together, those a
// person reads first ahead of the rest: the worker answers one at a time, and after a parse the
// chart's series, the phases and the peaks would otherwise keep the leak verdict waiting.

/** Sends each item after the task it was queued in, `isFirst` items before the others, each group in order. */
export function askBatch<T>(isFirst: (item: T) => boolean, send: (item: T) => void): (item: T) => void {
  let queued: T[] = [];
  const flush = () => {
    const batch = queued;
    queued = [];
    for (const item of batch) if (isFirst(item)) send(item);
    for (const item of batch) if (!isFirst(item)) send(item);
  };
  return (item) => {
    if (queued.length === 0) queueMicrotask(flush);
    queued.push(item);
  };
}
