/**
 * How long a unit test waits for a condition before it fails (ms). The tools' defaults (1 s) are
 * exceeded on a loaded 2-core machine while nothing is wrong; a real hang still fails here, or at
 * the test's timeout (vitest.config.ts). Testing Library gets it in test/setup.ts; vitest has no
 * global setting for vi.waitFor, so each call passes `patience`.
 */
export const patience = { timeout: 30_000, interval: 50 } as const;
