// File reads done by the page for the worker. Chromium copies a Blob read into memory on the thread
// that asked for it (~1 ms per MB here), and the parser's thread is the busiest of the parse. The
// page's main thread is idle meanwhile, so it reads the slices the worker asks for and transfers
// them (no copy). The worker asks for byte ranges; the page answers each one (a tiny protocol, so
// the page holds no state: the worker decides what to read, how far ahead, and when to stop).

/** Worker → page. */
export type PageReadRequest = { id: number; start: number; end: number } | { done: true };
/** Page → worker. */
export type PageReadReply = { id: number; bytes: ArrayBuffer } | { id: number; error: string };

/** Reads of byte ranges of the page's file, through the port the page gave with the source. */
export class PageReads {
  private next = 0;
  private readonly waiting = new Map<number, { resolve(b: ArrayBuffer): void; reject(e: Error): void }>();

  constructor(private readonly port: MessagePort) {
    port.onmessage = (e: MessageEvent<PageReadReply>) => {
      const reply = e.data;
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if ('bytes' in reply) w.resolve(reply.bytes);
      else w.reject(new Error(reply.error));
    };
  }

  read = (start: number, end: number): Promise<ArrayBuffer> =>
    new Promise((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { resolve, reject });
      this.port.postMessage({ id, start, end } satisfies PageReadRequest);
    });

  /** Tells the page the file is no longer needed; reads still waiting fail. */
  close(): void {
    this.port.postMessage({ done: true } satisfies PageReadRequest);
    this.port.close();
    for (const w of this.waiting.values()) w.reject(new Error('the read was stopped'));
    this.waiting.clear();
  }
}

/** The page's side: answers the worker's reads of `file` until the worker is done. Returns the port to give it. */
export function serveFileReads(file: Blob): MessagePort {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (e: MessageEvent<PageReadRequest>) => {
    const req = e.data;
    if ('done' in req) {
      port1.close();
      return;
    }
    file
      .slice(req.start, req.end)
      .arrayBuffer()
      .then(
        (bytes) => port1.postMessage({ id: req.id, bytes } satisfies PageReadReply, [bytes]),
        (err: unknown) =>
          port1.postMessage({
            id: req.id,
            error: err instanceof Error ? err.message : String(err),
          } satisfies PageReadReply),
      );
  };
  return port2;
}
