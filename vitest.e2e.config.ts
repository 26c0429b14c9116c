import { defineConfig } from 'vitest/config';
import { portalOutline } from './lib/portals/outline-plugin.ts';

/** Real-browser tests (test/e2e/harness/): one file at a time, since each test starts browsers. */
export default defineConfig({
  // The tests import lib/ modules that read the portals' outline.
  plugins: [portalOutline()],
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    // A bound for a hung test, not a speed target: the tests that start a browser twice (a restart,
    // an export then an import) took over 60 s in Firefox on 2 cores beside the unit suite (load 30–40).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
