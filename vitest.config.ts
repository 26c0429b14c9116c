import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { portalOutline } from './lib/portals/outline-plugin.ts';

export default defineConfig({
  plugins: [WxtVitest(), portalOutline()],
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['test/setup.ts'],
    // Sized for the 2-core machine the suite shares with the e2e suite and the builds, where a page
    // test takes seconds: a test that hangs still fails, late. Speed is measured in the bench only.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
  },
});
