// The browser-neutral driver the browser tests and bench:browser talk to: one page of the viewer
// in Chromium (playwright-core over CDP, ./chromium.ts) or Firefox (puppeteer-core over WebDriver
// BiDi, ./firefox.ts). Everything that reads the DOM, drops files or waits on a condition is done
// here once, through evaluate and waitForFunction, so both browsers run the very same page code;
// the implementations only do what needs the protocol (launching, input events, file choosers,
// downloads, network and console events).

export type BrowserName = 'chromium' | 'firefox';

/** Every browser the suite runs in, in the order the projects run. */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';

/** Debian's executable of each browser (never a downloaded build). */
export const EXECUTABLE: Record<BrowserName, string> = { chromium: CHROMIUM, firefox: FIREFOX };

/** How long an action or a wait may take before it fails. */
export const WAIT_MS = 30_000;

/** The system colour scheme a browser reports to pages (prefers-color-scheme). */
export type ColorScheme = 'light' | 'dark';

export interface LaunchOptions {
  /** prefers-color-scheme for every page of this browser (default: the browser's own, light here). */
  colorScheme?: ColorScheme;
  /** prefers-reduced-motion: reduce for every page of this browser (default: no preference). */
  reducedMotion?: boolean;
}

export interface PageOptions {
  viewport: { width: number; height: number };
  /** Script run in every document of the page before the page's own scripts. */
  initScript?: string;
}

/** A request the page (or one of its workers) made. */
export interface SeenRequest {
  method: string;
  url: string;
  /** Whether it carried a body (a POST's data, a beacon). */
  hasBody: boolean;
}

/** A file handed to the page in a drop, by name and content. */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export interface WaitOptions {
  timeout?: number;
  /** Milliseconds between checks; default: every animation frame. */
  polling?: number;
}

/** Key names as both protocols spell them (the DOM's KeyboardEvent.key, plus 'Space'). */
export type Key =
  | 'Enter'
  | 'Space'
  | 'Tab'
  | 'Escape'
  | 'Backspace'
  | 'ArrowUp'
  | 'ArrowDown'
  | 'Home'
  | 'End'
  | 'PageUp'
  | 'PageDown'
  | (string & {});

export interface BrowserDriver {
  readonly name: BrowserName;
  /** "chromium 156.0…" / "firefox 153.8.0esr". */
  version(): Promise<string>;
  /** A new page in a browser context of its own (nothing shared with other pages). */
  newPage(options: PageOptions): Promise<AppPage>;
  /** False once the browser has gone (closed, or crashed). */
  connected(): boolean;
  close(): Promise<void>;
}

export interface AppPage {
  readonly browser: BrowserName;

  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Switches prefers-color-scheme of this running page (Chromium only: see firefox.ts). */
  emulateColorScheme(scheme: ColorScheme): Promise<void>;
  url(): string;
  title(): Promise<string>;
  close(): Promise<void>;

  /** Chooses files in an <input type=file> (absolute paths). */
  setInputFiles(selector: string, paths: string[]): Promise<void>;
  /** A user's drop of files on the page: dragenter, dragover and drop on <body> with a DataTransfer built in the page. */
  dropFiles(files: DroppedFile[]): Promise<void>;
  /** Clicks the element's centre, or `position` from its top-left corner, once it is visible and still. */
  click(selector: string, options?: { position?: { x: number; y: number } }): Promise<void>;
  focus(selector: string): Promise<void>;
  /** Moves the mouse over the element's centre, once it is visible and still. */
  hover(selector: string): Promise<void>;
  /** Replaces a text field's value in one input event, as a paste does. */
  fill(selector: string, text: string): Promise<void>;
  /** Ticks a checkbox (a click when it is not ticked yet). */
  check(selector: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<void>;
  /** Types text key by key into the focused element. */
  type(text: string): Promise<void>;
  press(key: Key): Promise<void>;
  /** Holds a key down (Shift, for Shift with the next presses) until keyUp. */
  keyDown(key: Key): Promise<void>;
  keyUp(key: Key): Promise<void>;

  /** textContent of the first match, once there is one. */
  text(selector: string): Promise<string>;
  /** An attribute of the first match, once there is one (null: the element lacks it). */
  attribute(selector: string, name: string): Promise<string | null>;
  /** The value of the first matching input or select, once there is one. */
  inputValue(selector: string): Promise<string>;
  /** Whether the first match is enabled, once there is one. */
  isEnabled(selector: string): Promise<boolean>;
  /** How many elements match now. */
  count(selector: string): Promise<number>;
  /** Whether the first match is rendered now (a box of some size, not visibility:hidden). */
  isVisible(selector: string): Promise<boolean>;

  waitFor(selector: string, options?: { state?: 'attached' | 'visible'; timeout?: number }): Promise<void>;
  /** Waits until fn(arg) is truthy in the page and returns that value (JSON-serialisable). */
  waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options?: WaitOptions): Promise<R>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;

