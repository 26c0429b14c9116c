/**
 * Real-browser harness: the built extension in Chromium (playwright-core) and Firefox ESR
 * (puppeteer-core over WebDriver BiDi), behind one API so that a test is written once.
 * Run with `npm run test:e2e` (vitest.e2e.config.ts). global-setup.ts builds `.output/` when missing
 * (not when stale: `npm run build` first) and copies it aside; `extensionDirs` names that copy.
 *
 *   import { forEachBrowser, withBrowser } from './harness';
 *
 *   forEachBrowser((name) => {
 *     it('fills the Plage form', async () => {
 *       await withBrowser(name, async (b) => {            // launches, always closes
 *         await b.servePortals({ 'https://plage.atih.sante.fr/': html });
 *         const page = await b.newPage();
 *         await page.goto('https://plage.atih.sante.fr/');
 *         await page.fill('#finess', '750000001');
 *         expect(b.strayRequests()).toEqual([]);
 *       });
 *     });
 *   });
 *
 * ExtensionBrowser (from `launch(name, options?)` or `withBrowser(name, body, options?)`; options:
 * { headless?: boolean (default true), extensionDir?: string (another build to load) }):
 *   name                         'chromium' | 'firefox'
 *   extensionId                  Chromium: id from the service worker URL (it follows the copy's path,
 *                                so it changes every run unless the manifest has a `key`);
 *                                Firefox: the UUID fixed by the extensions.webextensions.uuids pref
 *   extensionUrl(path)           chrome-extension://ID/path or moz-extension://UUID/path
 *   newPage()                    → TestPage (below)
 *   routePortal(prefix, handler) answers every http(s) request whose URL starts with prefix;
 *                                handler(request) → { status?, contentType?, headers?, body };
 *                                the route added last wins
 *   servePortals({ url: html | PortalResponse }) exact URLs (query and hash ignored) at their real
 *                                https addresses; other URLs of the same origins get a 404
 *   requests()                   every http(s) request seen: { url, method, via } where via is
 *                                'fixture' (answered by a route), 'unrouted' (no route: aborted),
 *                                'escaped' (reached the harness proxy: requests the driver cannot
 *                                intercept, e.g. Firefox's extension background; URL is then
 *                                https://host:port/ only), 'browser' (favicon.ico: the browser's own)
 *   strayRequests()              requests() minus 'fixture' and 'browser': must be [] when
 *                                "Balise makes no network request". The proxy ignores the browsers'
 *                                own vendor hosts (BROWSER_VENDOR_HOSTS) and Chromium's preconnects
 *                                to routed hosts.
 *   close()
 *
 * TestPage (one tab):
 *   goto(url)                    waits for the load; on extension pages polls readyState (Firefox
 *                                never reports their load)
 *   url(), reload(), close()
 *   click(css), fill(css, value) (focus, select all, Backspace, then one key event per character),
 *   select(css, value), press(key) ('Enter', 'Tab', 'Control+A'…)
 *   clickByText(text, { exact? }), clickByRole(role, name)
 *   text(css) (textContent, trimmed), value(css), count(css)
 *   waitFor(css | pageFunction, { timeout? })  polls from Node (survives navigations)
 *   evaluate(fn, arg?)           runs in the page; on extension pages `chrome.*` works in both browsers
 *   screenshot(path), consoleErrors() (console.error + uncaught errors of this page)
 *
 * A CSS selector acts on its first match in both drivers (Playwright's strictness is not used).
 * Selectors: CSS pierces OPEN shadow roots in both drivers (Playwright natively; in Firefox the
 * harness prefixes `pierce/`, where a selector with combinators must stay inside one tree). Nothing
 * reaches into a CLOSED shadow root. clickByText pierces open shadow roots in both. clickByRole
 * uses the accessibility tree: Playwright's getByRole in Chromium (pierces shadow roots),
 * puppeteer's `::-p-aria` in Firefox (does NOT pierce shadow roots).
 *
 * Also exported: launch, allBrowsers, selectedBrowsers(), browserBinary(name) (throws how to install
 * it), extensionDirs (what the browsers load) and builtExtensionDirs (.output/…).
 *
 * Environment: CHROMIUM_PATH / FIREFOX_PATH override the binaries; E2E_BROWSERS=chromium (or
 * firefox) narrows forEachBrowser while debugging. Headed mode (`{ headless: false }`) needs a
 * display: run under `xvfb-run -a`. The browsers' UI language is left as the machine's.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage, type Route } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type HTTPRequest, type Page as PpPage } from 'puppeteer-core';
import { describe, inject } from 'vitest';
import { GECKO_ID } from '../../wxt.config';

export type BrowserName = 'chromium' | 'firefox';
export const allBrowsers: readonly BrowserName[] = ['chromium', 'firefox'];

const root = path.resolve(import.meta.dirname, '../..');
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

/** Fixed through the `extensions.webextensions.uuids` pref so that tests can address moz-extension pages. */
const FIREFOX_EXTENSION_UUID = '5b7a1c3e-2f64-4d0a-9e8b-b4115e5a17e0';

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

