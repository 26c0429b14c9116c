/**
 * The benchmark's Chromium: the e2e harness hides the driver behind one API for two browsers,
 * while the benchmark needs Chromium's own tools (CDP metrics and heap, init scripts) and a
 * twin browser without the extension, so it drives playwright-core itself, launched as the
 * harness launches Chromium. Every http(s) request is answered from `serve` or aborted: nothing leaves.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/harness';

/** What the in-page recorder (below) watches for, by name. */
export type Milestone = 'overlay' | 'panel' | 'optionsList' | 'popup' | 'importPreview' | 'importDone' | 'floorPage';

export interface BenchBrowser {
  /** null for the twin without the extension. */
  readonly extensionId: string | null;
  readonly context: BrowserContext;
  extensionUrl(pathInExtension: string): string;
  /** Answers these exact URLs (query ignored) from now on. */
  serve(pages: Record<string, string>): void;
  newPage(): Promise<{ page: Page; cdp: CDPSession }>;
  /**
   * When the milestone was first shown, on the page's performance.now() clock, or null: in the
   * page or in one of its frames (the guide frame draws the panel).
   */
  seen(page: Page, milestone: Milestone): Promise<number | null>;
  /**
   * Waits in the page itself (top frame) until the milestone is shown: one protocol command, so
   * that waiting adds no work to the page's main thread, where polling with `seen` would (the
   * load section measures that thread). The page's performance.now() then, or null after `timeout` ms.
   */
  when(page: Page, milestone: Milestone, timeout: number): Promise<number | null>;
  close(): Promise<void>;
}

const withoutQuery = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

/**
 * Runs in every document before its own scripts (main world), the guide frame's included:
 * records when each milestone is first in the DOM, at the next animation frame, i.e. when it
 * gets painted. Mutation observers cost the same in both browsers, so the comparison stays fair.
 */
function recordMilestones() {
  const seen: Record<string, number> = {};
  (window as unknown as { __benchSeen: Record<string, number> }).__benchSeen = seen;
  const waiting: Record<string, ((at: number) => void)[]> = {};
  (window as unknown as { __benchWhen: (name: string) => Promise<number> }).__benchWhen = (name) =>
    (seen[name] ?? -1) >= 0 ? Promise.resolve(seen[name]!) : new Promise((resolve) => (waiting[name] ??= []).push(resolve));
  // The open guide is the guide frame's page (its host's shadow root is closed): the panel is drawn when that page shows it.
  const guideFrame = location.protocol === 'chrome-extension:' && location.pathname === '/guide.html';
  const panel = () => guideFrame && !!document.querySelector('.panel');
  const checks: Record<string, () => boolean> = {
    // The guide: folded (the tab's host, drawn by the always-loaded script) or open (the panel).
    overlay: () => !!document.querySelector('balise-tab') || panel(),
    panel,
    optionsList: () => !!document.querySelector('table.establishments'),
    popup: () => !!document.querySelector('.popup__title'),
    importPreview: () => !!document.querySelector('.transfer-item'),
    importDone: () => !!document.querySelector('.transfer-success'),
    floorPage: () => !!document.querySelector('[data-bench-floor]'),
  };
  const check = () => {
    for (const [name, shown] of Object.entries(checks)) {
      if (name in seen || !shown()) continue;
      seen[name] = -1;
      requestAnimationFrame(() => {
        seen[name] = performance.now();
        for (const resolve of waiting[name] ?? []) resolve(seen[name]);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

export async function launchBench(extensionDir: string | null): Promise<BenchBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'balise-bench-'));
  const launchOptions = chromiumLaunchOptions('fr', extensionDir);
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    headless: true,
    // Whatever the routes below would miss goes to a closed port rather than the network.
    args: [...launchOptions.args, '--proxy-server=http://127.0.0.1:9'],
  });
  try {
    const pages = new Map<string, string>();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (!/^https?:/.test(url)) return route.fallback();
      const body = pages.get(withoutQuery(url));
      return body === undefined ? route.abort('blockedbyclient') : route.fulfill({ contentType: 'text/html; charset=utf-8', body });
    });
    await context.addInitScript(recordMilestones);
    let extensionId: string | null = null;
    if (extensionDir) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
      extensionId = new URL(worker.url()).host;
    }
    return {
      extensionId,
      context,
      extensionUrl: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
      serve: (table) => {
        for (const [url, body] of Object.entries(table)) pages.set(withoutQuery(url), body);
      },
      newPage: async () => {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        return { page, cdp: await context.newCDPSession(page) };
      },
      seen: async (page, milestone) => {
        // Each document times on its own clock; timeOrigin + now() is comparable across documents
        // (High Resolution Time), so a frame's moment is brought onto the page's clock.
        const moments = await Promise.all(
          page.frames().map((frame) =>
            frame
              .evaluate((name) => {
                const at = (window as unknown as { __benchSeen?: Record<string, number> }).__benchSeen?.[name];
                return at === undefined || at < 0 ? null : performance.timeOrigin + at;
              }, milestone)
              .catch(() => null),
          ),
        );
        const shown = moments.filter((at): at is number => at !== null);
        return shown.length ? Math.min(...shown) - (await page.evaluate(() => performance.timeOrigin)) : null;
      },
      when: async (page, milestone, timeout) => {
        const shown = page
          .evaluate((name) => (window as unknown as { __benchWhen: (name: string) => Promise<number> }).__benchWhen(name), milestone)
          .catch(() => null);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeout)));
        try {
          return await Promise.race([shown, late]);
        } finally {
          clearTimeout(timer);
        }
      },
      close: async () => {
        await context.close().catch(() => {});
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Polls `probe` from Node until it yields a value; null after `timeout` ms. */
export async function waitForValue<T>(probe: () => Promise<T | null>, timeout: number, interval = 20): Promise<T | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The floor extension's page: no script, one line of static text (the milestone `floorPage`). */
export const floorPage = 'floor.html';

/**
 * The floors of the page-load and options figures: an extension whose content script is empty,
 * matching the same hosts at the same moment as the built extension's always-loaded script, with
 * an empty background (which launchBench waits for), and a page (`floorPage`) without any
 * script. Written into a fresh temporary directory; answers it.
 */
export async function floorExtension(extensionDir: string): Promise<string> {
  type Manifest = { content_scripts?: { matches: string[]; run_at?: string }[] };
  const built = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const dir = await mkdtemp(path.join(tmpdir(), 'balise-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Bench floor',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: (built.content_scripts ?? []).map(({ matches, run_at }) => ({ matches, run_at, js: ['empty.js'] })),
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'empty.js'), '');
  await writeFile(path.join(dir, 'background.js'), '');
  await writeFile(path.join(dir, floorPage), '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Floor</title></head><body><p data-bench-floor>Floor</p></body></html>');
  return dir;
}