  /** Console errors and uncaught errors of the page and its workers so far, minus the expected ones. */
  errors(): string[];
  /** Returns errors() and forgets them (for a test that causes errors on purpose). */
  takeErrors(): string[];
  /** Lets console errors matching these through (a 404 asked for on purpose); uncaught errors never are. */
  expectConsoleErrors(...patterns: RegExp[]): void;
  /** Calls `fn` for every alert, confirm or prompt, which is then dismissed. */
  onDialog(fn: (dialog: { type: string; message: string }) => void): void;
  /** Records every request of the page and its workers from now on into the returned list. */
  recordRequests(): SeenRequest[];
  /** Clicks `selector` and returns the file it makes the browser download, as text. */
  download(selector: string): Promise<{ name: string; text: string }>;
  /** Clicks `selector` and returns the file it makes the browser download, as bytes. */
  downloadBytes(selector: string): Promise<{ name: string; bytes: Buffer }>;
  /** A PNG of the viewport as drawn. */
  screenshot(): Promise<Uint8Array>;
}

/**
 * What both implementations share: console bookkeeping, and every read, wait and drop, done in
 * the page through the two primitives an implementation provides.
 */
export abstract class PageBase implements AppPage {
  abstract readonly browser: BrowserName;
  private readonly seenErrors: string[] = [];
  private readonly allowed: RegExp[] = [];

