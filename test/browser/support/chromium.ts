// The driver over playwright-core: Debian's Chromium through the DevTools protocol.
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROMIUM,
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

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function launchChromium(launch: LaunchOptions = {}): Promise<BrowserDriver> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    name: 'chromium',
    version: async () => `chromium ${browser.version()}`,
    newPage: (options) => ChromiumPage.open(browser, options, launch),
    connected: () => browser.isConnected(),
    close: () => browser.close(),
  };
}

class ChromiumPage extends PageBase {
  readonly browser = 'chromium' as const;

  private constructor(
    private readonly ctx: BrowserContext,
    private readonly page: Page,
  ) {
    super();
    page.setDefaultTimeout(WAIT_MS);
    page.on('console', (m) => this.onConsoleMessage(m));
    page.on('pageerror', (e) => this.pageError(`pageerror: ${e.stack ?? e.message}`));
    page.on('crash', () => this.pageError('page crashed'));
  }

  static async open(browser: Browser, options: PageOptions, launch: LaunchOptions): Promise<AppPage> {
    // The clipboard permissions let a test read back what the page copied (share-button.test.ts).
    const ctx = await browser.newContext({
      viewport: options.viewport,
      locale: 'en-US',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
      colorScheme: launch.colorScheme,
      reducedMotion: launch.reducedMotion ? 'reduce' : undefined,
    });
    const page = await ctx.newPage();
    if (options.initScript) await page.addInitScript(options.initScript);
    return new ChromiumPage(ctx, page);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async emulateColorScheme(scheme: ColorScheme): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme });
  }

  url(): string {
    return this.page.url();
  }

  title(): Promise<string> {
    return this.page.title();
  }

  async close(): Promise<void> {
    await this.ctx.close();
  }

  async setInputFiles(selector: string, paths: string[]): Promise<void> {
    await this.page.locator(selector).setInputFiles(paths);
  }

  async click(selector: string, options: { position?: { x: number; y: number } } = {}): Promise<void> {
    await this.page.locator(selector).click({ position: options.position });
  }

  async hover(selector: string): Promise<void> {
    await this.page.locator(selector).first().hover();
  }

  async fill(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).fill(text);
  }

  async selectOption(selector: string, value: string): Promise<void> {
    await this.page.locator(selector).selectOption(value);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: Key): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async keyDown(key: Key): Promise<void> {
    await this.page.keyboard.down(key);
  }

  async keyUp(key: Key): Promise<void> {
    await this.page.keyboard.up(key);
  }

  async waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options: WaitOptions = {}): Promise<R> {
    const handle = await this.page.waitForFunction(fn as (a: unknown) => R, arg as unknown, {
      timeout: options.timeout ?? WAIT_MS,
      polling: options.polling ?? 'raf',
    });
    try {
      return (await handle.jsonValue()) as R;
    } finally {
      await handle.dispose();
    }
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (a: unknown) => R | Promise<R>, arg as unknown);
  }

  onDialog(fn: (dialog: { type: string; message: string }) => void): void {
    this.page.on('dialog', (d) => {
      fn({ type: d.type(), message: d.message() });
      void d.dismiss().catch(() => {});
    });
  }

  recordRequests(): SeenRequest[] {
    const seen: SeenRequest[] = [];
    // The context's requests include those of the page's workers.
    this.ctx.on('request', (r) =>
      seen.push({ method: r.method(), url: r.url(), hasBody: r.postDataBuffer() !== null }),
    );
    // Playwright reports WebSockets apart from requests.
    this.page.on('websocket', (ws) => seen.push({ method: 'WEBSOCKET', url: ws.url(), hasBody: false }));
    return seen;
  }

  async screenshot(): Promise<Uint8Array> {
    return new Uint8Array(await this.page.screenshot({ type: 'png' }));
  }

  async downloadBytes(selector: string): Promise<{ name: string; bytes: Buffer }> {
    const [d] = await Promise.all([this.page.waitForEvent('download'), this.click(selector)]);
    const path = await d.path();
    return { name: d.suggestedFilename(), bytes: await readFile(path) };
  }
}
