// The service worker as a test sees it: when it is active, and whether it controls the page.
import { WAIT_MS, type AppPage } from './driver.ts';

/** Waits until the page's service worker has installed (precached the build) and activated; returns its script URL. */
export function activeServiceWorker(page: AppPage): Promise<string> {
  return page.evaluate(async (timeout) => {
    const ready = navigator.serviceWorker.ready.then(async (r) => {
      const sw = r.active!;
      while (sw.state !== 'activated')
        await new Promise((ok) => sw.addEventListener('statechange', ok, { once: true }));
      return sw.scriptURL;
    });
    const late = new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`no active service worker after ${timeout} ms`)), timeout),
    );
    return Promise.race([ready, late]);
  }, WAIT_MS);
}

/** The script URL of the service worker that controls the page, or null. */
export function controller(page: AppPage): Promise<string | null> {
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
}