export interface PortalRequest {
  url: string;
  method: string;
  postData: string | undefined;
}
export interface PortalResponse {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string;
}
export type PortalHandler = (request: PortalRequest) => PortalResponse | Promise<PortalResponse>;

export interface NetworkRecord {
  url: string;
  method: string;
  via: 'fixture' | 'unrouted' | 'escaped' | 'browser';
}

export interface TestPage {
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  reload(): Promise<void>;
  click(selector: string): Promise<void>;
  clickByText(text: string, options?: { exact?: boolean }): Promise<void>;
  clickByRole(role: string, name: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  press(key: string): Promise<void>;
  text(selector: string): Promise<string>;
  value(selector: string): Promise<string>;
  count(selector: string): Promise<number>;
  waitFor(target: string | (() => unknown), options?: { timeout?: number }): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  screenshot(file: string): Promise<void>;
  consoleErrors(): string[];
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly extensionId: string;
  extensionUrl(pathInExtension: string): string;
  newPage(): Promise<TestPage>;
  routePortal(urlPrefix: string, handler: PortalHandler): Promise<void>;
  servePortals(pages: Record<string, string | PortalResponse>): Promise<void>;
  requests(): NetworkRecord[];
  strayRequests(): NetworkRecord[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /**
   * The browser's UI language, hence the extension's: French by default, as Balise's users
   * have it (needs Debian's chromium-l10n and firefox-esr-l10n-fr, which .ci/run installs).
   */
  locale?: 'fr' | 'en';
  /** A profile directory to use and keep on close (a restart test launches twice on it). */
  profileDir?: string;
  /** Another build to load instead of extensionDirs[name] (e.g. a copy with a manifest `key`). */
  extensionDir?: string;
}

const DEFAULT_TIMEOUT = 10_000;
const POLL_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries until `attempt` returns something other than undefined; errors (e.g. mid-navigation) count as "not yet". */
async function poll<T>(what: string, timeout: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await sleep(POLL_MS);
  }
}

function isExtensionUrl(url: string) {
  return url.startsWith('chrome-extension://') || url.startsWith('moz-extension://');
}

/**
 * The routing table and the request log, shared by both drivers: each driver only turns its
 * intercepted requests into `dispatch` calls.
 */
class Network {
  private routes: { prefix: string; handler: PortalHandler }[] = [];
  private servedOrigins = new Set<string>();
  readonly log: NetworkRecord[] = [];

  add(prefix: string, handler: PortalHandler) {
    this.routes.unshift({ prefix, handler });
    this.servedOrigins.add(new URL(prefix).host);
  }

  serve(pages: Record<string, string | PortalResponse>) {
    const table = new Map<string, PortalResponse>();
    for (const [url, page] of Object.entries(pages)) {
      table.set(withoutQuery(url), typeof page === 'string' ? { body: page } : page);
    }
    for (const origin of new Set([...table.keys()].map((u) => new URL(u).origin))) {
      this.add(`${origin}/`, ({ url }) => table.get(withoutQuery(url)) ?? { status: 404, body: 'Not a fixture' });
    }
  }

  /** undefined: not http(s), let the browser handle it (extension files, data: URLs…). */
  async dispatch(request: PortalRequest): Promise<PortalResponse | 'abort' | undefined> {
    if (!/^https?:/.test(request.url)) return undefined;
    const { url, method } = request;
    if (new URL(url).pathname === '/favicon.ico') {
      this.log.push({ url, method, via: 'browser' });
      return { status: 404, body: '' };
    }
    const route = this.routes.find((r) => url.startsWith(r.prefix));
    if (!route) {
      this.log.push({ url, method, via: 'unrouted' });
      return 'abort';
    }
    this.log.push({ url, method, via: 'fixture' });
    try {
      return await route.handler(request);
    } catch (error) {
      console.error(`[e2e] route handler for ${route.prefix} failed on ${url}:`, error);
      return { status: 500, body: `Route handler failed: ${String(error)}` };
    }
  }

