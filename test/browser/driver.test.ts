// The driver itself, in each browser: what the other tests count on to be able to fail. Console
// errors and uncaught errors of the page and of its workers are caught, requests of the page and of
// its workers (with a body, a WebSocket) are recorded, a dialog is reported, a download is read
// back, and fill, type, press and a drop reach the page as a person's input does.
import { describe, expect, test } from 'vitest';
import { WAIT_MS, serveFile, tid, unserveFile, useBrowser } from './support/index.ts';

const b = useBrowser();

/** What the probe listeners installed by listen() saw. */
interface Heard {
  inputs: string[];
  keys: string[];
  dropped: string[];
}

describe(`the ${b.name} driver`, () => {
  test('console errors and uncaught errors of the page and of a worker are caught; expected ones pass', async () => {
    const page = await b.openApp();
    page.expectConsoleErrors(/^expected: /);
    await page.evaluate(() => {
      console.error('expected: this one passes');
      console.error('caught: page console');
      setTimeout(() => {
        throw new Error('caught: page uncaught');
      });
      const src = 'console.error("caught: worker console"); throw new Error("caught: worker uncaught");';
      new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    });
    const want = [
      'console.error: caught: page console',
      'pageerror: .*caught: page uncaught',
      'console.error: caught: worker console',
      'pageerror: .*caught: worker uncaught',
    ];
    const found = () => want.filter((w) => page.errors().some((e) => new RegExp(`^${w}`, 's').test(e)));
    await expect.poll(found, { timeout: WAIT_MS }).toEqual(want);
    // Exactly those (the expected one was let through); taken, so the check after the test passes.
    expect(page.takeErrors()).toHaveLength(4);
  });

  test('requests of the page and of its workers are recorded, with whether they carry a body', async () => {
    const page = await b.openApp();
    const url = await serveFile('driver-probe.txt', 'probe\n');
    const socket = `${b.baseUrl.replace(/^http:/, 'ws:')}socket`;
    const seen = page.recordRequests();
    try {
      await page.evaluate(
        async ({ url, socket }) => {
          const src = `fetch(${JSON.stringify(`${url}?from=worker`)}).then((r) => r.text()).then((t) => postMessage(t));`;
          const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
          await new Promise((ok) => w.addEventListener('message', ok, { once: true }));
          await fetch(`${url}?from=page`, { method: 'POST', body: 'data' });
          // Until it has failed: the browser's error about it is then reported before this returns.
          await new Promise((closed) => {
            const ws = new WebSocket(socket);
            ws.onerror = () => {};
            ws.onclose = closed;
          });
        },
        { url, socket },
      );
      const probes = () =>
        seen.filter((s) => /from=|\/socket$/.test(s.url)).map((s) => ({ ...s, url: s.url.replace(/^ws:/, 'http:') }));
      await expect.poll(() => probes().length, { timeout: WAIT_MS }).toBe(3);
      expect(probes()).toContainEqual({ method: 'GET', url: `${url}?from=worker`, hasBody: false });
      expect(probes()).toContainEqual({ method: 'POST', url: `${url}?from=page`, hasBody: true });
      // Playwright reports a WebSocket as such; BiDi reports the GET of its handshake.
      expect(probes()).toContainEqual({
        method: b.name === 'chromium' ? 'WEBSOCKET' : 'GET',
        url: `${b.baseUrl}socket`,
        hasBody: false,
      });
      // The test server refuses the POST (405) and the upgrade, and each browser says so its own way.
      for (const e of page.takeErrors()) expect(e).toMatch(/status of 405|\/socket/);
    } finally {
      await unserveFile('driver-probe.txt');
    }
  });

  test('a dialog is reported, and dismissed', async () => {
    const page = await b.openApp();
    const dialogs: string[] = [];
    page.onDialog((d) => dialogs.push(`${d.type}: ${d.message}`));
    await page.evaluate(() => {
      setTimeout(() => alert('hello'));
    });
    await expect.poll(() => dialogs, { timeout: WAIT_MS }).toEqual(['alert: hello']);
    // Dismissed: the page answers again.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
  });

  test('a download started by a click is read back under its name', async () => {
    const page = await b.openApp();
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.dataset.testid = 'driver-download';
      button.textContent = 'download';
      button.onclick = () => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob(['a,b\n1,2\n'], { type: 'text/csv' }));
        a.download = 'driver-probe.csv';
        document.body.append(a);
        a.click();
        a.remove();
      };
      document.body.prepend(button);
    });
    expect(await page.download(tid('driver-download'))).toEqual({ name: 'driver-probe.csv', text: 'a,b\n1,2\n' });
  });

  test('fill is one input event, type and press are key events, a drop delivers its files', async () => {
    const page = await b.openApp();
    await page.evaluate(() => {
      const heard: Heard = { inputs: [], keys: [], dropped: [] };
      (window as unknown as { __heard: Heard }).__heard = heard;
      const input = document.createElement('input');
      input.dataset.testid = 'driver-input';
      input.addEventListener('input', () => heard.inputs.push(input.value));
      input.addEventListener('keydown', (e) => heard.keys.push(e.key));
      // Capturing, before the viewer's own drop handler (which opens what is dropped).
      document.addEventListener(
        'drop',
        (e) => {
          for (const f of Array.from(e.dataTransfer?.files ?? []))
            void f.text().then((t) => heard.dropped.push(`${f.name}=${t}`));
        },
        true,
      );
      document.body.prepend(input);
    });
    const heard = () => page.evaluate(() => (window as unknown as { __heard: Heard }).__heard);

    await page.fill(tid('driver-input'), 'hello world');
    await page.fill(tid('driver-input'), '');
    expect(await heard()).toMatchObject({ inputs: ['hello world', ''] });
    await page.evaluate(() => {
      const heard = (window as unknown as { __heard: Heard }).__heard;
      heard.inputs.length = heard.keys.length = 0;
    });
    await page.type('ab');
    await page.press('Space');
    await page.press('Backspace');
    await page.press('c');
    expect(await page.inputValue(tid('driver-input'))).toBe('abc');
    expect(await heard()).toMatchObject({
      inputs: ['a', 'ab', 'ab ', 'ab', 'abc'],
      keys: ['a', 'b', ' ', 'Backspace', 'c'],
    });

    await page.dropFiles([{ name: 'x.log', bytes: new TextEncoder().encode('é\n') }]);
    await expect.poll(async () => (await heard()).dropped, { timeout: WAIT_MS }).toEqual(['x.log=é\n']);
  });
});
