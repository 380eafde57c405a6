// Yields to the worker's event loop (a macrotask), so comlink calls such as cancel() and table
// queries are answered between chunks. setTimeout(0) is clamped to 4 ms when nested; a
// MessageChannel round trip is not.

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // In Node (tests, CLI) an open port would keep the process alive.
    (channel.port1 as unknown as { unref?: () => void }).unref?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}