  /** CONNECTs to routed hosts are the browser's speculative preconnects: the requests themselves are routed. */
  escaped(url: string, method: string, host: string) {
    if (method === 'CONNECT' && this.servedOrigins.has(host.replace(/:443$/, ''))) return;
    if (BROWSER_VENDOR_HOSTS.test(host.replace(/:\d+$/, ''))) return;
    this.log.push({ url, method, via: 'escaped' });
  }

  stray() {
    return this.log.filter((r) => r.via === 'unrouted' || r.via === 'escaped');
  }
}

/** The browsers' own update / settings / account traffic, which the proxy also sees. */
const BROWSER_VENDOR_HOSTS = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com)$/;

function withoutQuery(url: string) {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * Last line of defence: both browsers send every request they did not let the driver
 * intercept through this proxy, which records it and answers 502, so nothing reaches the network.
 */
async function startEscapeProxy(network: Network) {
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    network.escaped(url, req.method ?? 'GET', req.headers.host ?? new URL(url, 'http://unknown').host);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    const target = req.url ?? '';
    network.escaped(`https://${target.replace(/:443$/, '')}/`, 'CONNECT', target);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** Launches, hands the browser to `body`, and closes it whatever happens. */
export async function withBrowser<T>(
  name: BrowserName,
  body: (browser: ExtensionBrowser) => Promise<T>,
  options?: LaunchOptions,
): Promise<T> {
  const browser = await launch(name, options);
  try {
    return await body(browser);
  } finally {
    await browser.close();
  }
}

/** One describe block per browser; pair it with withBrowser inside each test. */
export function forEachBrowser(body: (name: BrowserName) => void) {
  describe.each(selectedBrowsers())('%s', body);
}

/**
 * Opens Balise's guide on a portal page as a user does: a click on the folded tab, unless the
 * panel is already open (the portal remembers it). Resolves once the panel is drawn.
 */
export async function openGuide(page: TestPage, timeout = 20_000): Promise<void> {
  // Each function runs in the page on its own: no shared helper.
  const panelShown = () => !!document.querySelector('balise-overlay')?.shadowRoot?.querySelector('.panel');
  await page.waitFor(
    () => !!document.querySelector('balise-tab')?.shadowRoot?.querySelector('[data-balise-tab]') || !!document.querySelector('balise-overlay')?.shadowRoot?.querySelector('.panel'),
    { timeout },
  );
  if (!(await page.evaluate(panelShown))) await page.click('[data-balise-tab]');
  await page.waitFor(panelShown, { timeout });
}

// ---------------------------------------------------------------- Chromium (playwright-core)

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = browserBinary('chromium');
  const network = new Network();
  const proxy = await startEscapeProxy(network);
  const profile = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'balise-chromium-')));
  const removeProfile = () => (options.profileDir ? Promise.resolve() : rm(profile, { recursive: true, force: true }));
  const locale = options.locale ?? 'fr';
  const dir = options.extensionDir ?? extensionDirs.chromium;
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless ?? true,
      proxy: { server: `http://127.0.0.1:${proxy.port}` },
      // Chromium on Linux takes its UI language from LANGUAGE; --lang alone is not enough.
      env: { ...process.env, LANGUAGE: locale },
      locale,
      args: [
        `--lang=${locale}`,
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const ctx = context;
    await ctx.route('**/*', (route) => routeChromium(network, route));
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: DEFAULT_TIMEOUT }));
    const extensionId = new URL(worker.url()).host;
    let closed = false;
    return {
      name: 'chromium',
      extensionId,
      extensionUrl: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
      newPage: async () => chromiumPage(await ctx.newPage()),
      routePortal: async (prefix, handler) => network.add(prefix, handler),
      servePortals: async (pages) => network.serve(pages),
      requests: () => [...network.log],
      strayRequests: () => network.stray(),
      close: async () => {
        if (closed) return;
        closed = true;
        await ctx.close().catch(() => {});
        await proxy.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await proxy.close();
    await removeProfile();
    throw error;
  }
}