  abstract goto(url: string): Promise<void>;
  abstract reload(): Promise<void>;
  abstract emulateColorScheme(scheme: ColorScheme): Promise<void>;
  abstract url(): string;
  abstract title(): Promise<string>;
  abstract close(): Promise<void>;
  abstract setInputFiles(selector: string, paths: string[]): Promise<void>;
  abstract click(selector: string, options?: { position?: { x: number; y: number } }): Promise<void>;
  abstract hover(selector: string): Promise<void>;
  abstract fill(selector: string, text: string): Promise<void>;
  abstract selectOption(selector: string, value: string): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract press(key: Key): Promise<void>;
  abstract keyDown(key: Key): Promise<void>;
  abstract keyUp(key: Key): Promise<void>;
  abstract waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options?: WaitOptions): Promise<R>;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract onDialog(fn: (dialog: { type: string; message: string }) => void): void;
  abstract recordRequests(): SeenRequest[];
  abstract downloadBytes(selector: string): Promise<{ name: string; bytes: Buffer }>;
  abstract screenshot(): Promise<Uint8Array>;

  async download(selector: string): Promise<{ name: string; text: string }> {
    const { name, bytes } = await this.downloadBytes(selector);
    return { name, text: bytes.toString('utf8') };
  }

  /** For the implementations: a console message of either driver, kept when it is an error. */
  protected onConsoleMessage(m: {
    type(): string;
    text(): string;
    location(): { url?: string; lineNumber?: number } | undefined;
  }): void {
    // A view that failed is an error even though the page only warns (its error boundary kept the page).
    const viewFailed = /^warn/.test(m.type()) && m.text().startsWith('RefTrace Viewer: ');
    if (m.type() !== 'error' && !viewFailed) return;
    const loc = m.location();
    this.consoleError(m.text(), loc?.url ? `${loc.url}:${loc.lineNumber}` : undefined);
  }

  /** For the implementations: a console message of type error (expected ones are dropped). */
  protected consoleError(text: string, where?: string): void {
    if (this.allowed.some((re) => re.test(text))) return;
    this.seenErrors.push(`console.error: ${text}${where ? ` (${where})` : ''}`);
  }

  /** For the implementations: an uncaught error, or the page lost. */
  protected pageError(text: string): void {
    this.seenErrors.push(text);
  }

  errors(): string[] {
    return [...this.seenErrors];
  }

  takeErrors(): string[] {
    return this.seenErrors.splice(0);
  }

  expectConsoleErrors(...patterns: RegExp[]): void {
    this.allowed.push(...patterns);
  }

  async waitFor(selector: string, options: { state?: 'attached' | 'visible'; timeout?: number } = {}): Promise<void> {
    const visible = options.state === 'visible';
    await this.waitForFunction(
      ({ selector, visible }) => {
        const el = document.querySelector(selector);
        if (!el || !visible) return !!el;
        return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      },
      { selector, visible },
      { timeout: options.timeout ?? WAIT_MS },
    );
  }

  /** Runs `read(arg)` in the page; while it finds no element (null), waits for one to appear. */
  private async readFirst<R, A>(read: (arg: A) => { value: R } | null, arg: A): Promise<R> {
    const now = await this.evaluate(read, arg);
    if (now) return now.value;
    return (await this.waitForFunction(read, arg, { timeout: WAIT_MS }))!.value;
  }

  text(selector: string): Promise<string> {
    return this.readFirst((sel) => {
      const el = document.querySelector(sel);
      return el ? { value: el.textContent ?? '' } : null;
    }, selector);
  }

  attribute(selector: string, name: string): Promise<string | null> {
    return this.readFirst(
      ({ selector, name }) => {
        const el = document.querySelector(selector);
        return el ? { value: el.getAttribute(name) } : null;
      },
      { selector, name },
    );
  }

  inputValue(selector: string): Promise<string> {
    return this.readFirst((sel) => {
      const el = document.querySelector(sel) as HTMLInputElement | HTMLSelectElement | null;
      return el ? { value: el.value } : null;
    }, selector);
  }

  isEnabled(selector: string): Promise<boolean> {
    return this.readFirst((sel) => {
      const el = document.querySelector(sel);
      return el ? { value: !el.matches(':disabled') } : null;
    }, selector);
  }

  count(selector: string): Promise<number> {
    return this.evaluate((sel) => document.querySelectorAll(sel).length, selector);
  }

  isVisible(selector: string): Promise<boolean> {
    return this.evaluate((sel) => {
      const el = document.querySelector(sel);
      return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, selector);
  }

  async focus(selector: string): Promise<void> {
    await this.waitFor(selector);
    await this.evaluate((sel) => (document.querySelector(sel) as HTMLElement).focus(), selector);
  }

  /**
   * Clicks the checkbox until it is checked, as a person clicks again when a click did not take (in
   * Firefox a click landing while the page re-lays out around the box was lost once in CI).
   */
  async check(selector: string): Promise<void> {
    await this.waitFor(selector, { state: 'visible' });
    const checked = () =>
      this.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true, selector);
    const until = Date.now() + WAIT_MS;
    while (!(await checked())) {
      if (Date.now() > until) throw new Error(`${selector} is still not checked after ${WAIT_MS} ms of clicking it`);
      await this.click(selector);
      for (let waited = 0; waited < 2000 && !(await checked()); waited += 100)
        await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  async dropFiles(files: DroppedFile[]): Promise<void> {
    const list = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
    await this.evaluate(async (list) => {
      const dt = new DataTransfer();
      for (const { b64, name } of list) {
        const bin = atob(b64);
        const u8 = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
        dt.items.add(new File([u8], name, { type: 'text/plain' }));
      }
      // The page takes drops once its listener is attached (a React effect, which may run after the
      // load event): a dragover it takes is cancelled. A drop before that would be lost.
      for (let tries = 0; ; tries++) {
        const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
        if (!document.body.dispatchEvent(over)) break;
        if (tries === 400)
          throw new Error('nothing on the page takes a dropped file (no dragover listener after 10 s)');
        await new Promise((r) => setTimeout(r, 25));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }),
        );
      }
    }, list);
  }
}
