// The Share button: it copies the link to the current view. A log from ?url= (or the example)
// stays in the link, so the link alone opens it; a local file cannot travel in a link, and the
// popover names the file the colleague must drop. Where the browser refuses the clipboard, the
// popover holds the link selected. Both browsers read back the real clipboard (support/chromium.ts
// grants the permission, support/firefox.ts sets the testing preference for it).
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  ROOT,
  WAIT_MS,
  cliJson,
  cliSummary,
  dropFile,
  expectCount,
  openFileByInput,
  openTab,
  serveFile,
  summaryNumbers,
  tid,
  unserveFile,
  useBrowser,
  waitDone,
  type AppPage,
} from './support/index.ts';

const b = useBrowser();
const SMALL = 'test/fixtures/samples/small/20261125_072703_0_5187_O_0_PY3.13.5.log';
const SERVED = 'share-served.log';

/** Makes navigator.clipboard.writeText refuse, as a browser does without permission or focus. */
const NO_CLIPBOARD = `{
  const refused = { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) };
  Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => refused, configurable: true });
}`;

afterAll(async () => {
  await unserveFile(SERVED);
});

/** A local file named in the link: `log=<size>:<fingerprint>:<name>` (none for a ?url= log, which the link opens). */
const LOCAL_LOG = `&log=${statSync(resolve(ROOT, SMALL)).size}:[0-9a-f]{16}:${basename(SMALL).replace(/\./g, '\\.')}`;

/** The Live tab filtered on Fraction, once the hash says so; returns the hash. */
async function liveFraction(page: AppPage, local: boolean): Promise<string> {
  await openTab(page, 'live');
  await page.fill(tid('table-filter'), 'Fraction');
  await expectCount(page, '20 of 61');
  await expect
    .poll(() => page.evaluate(() => location.hash), { timeout: WAIT_MS })
    .toMatch(new RegExp(`^#v=2&tab=live&q=live:Fraction${local ? LOCAL_LOG : ''}$`));
  return page.evaluate(() => location.hash);
}

/** Clicks Share and returns what the popover shows. */
async function share(page: AppPage) {
  await page.click(tid('share-button'));
  await page.waitFor(tid('share-popover'), { state: 'visible' });
  return {
    status: (await page.text(tid('share-status'))).trim(),
    link: await page.inputValue(tid('share-link')),
    note: (await page.count(tid('share-note'))) ? (await page.text(tid('share-note'))).trim() : null,
  };
}

const clipboard = (page: AppPage) => page.evaluate(() => navigator.clipboard.readText());

describe('Share', () => {
  test('a local file: the link is the view, and the popover names the file to drop', async () => {
    const page = await b.openApp();
    await openFileByInput(page, SMALL);
    await waitDone(page);
    const hash = await liveFraction(page, true);

    const shown = await share(page);
    const link = `${b.baseUrl}${hash}`;
    expect(shown).toEqual({
      status: 'Link to this view copied to the clipboard.',
      link,
      note: `The link does not carry the log: your colleague needs the same file, ${basename(SMALL)}; dropping it on the page opened from the link restores this view.`,
    });
    expect(await clipboard(page)).toBe(link);
    // Esc closes it.
    await page.press('Escape');
    await expect.poll(() => page.count(tid('share-popover')), { timeout: WAIT_MS }).toBe(0);

    // The colleague: the link, then the same file dropped.
    const colleague = await b.openUrl(link);
    await dropFile(colleague, SMALL);
    await waitDone(colleague);
    await expect.poll(() => colleague.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    expect(await colleague.inputValue(tid('table-filter'))).toBe('Fraction');
    await expectCount(colleague, '20 of 61');
  });

  test('a log from ?url=: the link keeps ?url= and opens the log in the same view by itself', async () => {
    const url = await serveFile(SERVED, await readFile(resolve(ROOT, SMALL)));
    const search = `?url=${encodeURIComponent(url)}`;
    const page = await b.openAppAt(search);
    await waitDone(page);
    const hash = await liveFraction(page, false);

    const link = `${b.baseUrl}${search}${hash}`;
    expect(await share(page)).toEqual({ status: 'Link to this view copied to the clipboard.', link, note: null });
    expect(await clipboard(page)).toBe(link);

    const colleague = await b.openUrl(link);
    await waitDone(colleague);
    await expect.poll(() => colleague.attribute(tid('tab-live'), 'aria-selected'), { timeout: WAIT_MS }).toBe('true');
    await expectCount(colleague, '20 of 61');
    expect(await summaryNumbers(colleague)).toEqual(cliSummary(await cliJson(SMALL)));
  });

  test('the example, then a file: the link carries ?url=example.log, then drops it again', async () => {
    const page = await b.openApp('tab=types');
    await page.click(tid('open-example'));
    await waitDone(page);
    // The page opened at a link of version 1 (no v): it now holds the view in today's form.
    const withExample = `${b.baseUrl}?url=example.log#v=2&tab=types`;
    expect(await share(page)).toEqual({
      status: 'Link to this view copied to the clipboard.',
      link: withExample,
      note: null,
    });
    expect(await clipboard(page)).toBe(withExample);
    await page.press('Escape');

    const colleague = await b.openUrl(withExample);
    await waitDone(colleague);
    expect(await summaryNumbers(colleague)).toEqual({
      new: 171,
      del: 119,
      live: 61,
      pairs: 110,
      untracked: 9,
      duplicates: 0,
    });

    // The same page now shows a local file: its link must not open the example instead.
    await openFileByInput(colleague, SMALL);
    await waitDone(colleague);
    const shown = await share(colleague);
    expect(shown.link).toMatch(new RegExp(`^${b.baseUrl.replace(/[.?]/g, '\\$&')}#v=2${LOCAL_LOG}$`));
    expect(shown.note).toContain(`the same file, ${basename(SMALL)};`);
  });

  test('clipboard refused: the popover holds the link, selected and focused, and says to copy it', async () => {
    const page = await b.openAppAt('', { initScript: NO_CLIPBOARD });
    await openFileByInput(page, SMALL);
    await waitDone(page);
    const hash = await liveFraction(page, true);

    const shown = await share(page);
    expect(shown).toEqual({
      status: 'The browser did not allow the clipboard: copy this link (Ctrl+C).',
      link: `${b.baseUrl}${hash}`,
      note: `The link does not carry the log: your colleague needs the same file, ${basename(SMALL)}; dropping it on the page opened from the link restores this view.`,
    });
    const selection = await page.evaluate((sel) => {
      const f = document.querySelector<HTMLInputElement>(sel)!;
      return {
        focused: document.activeElement === f,
        start: f.selectionStart,
        end: f.selectionEnd,
        length: f.value.length,
      };
    }, tid('share-link'));
    expect(selection).toEqual({ focused: true, start: 0, end: shown.link.length, length: shown.link.length });
  });
});