async function routeChromium(network: Network, route: Route) {
  const request = route.request();
  const answer = await network.dispatch({ url: request.url(), method: request.method(), postData: request.postData() ?? undefined });
  if (answer === undefined) return route.fallback();
  if (answer === 'abort') return route.abort('blockedbyclient');
  return route.fulfill({ status: answer.status ?? 200, contentType: answer.contentType ?? 'text/html; charset=utf-8', headers: answer.headers, body: answer.body });
}

function chromiumPage(page: PwPage): TestPage {
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  const errors = collectErrors((push) => {
    page.on('console', (m) => m.type() === 'error' && push(m.text()));
    page.on('pageerror', (e) => push(e.message));
  });
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    url: async () => page.url(),
    reload: async () => {
      await page.reload();
    },
    click: (selector) => page.locator(selector).first().click(),
    clickByText: (text, { exact = true } = {}) => page.getByText(text, { exact }).click(),
    clickByRole: (role, name) =>
      page.getByRole(role as Parameters<PwPage['getByRole']>[0], { name, exact: true }).click(),
    fill: async (selector, value) => {
      const field = page.locator(selector).first();
      await field.click();
      await field.press('ControlOrMeta+A');
      await field.press('Backspace');
      await field.pressSequentially(value);
    },
    select: async (selector, value) => {
      await page.locator(selector).first().selectOption(value);
    },
    press: (key) => page.keyboard.press(key),
    text: async (selector) => ((await page.locator(selector).first().textContent()) ?? '').trim(),
    value: (selector) => page.locator(selector).first().inputValue(),
    count: (selector) => page.locator(selector).count(),
    waitFor: (target, { timeout = DEFAULT_TIMEOUT } = {}) =>
      typeof target === 'string'
        ? poll(target, timeout, async () => ((await page.locator(target).count()) > 0 ? true : undefined)).then(() => {})
        : poll(String(target), timeout, async () => ((await page.evaluate(target)) ? true : undefined)).then(() => {}),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: true });
    },
    consoleErrors: () => [...errors],
    close: () => page.close(),
  };
}

function collectErrors(subscribe: (push: (message: string) => void) => void) {
  const errors: string[] = [];
  subscribe((message) => errors.push(message));
  return errors;
}

