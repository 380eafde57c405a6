// Yields to the event loop (a macrotask), so comlink calls such as cancel() and table queries are
// answered between chunks: a parse yields once every few milliseconds (throttledYield), since a
// file's stream may come in thousands of 64 KiB pieces (Firefox) and a round trip after each added
// up. In a worker, setTimeout(0) is clamped to 4 ms when nested; a MessageChannel round trip is not.
// Node (tests, benchmarks) has setImmediate.

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/**
 * A yield once `everyMs` have passed since the last one, nothing before: what a caller between
 * small pieces of work awaits.
 */
export function throttledYield(
  everyMs: number,
  now: () => number = () => performance.now(),
): () => Promise<void> | undefined {
  let last = now();
  return () => {
    if (now() - last < everyMs) return undefined;
    return yieldToEventLoop().then(() => {
      last = now();
    });
  };
}
