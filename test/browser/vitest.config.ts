// Browser tests: the built viewer, served over HTTP and driven through Debian's Chromium with
// playwright-core. Run with `npm run test:browser` (or `vitest run -c test/browser/vitest.config.ts`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  test: {
    root,
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    // One browser at a time: the machine has two cores, and Chromium plus the worker use both.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