// ---------------------------------------------------------------- Firefox ESR (puppeteer-core, BiDi)

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = browserBinary('firefox');
  const network = new Network();
  const proxy = await startEscapeProxy(network);
  let browser: PpBrowser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      // Without it, moz-extension:// pages cannot be opened over BiDi.
      args: ['--remote-allow-system-access'],
      ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
      extraPrefsFirefox: {
        'intl.locale.requested': options.locale ?? 'fr',
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
      },
    });
    const ff = browser;
    await ff.installExtension(options.extensionDir ?? extensionDirs.firefox);
    // Tabs the extension or a page opens get the same routing as ours.
    ff.on('targetcreated', (target) => {
      if (target.type() !== 'page') return;
      void target.page().then((page) => page && interceptFirefox(network, page)).catch(() => {});
    });
    let closed = false;
    return {
      name: 'firefox',
      extensionId: FIREFOX_EXTENSION_UUID,
      extensionUrl: (p) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${p.replace(/^\//, '')}`,
      newPage: async () => {
        const page = await ff.newPage();
        await interceptFirefox(network, page);
        return firefoxPage(page);
      },
      routePortal: async (prefix, handler) => network.add(prefix, handler),
      servePortals: async (pages) => network.serve(pages),
      requests: () => [...network.log],
      strayRequests: () => network.stray(),
      close: async () => {
        if (closed) return;
        closed = true;
        await ff.close().catch(() => ff.process()?.kill('SIGKILL'));
        await proxy.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => browser?.process()?.kill('SIGKILL'));
    await proxy.close();
    throw error;
  }
}

const intercepting = new WeakMap<PpPage, Promise<void>>();

/** Idempotent: newPage and the targetcreated listener both call it for the same tab. */
function interceptFirefox(network: Network, page: PpPage): Promise<void> {
  let ready = intercepting.get(page);
  if (!ready) {
    page.on('request', (request: HTTPRequest) => {
      void answerFirefox(network, request);
    });
    ready = page.setRequestInterception(true);
    intercepting.set(page, ready);
  }
  return ready;
}

async function answerFirefox(network: Network, request: HTTPRequest) {
  // postData() is CDP-only: over BiDi the body has to be fetched.
  const postData = request.hasPostData() ? await request.fetchPostData().catch(() => undefined) : undefined;
  const answer = await network.dispatch({ url: request.url(), method: request.method(), postData });
  try {
    if (answer === undefined) await request.continue();
    else if (answer === 'abort') await request.abort('blockedbyclient');
    else
      await request.respond({
        status: answer.status ?? 200,
        contentType: answer.contentType ?? 'text/html; charset=utf-8',
        headers: answer.headers,
        body: answer.body,
      });
  } catch {
    // The page went away while the request was pending: nothing left to answer.
  }
}

/** puppeteer's CSS does not enter shadow roots; `pierce/` does, like Playwright's CSS. */
function deep(selector: string) {
  return /^(pierce\/|::-p-|xpath\/|text\/|aria\/)/.test(selector) ? selector : `pierce/${selector}`;
}

function firefoxPage(page: PpPage): TestPage {
  const errors = collectErrors((push) => {
    page.on('console', (m) => m.type() === 'error' && push(m.text()));
    page.on('pageerror', (e) => push(e instanceof Error ? e.message : String(e)));
  });
  const find = async (selector: string) =>
    poll(selector, DEFAULT_TIMEOUT, async () => (await page.$(selector)) ?? undefined);
  const waitForLoad = (what: string, isLoaded: () => Promise<boolean>) =>
    poll(what, DEFAULT_TIMEOUT, async () => ((await isLoaded()) ? true : undefined));
  // puppeteer's page.url() misses moz-extension navigations, whose load it is never told about.
  const currentUrl = () => page.evaluate(() => location.href).catch(() => page.url());
  return {
    goto: async (url) => {
      if (!isExtensionUrl(url)) {
        await page.goto(url);
        return;
      }
      // Firefox never reports the load of a moz-extension page over BiDi: start it, then poll.
      void page.goto(url).catch(() => {});
      await waitForLoad(url, () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url));
    },
    url: currentUrl,
    reload: async () => {
      if (!isExtensionUrl(await currentUrl())) {
        await page.reload();
        return;
      }
      await page.evaluate(() => {
        (window as unknown as { baliseBeforeReload: boolean }).baliseBeforeReload = true;
        location.reload();
      });
      await waitForLoad('reload', () =>
        page.evaluate(() => !('baliseBeforeReload' in window) && document.readyState === 'complete'),
      );
    },
    click: async (selector) => {
      await (await find(deep(selector))).click();
    },
    clickByText: async (text, { exact = true } = {}) => {
      // ::-p-text matches substrings; exactness is checked on the element found.
      const handle = await poll(`text "${text}"`, DEFAULT_TIMEOUT, async () => {
        for (const candidate of await page.$$(`::-p-text(${JSON.stringify(text)})`)) {
          const content = await candidate.evaluate((e) => (e.textContent ?? '').trim());
          if (!exact || content === text) return candidate;
        }
        return undefined;
      });
      await handle.click();
    },
    clickByRole: async (role, name) => {
      await (await find(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`)).click();
    },
    fill: async (selector, value) => {
      const field = await find(deep(selector));
      await field.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await field.type(value);
    },
    select: async (selector, value) => {
      await (await find(deep(selector))).select(value);
    },
    press: async (key) => {
      const parts = key.split('+');
      const main = parts.pop() ?? key;
      for (const modifier of parts) await page.keyboard.down(modifier as never);
      await page.keyboard.press(main as never);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
    },
    text: async (selector) => (await find(deep(selector))).evaluate((e) => (e.textContent ?? '').trim()),
    value: async (selector) => (await find(deep(selector))).evaluate((e) => (e as HTMLInputElement).value),
    count: async (selector) => (await page.$$(deep(selector))).length,
    waitFor: (target, { timeout = DEFAULT_TIMEOUT } = {}) =>
      typeof target === 'string'
        ? poll(target, timeout, async () => ((await page.$(deep(target))) ? true : undefined)).then(() => {})
        : poll(String(target), timeout, async () => ((await page.evaluate(target)) ? true : undefined)).then(() => {}),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(fn as (arg: unknown) => Promise<R>, arg) as Promise<R>,
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
    },
    consoleErrors: () => [...errors],
    close: () => page.close(),
  };
}
