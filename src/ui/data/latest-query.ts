// "Latest wins" for a table's row requests: each filter keystroke is a new query, and the worker
// answers in arrival order, so sending every one would make the last keystroke wait for all the
// stale ones. Requests of one query run at once; while they are in flight, requests of another
// query wait, and only the newest query waiting is kept (older ones are rejected as Superseded).

/** The request was dropped because a newer query came while it waited. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer query');
  }
}

interface Waiting {
  key: string;
  starts: (() => void)[];
  drops: (() => void)[];
}

export class LatestQueryGate {
  private running: { key: string; requests: number } | null = null;
  private waiting: Waiting | null = null;

  /** Runs `request` now if no other query is in flight, else when the current one is answered. */
  run<T>(key: string, request: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        if (this.running?.key !== key) this.running = { key, requests: 0 };
        this.running.requests++;
        let p: Promise<T>;
        try {
          p = request();
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(resolve, reject).finally(() => this.finished(key));
      };
      // A request newer than the waiting query replaces it, whether it runs now or waits.
      if (this.waiting && this.waiting.key !== key) {
        for (const drop of this.waiting.drops) drop();
        this.waiting = null;
      }
      if (!this.running || this.running.key === key) {
        start();
        return;
      }
      this.waiting ??= { key, starts: [], drops: [] };
      this.waiting.starts.push(start);
      this.waiting.drops.push(() => reject(new Superseded()));
    });
  }

  private finished(key: string): void {
    const r = this.running;
    if (!r || r.key !== key || --r.requests > 0) return;
    this.running = null;
    const w = this.waiting;
    this.waiting = null;
    if (w) for (const start of w.starts) start();
  }
}
