/**
 * What the harness finds on the machine: the browsers' binaries (CHROMIUM_PATH / FIREFOX_PATH
 * override them), the extension builds, and which browsers to run (E2E_BROWSERS=chromium or
 * firefox narrows forEachBrowser while debugging).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export type BrowserName = 'chromium' | 'firefox';
export const allBrowsers: readonly BrowserName[] = ['chromium', 'firefox'];

const root = path.resolve(import.meta.dirname, '../../..');
/** Where `wxt build` writes. */
export const builtExtensionDirs: Record<BrowserName, string> = {
  chromium: path.join(root, '.output/chrome-mv3'),
  firefox: path.join(root, '.output/firefox-mv3'),
};
declare module 'vitest' {
  export interface ProvidedContext {
    extensionDirs: Record<BrowserName, string>;
  }
}
/** What the browsers load: the copy global-setup.ts took of the builds at the start of the run. */
export const extensionDirs: Record<BrowserName, string> = providedExtensionDirs() ?? builtExtensionDirs;

function providedExtensionDirs() {
  try {
    return inject('extensionDirs');
  } catch {
    return undefined; // Outside a test worker (global-setup.ts itself imports this module).
  }
}

const binaries: Record<BrowserName, { env: string; default: string; apt: string }> = {
  chromium: { env: 'CHROMIUM_PATH', default: '/usr/bin/chromium', apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', default: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
};

/** Fails with how to fix it, rather than a driver's stack trace, when a browser is not installed. */
export function browserBinary(name: BrowserName): string {
  const spec = binaries[name];
  const binary = process.env[spec.env] ?? spec.default;
  if (!existsSync(binary)) {
    throw new Error(
      `${name} not found at ${binary}: install it with \`apt-get install -y ${spec.apt}\` ` +
        `(or set ${spec.env} to its executable).`,
    );
  }
  return binary;
}

/** The browsers forEachBrowser runs: both, unless E2E_BROWSERS narrows them. */
export function selectedBrowsers(): BrowserName[] {
  const wanted = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted?.length) return [...allBrowsers];
  const unknown = wanted.filter((w) => !allBrowsers.includes(w as BrowserName));
  if (unknown.length) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}`);
  return wanted as BrowserName[];
}
