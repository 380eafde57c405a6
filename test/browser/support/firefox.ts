// The driver over puppeteer-core: Debian's Firefox ESR through WebDriver BiDi (Firefox has no CDP
// any more, and playwright-core drives only its own patched Firefox builds).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import puppeteer, {
  type Browser,
  type BrowserContext,
  type ElementHandle,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import {
  FIREFOX,
  PageBase,
  WAIT_MS,
  type AppPage,
  type BrowserDriver,
  type ColorScheme,
  type Key,
  type LaunchOptions,
  type PageOptions,
  type SeenRequest,
  type WaitOptions,
} from './driver.ts';

/** Preferences added to the fresh profile puppeteer makes for each launch (it sets the automation ones). */
const PREFS: Record<string, unknown> = {
  // Numbers and dates as the tests read them ("1,234"), whatever the machine's locale.
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US',
  // navigator.clipboard.readText without the paste prompt, so a test can read back what the page copied.
  'dom.events.testing.asyncClipboard': true,
};

/**
 * prefers-color-scheme is a preference read at launch: puppeteer's media emulation needs CDP, and
 * BiDi has no command for it, so a page's scheme cannot change while it runs (emulateColorScheme).
 */
const COLOR_SCHEME_OVERRIDE: Record<ColorScheme, number> = { dark: 0, light: 1 };

/** The preferences of a launch: the automation ones, and the media features asked for. */
function prefsFor(options: LaunchOptions): Record<string, unknown> {
  return {
    ...PREFS,
    ...(options.colorScheme
      ? { 'layout.css.prefers-color-scheme.content-override': COLOR_SCHEME_OVERRIDE[options.colorScheme] }
      : {}),
    // Like the colour scheme, prefers-reduced-motion is a preference read at launch (1: reduce).
    ...(options.reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
  };
}

function launch(options: LaunchOptions): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    // MOZ_HEADLESS as well as --headless: either alone starts without a display (CI has none); the
    // variable also reaches any process Firefox starts anew.
    env: { ...process.env, MOZ_HEADLESS: '1' },
    extraPrefsFirefox: prefsFor(options),
    // The viewport is set per page (newPage's options).
    defaultViewport: null,
    timeout: 60_000,
    protocolTimeout: 120_000,
  });
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<BrowserDriver> {
  let browser: Browser;
  try {
    browser = await launch(options);
  } catch (e) {
    // A start can time out on a busy 2-core machine: one more, with a new profile, and it is said.
    console.warn(`Firefox did not start (${e instanceof Error ? e.message : String(e)}); trying once more`);
    browser = await launch(options);
  }
  return {
    name: 'firefox',
    version: async () => (await browser.version()).replace('/', ' '),
    newPage: (options) => FirefoxPage.open(browser, options),
    connected: () => browser.connected,
    close: () => browser.close(),
  };
}

// BiDi hands a logged Error over as a bare handle ("JSHandle@error"): the page prints errors as text
// first, so a test's failure says which error and where.
const ERRORS_AS_TEXT = `(() => {
  const asText = (a) => (a instanceof Error ? \`\${a.name}: \${a.message}\\n\${a.stack ?? ''}\` : a);
  for (const level of ['error', 'warn']) {
    const log = console[level].bind(console);
    console[level] = (...args) => log(...args.map(asText));
  }
})();`;

class FirefoxPage extends PageBase {
  readonly browser = 'firefox' as const;
  private closing = false;

