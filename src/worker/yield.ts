// Yields to the event loop (a macrotask), so comlink calls such as cancel() and table queries are
// answered between chunks. In a worker, setTimeout(0) is clamped to 4 ms when nested; a
// MessageChannel round trip is not. Node (tests, benchmarks) has setImmediate.

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
