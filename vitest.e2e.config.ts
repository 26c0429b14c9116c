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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
