import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserBinary, builtExtensionDirs, selectedBrowsers, type BrowserName } from './harness';

const buildArgs: Record<BrowserName, string[]> = {
  chromium: ['wxt', 'build'],
  firefox: ['wxt', 'build', '-b', 'firefox', '--mv3'],
};

/**
 * Runs once before the e2e files: checks the browsers, builds whichever extension output is
 * missing, then copies the builds aside so that a rebuild during the run (watch mode, another
 * terminal) cannot hand a half-written extension to a browser.
 */
export default function setup(project: TestProject) {
  const browsers = selectedBrowsers();
  for (const name of browsers) browserBinary(name);
  for (const name of browsers) {
    if (existsSync(path.join(builtExtensionDirs[name], 'manifest.json'))) continue;
    console.log(`[e2e] ${builtExtensionDirs[name]} is missing: building it (npx ${buildArgs[name].join(' ')})`);
    execFileSync('npx', buildArgs[name], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
  }
  const snapshot = mkdtempSync(path.join(tmpdir(), 'balise-e2e-extension-'));
  const dirs = { ...builtExtensionDirs };
  for (const name of browsers) {
    dirs[name] = path.join(snapshot, path.basename(builtExtensionDirs[name]));
    cpSync(builtExtensionDirs[name], dirs[name], { recursive: true });
  }
  project.provide('extensionDirs', dirs);
  return () => rmSync(snapshot, { recursive: true, force: true });
}
