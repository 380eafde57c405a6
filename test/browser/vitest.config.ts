// Browser tests: the built viewer, served over HTTP and driven through Debian's Chromium
// (playwright-core) and Debian's Firefox ESR (puppeteer-core over WebDriver BiDi). Every test file
// runs once in each browser: one vitest project per browser, named after it, so a result reads
// "|chromium| test/browser/…" or "|firefox| test/browser/…". Run with `npm run test:browser`
// (both), or `npm run test:browser -- --project firefox` (one).
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { BROWSERS } from './support/driver.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const shared: TestProjectInlineConfiguration['test'] = {
  root,
  include: ['test/browser/**/*.test.ts'],
  environment: 'node',
  // One browser at a time: the machine has two cores, and a browser plus the worker use both.
  fileParallelism: false,
  pool: 'forks',
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  root,
  test: {
    ...shared,
    teardownTimeout: 20_000,
    // Here, not in the projects: the viewer is built and served once for both browsers.
    globalSetup: ['test/browser/global-setup.ts'],
    projects: BROWSERS.map((name, i) => ({
      test: {
        ...shared,
        name,
        provide: { browserName: name },
        // A project's files share one process, and so one browser (support/index.ts): Firefox
        // takes 2-6 s to start here, Chromium 0.2 s.
        isolate: false,
        // One browser's files after the other's, never both browsers at once (from 1: vitest
        // runs the sequential files of group 0 last).
        sequence: { groupOrder: i + 1 },
      },
    })),
  },
});
