// The driver over puppeteer-core: Debian's Firefox ESR through WebDriver BiDi (Firefox has no CDP
// any more, and playwright-core drives only its own patched Firefox builds).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { FIREFOX, PageBase, WAIT_MS, type AppPage, type BrowserDriver, type Key, type PageOptions, type SeenRequest, type WaitOptions } from './driver.ts';

/** Preferences added to the fresh profile puppeteer makes for each launch (it sets the automation ones). */
const PREFS: Record<string, unknown> = {
  // Numbers and dates as the tests read them ("1,234"), whatever the machine's locale.
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US',
  // No "what's new" or privacy notice tab competing with the first page at startup.
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
};

export async function launchFirefox(): Promise<BrowserDriver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    // MOZ_HEADLESS keeps Firefox from looking for a display even before it reads --headless (CI has none).
    env: { ...process.env, MOZ_HEADLESS: '1' },
    extraPrefsFirefox: PREFS,
    defaultViewport: null,
    timeout: 60_000,
    protocolTimeout: 120_000,
  });
  return {
    name: 'firefox',
    version: async () => (await browser.version()).replace('/', ' '),
    newPage: (options) => FirefoxPage.open(browser, options),
    close: () => browser.close(),
  };
}

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
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const loc = m.location();
      this.consoleError(m.text(), loc?.url ? `${loc.url}:${loc.lineNumber}` : undefined);
    });
    page.on('pageerror', (e) => this.pageError(`pageerror: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    // BiDi has no crash event: a content process that dies takes its browsing context with it.
    page.on('close', () => {
      if (!this.closing) this.pageError('page closed by the browser (the content process crashed?)');
    });
  }

  static async open(browser: Browser, options: PageOptions): Promise<AppPage> {
    // Each page gets its own download folder: a download is the one new file that appears there.
    const downloads = await mkdtemp(join(tmpdir(), 'reftrace-ff-downloads-'));
    const ctx = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
    // A window, not a tab: a tab behind another is hidden, and Firefox stops its animation frames
    // (and so rendering and raf polling) while two pages work at once.
    const page = await ctx.newPage({ type: 'window' });
    await page.setViewport(options.viewport);
    if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
    return new FirefoxPage(ctx, page, downloads);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
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
    const input = (await this.page.waitForSelector(selector, { timeout: WAIT_MS })) as ElementHandle<HTMLInputElement> | null;
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
    if (value !== text) throw new Error(`fill ${selector}: the field holds ${JSON.stringify(value)}, not ${JSON.stringify(text)}`);
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

  async waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options: WaitOptions = {}): Promise<R> {
    const handle = await this.page.waitForFunction(fn as (a: unknown) => R, { timeout: options.timeout ?? WAIT_MS, polling: options.polling ?? 'raf' }, arg as A);
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

  async download(selector: string): Promise<{ name: string; text: string }> {
    const before = new Set(await readdir(this.downloads));
    await this.click(selector);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const now = await readdir(this.downloads);
      const fresh = now.filter((f) => !before.has(f) && !f.endsWith('.part'));
      // Firefox writes into "<name>.part" and renames it over <name> when the download is complete.
      if (fresh.length === 1 && !now.some((f) => f.endsWith('.part'))) return { name: fresh[0], text: await readFile(join(this.downloads, fresh[0]), 'utf8') };
      if (fresh.length > 1) throw new Error(`download: several new files ${JSON.stringify(fresh)}`);
      if (Date.now() > deadline) throw new Error(`download: no file after clicking ${selector} (folder: ${JSON.stringify(now)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