  private constructor(
    private readonly ctx: BrowserContext,
    private readonly page: Page,
    private readonly downloads: string,
  ) {
    super();
    page.setDefaultTimeout(WAIT_MS);
    page.on('console', (m) => this.onConsoleMessage(m));
    page.on('pageerror', (e) =>
      this.pageError(`pageerror: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    );
    // BiDi has no crash event: a content process that dies takes its browsing context with it.
    page.on('close', () => {
      if (!this.closing) this.pageError('page closed by the browser (the content process crashed?)');
    });
  }

  static async open(browser: Browser, options: PageOptions): Promise<AppPage> {
    // Each page gets its own download folder, so a finished download is known to be this page's.
    const downloads = await mkdtemp(join(tmpdir(), 'reftrace-ff-downloads-'));
    const ctx = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
    // A window, not a tab: a tab behind another is hidden, and Firefox stops its animation frames
    // (and so rendering and raf polling) while two pages work at once.
    const page = await ctx.newPage({ type: 'window' });
    await page.setViewport(options.viewport);
    await page.evaluateOnNewDocument(ERRORS_AS_TEXT);
    if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
    return new FirefoxPage(ctx, page, downloads);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  emulateColorScheme(): Promise<void> {
    return Promise.reject(
      new Error(
        'Firefox over WebDriver BiDi cannot switch prefers-color-scheme in a running page: launch it with { colorScheme }',
      ),
    );
  }

  url(): string {
    return this.page.url();
  }

  title(): Promise<string> {
    return this.page.title();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.ctx.close();
    await rm(this.downloads, { recursive: true, force: true });
  }

  async setInputFiles(selector: string, paths: string[]): Promise<void> {
    const input = (await this.page.waitForSelector(selector, {
      timeout: WAIT_MS,
    })) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error(`no element ${selector}`);
    try {
      await input.uploadFile(...paths);
    } finally {
      await input.dispose();
    }
  }

  async click(selector: string, options: { position?: { x: number; y: number } } = {}): Promise<void> {
    await this.page.locator(selector).setTimeout(WAIT_MS).click({ offset: options.position });
  }

  async hover(selector: string): Promise<void> {
    await this.page.locator(selector).setTimeout(WAIT_MS).hover();
  }

  async fill(selector: string, text: string): Promise<void> {
    await this.waitFor(selector, { state: 'visible' });
    // execCommand edits the field as the user's editor does: one trusted input event for the whole
    // text, as Playwright's fill gives in Chromium (puppeteer's own fill types key by key).
    const value = await this.evaluate(
      ({ selector, text }) => {
        const el = document.querySelector(selector) as HTMLInputElement;
        el.focus();
        el.select();
        if (text) document.execCommand('insertText', false, text);
        else if (el.value) document.execCommand('delete');
        return el.value;
      },
      { selector, text },
    );
    if (value !== text)
      throw new Error(`fill ${selector}: the field holds ${JSON.stringify(value)}, not ${JSON.stringify(text)}`);
  }

  async selectOption(selector: string, value: string): Promise<void> {
    await this.waitFor(selector);
    const chosen = await this.page.select(selector, value);
    if (!chosen.includes(value)) throw new Error(`selectOption ${selector}: no option ${value}`);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: Key): Promise<void> {
    // Puppeteer's BiDi keyboard knows the space bar only by its character.
    await this.page.keyboard.press((key === 'Space' ? ' ' : key) as KeyInput);
  }

  async keyDown(key: Key): Promise<void> {
    await this.page.keyboard.down((key === 'Space' ? ' ' : key) as KeyInput);
  }

  async keyUp(key: Key): Promise<void> {
    await this.page.keyboard.up((key === 'Space' ? ' ' : key) as KeyInput);
  }

  async waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options: WaitOptions = {}): Promise<R> {
    const handle = await this.page.waitForFunction(
      fn as (a: unknown) => R,
      { timeout: options.timeout ?? WAIT_MS, polling: options.polling ?? 'raf' },
      arg as A,
    );
    try {
      return (await handle.jsonValue()) as R;
    } finally {
      await handle.dispose();
    }
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (a: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  }

  onDialog(fn: (dialog: { type: string; message: string }) => void): void {
    this.page.on('dialog', (d) => {
      fn({ type: d.type(), message: d.message() });
      void d.dismiss().catch(() => {});
    });
  }

  recordRequests(): SeenRequest[] {
    const seen: SeenRequest[] = [];
    // BiDi's network events cover the page's workers too, and a WebSocket shows as the GET of its
    // handshake; a request's resource type and body are not reported, only whether it has a body.
    this.page.on('request', (r) => seen.push({ method: r.method(), url: r.url(), hasBody: r.hasPostData() }));
    return seen;
  }

  async screenshot(): Promise<Uint8Array> {
    return this.page.screenshot({ type: 'png' });
  }

  async downloadBytes(selector: string): Promise<{ name: string; bytes: Buffer }> {
    // Puppeteer has no download event over BiDi; the session's own browsingContext.downloadEnd says
    // when a download is complete and where (Firefox first writes it under a temporary name).
    const events = (this.ctx.browser() as unknown as { connection: DownloadEvents }).connection;
    let off = () => {};
    const saved = new Promise<string>((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`download: none completed within ${WAIT_MS} ms of clicking ${selector}`)),
        WAIT_MS,
      );
      const onEnd = (e: DownloadEnd) => {
        if (e.status !== 'complete' || !e.filepath || dirname(e.filepath) !== this.downloads) return;
        ok(e.filepath);
      };
      events.on('browsingContext.downloadEnd', onEnd);
      off = () => {
        clearTimeout(timer);
        events.off('browsingContext.downloadEnd', onEnd);
      };
    });
    try {
      await this.click(selector);
      const path = await saved;
      return { name: basename(path), bytes: await readFile(path) };
    } finally {
      off();
    }
  }
}

/** BiDi's browsingContext.downloadEnd, as far as download() reads it. */
interface DownloadEnd {
  status: 'complete' | 'canceled';
  filepath?: string | null;
}

interface DownloadEvents {
  on(event: 'browsingContext.downloadEnd', fn: (e: DownloadEnd) => void): void;
  off(event: 'browsingContext.downloadEnd', fn: (e: DownloadEnd) => void): void;
}
