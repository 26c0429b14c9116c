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
 *   deep                         DeepScope: the tab's CLOSED (and open) shadow roots, see below
 *   frame(urlOrPath)             FrameScope: the frame whose location starts with urlOrPath, a full
 *                                URL ('https://other.example/form') or a path in the extension
 *                                ('guide.html' = extensionUrl('guide.html'), e.g. Balise's guide iframe)
 *
 * Both browsers show pages at 1280×720 CSS pixels (Playwright's default), so that a layout is the
 * same in both. In Chromium, a click (or fill) in a frame first moves the pointer over the element
 * until the frame sees it (:hover): Chromium sends the first input over a frame just drawn in
 * another process to the page around it.
 *
 * A CSS selector acts on its first match in both drivers (Playwright's strictness is not used).
 * Selectors: CSS pierces OPEN shadow roots in both drivers (Playwright natively; in Firefox the
 * harness prefixes `pierce/`, where a selector with combinators must stay inside one tree). Nothing
 * of TestPage's own methods reaches into a CLOSED shadow root: use `deep`. clickByText pierces open
 * shadow roots in both. clickByRole uses the accessibility tree: Playwright's getByRole in Chromium
 * (pierces shadow roots), puppeteer's `::-p-aria` in Firefox (does NOT pierce shadow roots).
 *
 * DeepScope (page.deep): CSS in the top document AND in every shadow root under it, open or closed,
 * at any depth, through the browser's protocol; no page script can do this, and nothing opens the
 * roots. A selector matches within one tree (no combinator across a shadow boundary). Matches are
 * ordered: the document's, then each shadow root's, depth-first in the order of their hosts; "first
 * match" is the first of these. Frames' documents are not searched (use frame()).
 *   count(css)                   now, without waiting
 *   text(css)                    textContent, trimmed, of the first match (waits for one)
 *   attribute(css, name)         of the first match (waits for one); null when absent
 *   texts(css), attributes(css, name)  of every match, in match order, now, without waiting (a list
 *                                the UI draws, such as one hint badge per field; an element that may
 *                                be going away)
 *   box(css)                     the first match's border box in the viewport's CSS pixels (waits for
 *                                one): { left, top, right, bottom, width, height }
 *   click(css)                   a trusted mouse click (press + release) at the centre of the first
 *                                match's box, after scrolling it into view if needed; waits until the
 *                                element exists and has a non-empty box. No actionability check: like
 *                                a user's click it goes to whatever is on top at that point.
 *   waitFor(css, { timeout?, text? })  polls until a match exists (whose text equals `text`, or
 *                                matches it when a RegExp)
 *   waitFor(deep => condition, { timeout? })  polls a Node-side condition (e.g. on deep.text(…));
 *                                errors count as "not yet"
 *   Reads run in an isolated world (Chromium) / sandbox (Firefox): page scripts that patch DOM
 *   prototypes cannot change what a test reads. Keyboard input: page.press (goes to the focus).
 *   Chromium: CDP on the tab's target, DOM.getDocument({ depth: -1, pierce: true }) (user-agent
 *   roots skipped), DOM.querySelectorAll per tree root, DOM.resolveNode into an isolated world +
 *   Runtime.callFunctionOn, DOM.scrollIntoViewIfNeeded + DOM.getBoxModel, then a mouse click.
 *   Firefox: WebDriver BiDi, browsingContext.locateNodes('*', includeShadowTree: 'all') per tree to
 *   find the roots, script.callFunction in a sandbox with the roots by sharedId (querySelectorAll,
 *   reads), input.performActions with the element as the pointer's origin.
 *
 * FrameScope (page.frame(…)): url(), click, clickByText, clickByRole, fill, select, press, text,
 * value, count, waitFor, evaluate, as TestPage's, acting inside that frame (any depth, any origin,
 * also inside closed shadow roots). Each call first finds the frame again if the one it had is
 * detached or has navigated away (waiting for one, DEFAULT_TIMEOUT), so a scope survives the iframe
 * being re-created. Lookups and waitFor retry across a re-creation; an action already under way
 * when its frame goes (a click, a fill) fails rather than being sent twice. press() types into
 * the tab's focus (a click in the frame puts it there). In Firefox, puppeteer reports a moz-extension
 * frame's URL as about:blank: the harness asks the frame's own `location.href`.

 * Also exported: launch, chromiumScopes(playwrightPage) ({ deep, frame(url) } for a Playwright page
 * the caller drives itself, as the benchmark does), allBrowsers, selectedBrowsers(), browserBinary(name)
 * (throws how to install it), extensionDirs (what the browsers load) and builtExtensionDirs (.output/…).
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
import { chromium, type BrowserContext, type CDPSession, type Frame as PwFrame, type Locator, type Page as PwPage, type Route } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Frame as PpFrame, type HTTPRequest, type Page as PpPage } from 'puppeteer-core';
import { describe, inject } from 'vitest';
import type { Box } from '../../lib/dom/layout';
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

/** What a tab and a frame in it both offer (TestPage's own DOM methods; FrameScope's inside a frame). */
export interface PageScope {
  url(): Promise<string>;
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
}

/** One frame of a tab, found again by its URL on each call (see the header). */
export type FrameScope = PageScope;

/** Where an element is drawn, in the viewport's CSS pixels (getBoundingClientRect). */
export type { Box } from '../../lib/dom/layout';

/**
 * The tab's top document and every shadow root in it, open or CLOSED, at any depth, read through
 * the browser's protocol (CDP in Chromium, WebDriver BiDi in Firefox), never through page script.
 */
export interface DeepScope {
  count(selector: string): Promise<number>;
  text(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  attributes(selector: string, name: string): Promise<(string | null)[]>;
  box(selector: string): Promise<Box>;
  click(selector: string): Promise<void>;
  waitFor(
    target: string | ((deep: DeepScope) => unknown),
    options?: { timeout?: number; text?: string | RegExp },
  ): Promise<void>;
}

export interface TestPage extends PageScope {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  screenshot(file: string): Promise<void>;
  consoleErrors(): string[];
  close(): Promise<void>;
  readonly deep: DeepScope;
  frame(urlOrPathInExtension: string): FrameScope;
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

/** `frame('guide.html')` means the extension's page; a full URL (any scheme) is used as it is. */
function frameUrlPrefix(urlOrPath: string, extensionUrl: (p: string) => string) {
  return /^[a-z][a-z0-9+.-]*:/i.test(urlOrPath) ? urlOrPath : extensionUrl(urlOrPath);
}

// ---------------------------------------------------------------- deep: shadow roots through the protocol

/**
 * What each driver supplies for `page.deep`; waiting, "first match" and the options are shared.
 * N is the driver's handle on a node (a CDP backendNodeId, a BiDi sharedId), valid across calls
 * until the document goes away.
 */
interface DeepDriver<N> {
  /** Every match: the document's, then each shadow root's, depth-first in the order of their hosts. */
  findAll(selector: string): Promise<N[]>;
  /** Runs `fn` with the node as `this`, in an isolated world (the page's scripts cannot patch what it uses). */
  call<R>(node: N, fn: string, ...args: (string | number | boolean)[]): Promise<R>;
  /** Scrolls the node into view if needed and checks it has a box; throws (before any input) when it cannot be clicked. */
  prepareClick(node: N): Promise<void>;
  /** A trusted mouse click (press and release) at the centre of the node's box. */
  clickCentre(node: N): Promise<void>;
}

const TEXT_OF = 'function () { return (this.textContent ?? "").trim(); }';
const ATTRIBUTE_OF = 'function (name) { return this.getAttribute(name); }';
// As text: BiDi hands objects back as key-value pairs, a string crosses both protocols unchanged.
const BOX_OF = 'function () { const { left, top, right, bottom, width, height } = this.getBoundingClientRect(); return JSON.stringify({ left, top, right, bottom, width, height }); }';

function deepScope<N>(driver: DeepDriver<N>): DeepScope {
  /** Finds and reads in one attempt, retried: a node replaced in between (a re-render) is found again. */
  const readFirst = <R>(selector: string, fn: string, ...args: string[]) =>
    poll(`${selector} (deep)`, DEFAULT_TIMEOUT, async () => {
      const node = (await driver.findAll(selector))[0];
      return node === undefined ? undefined : driver.call<R>(node, fn, ...args);
    });
  const scope: DeepScope = {
    count: async (selector) => (await driver.findAll(selector)).length,
    text: (selector) => readFirst<string>(selector, TEXT_OF),
    attribute: (selector, name) => readFirst<string | null>(selector, ATTRIBUTE_OF, name),
    texts: async (selector) => Promise.all((await driver.findAll(selector)).map((node) => driver.call<string>(node, TEXT_OF))),
    attributes: async (selector, name) =>
      Promise.all((await driver.findAll(selector)).map((node) => driver.call<string | null>(node, ATTRIBUTE_OF, name))),
    box: async (selector) => JSON.parse(await readFirst<string>(selector, BOX_OF)) as Box,
    click: async (selector) => {
      // Re-found until it can be clicked (present, rendered); the click itself is sent once.
      const node = await poll(`${selector} (deep) to be clickable`, DEFAULT_TIMEOUT, async () => {
        const found = (await driver.findAll(selector))[0];
        if (found !== undefined) await driver.prepareClick(found);
        return found;
      });
      await driver.clickCentre(node);
    },
    waitFor: async (target, { timeout = DEFAULT_TIMEOUT, text } = {}) => {
      if (typeof target === 'function') {
        await poll(String(target), timeout, async () => ((await target(scope)) ? true : undefined));
        return;
      }
      const matches = (content: string) => (typeof text === 'string' ? content === text : text!.test(content));
      await poll(text === undefined ? `${target} (deep)` : `${target} (deep) with text ${String(text)}`, timeout, async () => {
        for (const node of await driver.findAll(target)) {
          if (text === undefined || matches(await driver.call<string>(node, TEXT_OF))) return true;
        }
        return undefined;
      });
    },
  };
  return scope;
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
 * Opens Balise's guide on a portal page as a user does: a click on the folded tab (in its closed
 * shadow root), unless the guide is already open (the portal remembers it). Resolves with the
 * guide frame once its panel is drawn.
 */
export async function openGuide(page: TestPage, timeout = 20_000): Promise<FrameScope> {
  const guide = page.frame('guide.html');
  await page.deep.waitFor((deep) => deep.count('[data-balise-tab], balise-overlay'), { timeout });
  if ((await page.deep.count('[data-balise-tab]')) > 0) await page.deep.click('[data-balise-tab]');
  await guide.waitFor('.panel', { timeout });
  return guide;
}

// ---------------------------------------------------------------- Chromium (playwright-core)

/**
 * `page.deep` and `page.frame(url)` for a Playwright page driven by its own code rather than
 * through launch() (the benchmark, which needs Chromium's own tools): the same reads and clicks.
 */
export function chromiumScopes(page: PwPage): { deep: DeepScope; frame(url: string): FrameScope } {
  return { deep: deepScope(chromiumDeep(page)), frame: (url) => chromiumFrame(page, url) };
}

/** The frame of `page` whose URL starts with `prefix`, found again on each call (see the header). */
function chromiumFrame(page: PwPage, prefix: string): FrameScope {
  let current: PwFrame | undefined;
  return chromiumScope(
    page,
    async () => {
      if (current && !current.isDetached() && current.url().startsWith(prefix)) return current;
      current = await poll(`a frame at ${prefix}`, DEFAULT_TIMEOUT, async () =>
        page.frames().find((f) => f !== page.mainFrame() && !f.isDetached() && f.url().startsWith(prefix)),
      );
      return current;
    },
    true,
  );
}

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
    const extensionUrl = (p: string) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`;
    let closed = false;
    return {
      name: 'chromium',
      extensionId,
      extensionUrl,
      newPage: async () => chromiumPage(await ctx.newPage(), extensionUrl),
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

function chromiumPage(page: PwPage, extensionUrl: (p: string) => string): TestPage {
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  const errors = collectErrors((push) => {
    page.on('console', (m) => m.type() === 'error' && push(m.text()));
    page.on('pageerror', (e) => push(e.message));
  });
  return {
    ...chromiumScope(page, async () => page.mainFrame(), false),
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: true });
    },
    consoleErrors: () => [...errors],
    close: () => page.close(),
    deep: deepScope(chromiumDeep(page)),
    frame: (urlOrPath) => chromiumFrame(page, frameUrlPrefix(urlOrPath, extensionUrl)),
  };
}

/**
 * Chromium sends the first input over a frame just drawn in another process (Balise's guide, an
 * extension page) to the page around it, for up to a second: Playwright's checks, made inside the
 * frame, pass, and the click is lost. A person's pointer is over the element before the click:
 * the pointer is moved there until the frame sees it (:hover), then the click goes where it aims.
 */
async function pointerOver(target: Locator) {
  await poll('the pointer to reach the element in its frame', DEFAULT_TIMEOUT, async () => {
    await target.hover();
    return (await target.evaluate((element) => element.matches(':hover'))) ? true : undefined;
  });
}

/** The PageScope methods acting in whichever frame `frame()` gives at the time of each call. */
function chromiumScope(page: PwPage, frame: () => Promise<PwFrame>, inFrame: boolean): PageScope {
  const first = async (selector: string) => (await frame()).locator(selector).first();
  const aimed = async (target: Locator) => {
    if (inFrame) await pointerOver(target);
    return target;
  };
  return {
    url: async () => (await frame()).url(),
    click: async (selector) => (await aimed(await first(selector))).click(),
    clickByText: async (text, { exact = true } = {}) => (await aimed((await frame()).getByText(text, { exact }))).click(),
    clickByRole: async (role, name) =>
      (await aimed((await frame()).getByRole(role as Parameters<PwPage['getByRole']>[0], { name, exact: true }))).click(),
    fill: async (selector, value) => {
      const field = await aimed(await first(selector));
      await field.click();
      await field.press('ControlOrMeta+A');
      await field.press('Backspace');
      await field.pressSequentially(value);
    },
    select: async (selector, value) => {
      await (await first(selector)).selectOption(value);
    },
    press: (key) => page.keyboard.press(key),
    text: async (selector) => ((await (await first(selector)).textContent()) ?? '').trim(),
    value: async (selector) => (await first(selector)).inputValue(),
    count: async (selector) => (await frame()).locator(selector).count(),
    waitFor: (target, { timeout = DEFAULT_TIMEOUT } = {}) =>
      typeof target === 'string'
        ? poll(target, timeout, async () => ((await (await frame()).locator(target).count()) > 0 ? true : undefined)).then(() => {})
        : poll(String(target), timeout, async () => ((await (await frame()).evaluate(target)) ? true : undefined)).then(() => {}),
    evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      (await frame()).evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
  };
}

/** The parts of CDP's DOM.Node that the walk reads. */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: 'user-agent' | 'open' | 'closed' })[];
}

/**
 * CDP on the tab's own target: DOM.getDocument({ depth: -1, pierce: true }) returns closed shadow
 * roots too; each tree is queried with DOM.querySelectorAll on its root. Frames' documents
 * (contentDocument) and the browser's user-agent roots (inside <input>…) are not walked.
 */
function chromiumDeep(page: PwPage): DeepDriver<number> {
  let session: Promise<CDPSession> | undefined;
  let world: Promise<number> | undefined;
  const cdp = () => (session ??= page.context().newCDPSession(page));
  const isolatedWorld = () =>
    (world ??= (async () => {
      const s = await cdp();
      const { frameTree } = await s.send('Page.getFrameTree');
      const { executionContextId } = await s.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'balise-harness' });
      return executionContextId;
    })());
  const resolve = async (backendNodeId: number) => {
    const s = await cdp();
    try {
      return (await s.send('DOM.resolveNode', { backendNodeId, executionContextId: await isolatedWorld() })).object;
    } catch {
      world = undefined; // The page navigated: its isolated world went with it.
      return (await s.send('DOM.resolveNode', { backendNodeId, executionContextId: await isolatedWorld() })).object;
    }
  };
  const box = async (backendNodeId: number) => {
    const { model } = await (await cdp()).send('DOM.getBoxModel', { backendNodeId });
    if (!model.width || !model.height) throw new Error('the element has an empty box');
    // The border quad (4 points, transforms applied), in the viewport's CSS pixels.
    const at = (axis: 0 | 1) => model.border.filter((_, i) => i % 2 === axis).reduce((a, b) => a + b, 0) / 4;
    return { x: at(0), y: at(1) };
  };
  return {
    findAll: async (selector) => {
      const s = await cdp();
      const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      const trees: CdpNode[] = [];
      const backendIds = new Map<number, number>();
      const walk = (node: CdpNode, isTreeRoot: boolean) => {
        if (isTreeRoot) trees.push(node);
        backendIds.set(node.nodeId, node.backendNodeId);
        for (const shadow of node.shadowRoots ?? []) if (shadow.shadowRootType !== 'user-agent') walk(shadow, true);
        for (const child of node.children ?? []) walk(child, false);
      };
      walk(root, true);
      const found: number[] = [];
      for (const tree of trees) {
        const { nodeIds } = await s.send('DOM.querySelectorAll', { nodeId: tree.nodeId, selector });
        for (const id of nodeIds) found.push(backendIds.get(id)!);
      }
      return found;
    },
    call: async <R>(backendNodeId: number, fn: string, ...args: (string | number | boolean)[]) => {
      const s = await cdp();
      const { objectId } = await resolve(backendNodeId);
      try {
        const { result, exceptionDetails } = await s.send('Runtime.callFunctionOn', {
          objectId,
          functionDeclaration: fn,
          arguments: args.map((value) => ({ value })),
          returnByValue: true,
          awaitPromise: true,
        });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as R;
      } finally {
        if (objectId) await s.send('Runtime.releaseObject', { objectId }).catch(() => {});
      }
    },
    prepareClick: async (backendNodeId) => {
      await (await cdp()).send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
      await box(backendNodeId);
    },
    clickCentre: async (backendNodeId) => {
      const { x, y } = await box(backendNodeId);
      await page.mouse.click(x, y);
    },
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
      // Playwright's 1280×720 rather than puppeteer's 800×600: a page is laid out alike in both
      // browsers (at 800 px, Balise's panel covers half of a portal form, whose fields it then skips).
      defaultViewport: { width: 1280, height: 720 },
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
    const extensionUrl = (p: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${p.replace(/^\//, '')}`;
    let closed = false;
    return {
      name: 'firefox',
      extensionId: FIREFOX_EXTENSION_UUID,
      extensionUrl,
      newPage: async () => {
        const page = await ff.newPage();
        await interceptFirefox(network, page);
        return firefoxPage(page, extensionUrl);
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
function pierced(selector: string) {
  return /^(pierce\/|::-p-|xpath\/|text\/|aria\/)/.test(selector) ? selector : `pierce/${selector}`;
}

function firefoxPage(page: PpPage, extensionUrl: (p: string) => string): TestPage {
  const errors = collectErrors((push) => {
    page.on('console', (m) => m.type() === 'error' && push(m.text()));
    page.on('pageerror', (e) => push(e instanceof Error ? e.message : String(e)));
  });
  const waitForLoad = (what: string, isLoaded: () => Promise<boolean>) =>
    poll(what, DEFAULT_TIMEOUT, async () => ((await isLoaded()) ? true : undefined));
  const scope = firefoxScope(page, async () => page.mainFrame());
  return {
    ...scope,
    goto: async (url) => {
      if (!isExtensionUrl(url)) {
        await page.goto(url);
        return;
      }
      // Firefox never reports the load of a moz-extension page over BiDi: start it, then poll.
      void page.goto(url).catch(() => {});
      await waitForLoad(url, () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url));
    },
    reload: async () => {
      if (!isExtensionUrl(await scope.url())) {
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
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
    },
    consoleErrors: () => [...errors],
    close: () => page.close(),
    deep: deepScope(firefoxDeep(page)),
    frame: (urlOrPath) => {
      const prefix = frameUrlPrefix(urlOrPath, extensionUrl);
      // puppeteer's frame.url() stays about:blank for a moz-extension frame: ask the frame itself.
      const at = async (f: PpFrame) => !f.detached && (await frameHref(f)).startsWith(prefix);
      let current: PpFrame | undefined;
      return firefoxScope(page, async () => {
        if (current && (await at(current))) return current;
        current = await poll(`a frame at ${prefix}`, DEFAULT_TIMEOUT, async () => {
          for (const f of page.frames()) if (f !== page.mainFrame() && (await at(f))) return f;
          return undefined;
        });
        return current;
      });
    },
  };
}

/** puppeteer's page.url() / frame.url() miss moz-extension navigations, whose load it is never told about. */
const frameHref = (f: PpFrame) => f.evaluate(() => location.href).catch(() => f.url());

/** The PageScope methods acting in whichever frame `frame()` gives at the time of each call. */
function firefoxScope(page: PpPage, frame: () => Promise<PpFrame>): PageScope {
  const find = async (selector: string) =>
    poll(selector, DEFAULT_TIMEOUT, async () => (await (await frame()).$(selector)) ?? undefined);
  return {
    url: async () => frameHref(await frame()),
    click: async (selector) => {
      await (await find(pierced(selector))).click();
    },
    clickByText: async (text, { exact = true } = {}) => {
      // ::-p-text matches substrings; exactness is checked on the element found.
      const handle = await poll(`text "${text}"`, DEFAULT_TIMEOUT, async () => {
        for (const candidate of await (await frame()).$$(`::-p-text(${JSON.stringify(text)})`)) {
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
      const field = await find(pierced(selector));
      await field.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await field.type(value);
    },
    select: async (selector, value) => {
      await (await find(pierced(selector))).select(value);
    },
    press: async (key) => {
      const parts = key.split('+');
      const main = parts.pop() ?? key;
      for (const modifier of parts) await page.keyboard.down(modifier as never);
      await page.keyboard.press(main as never);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
    },
    text: async (selector) => (await find(pierced(selector))).evaluate((e) => (e.textContent ?? '').trim()),
    value: async (selector) => (await find(pierced(selector))).evaluate((e) => (e as HTMLInputElement).value),
    count: async (selector) => (await (await frame()).$$(pierced(selector))).length,
    waitFor: (target, { timeout = DEFAULT_TIMEOUT } = {}) =>
      typeof target === 'string'
        ? poll(target, timeout, async () => ((await (await frame()).$(pierced(target))) ? true : undefined)).then(() => {})
        : poll(String(target), timeout, async () => ((await (await frame()).evaluate(target)) ? true : undefined)).then(() => {}),
    evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      (await frame()).evaluate(fn as (arg: unknown) => Promise<R>, arg) as Promise<R>,
  };
}

/** The WebDriver BiDi connection under puppeteer's Firefox browser (its public `connection` getter). */
interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiNode {
  sharedId: string;
  value?: { shadowRoot?: { sharedId: string; value?: { mode?: string } } | null };
}

type BidiRemoteValue = { type: string; value?: unknown };

function fromRemote(remote: BidiRemoteValue): unknown {
  if (remote.type === 'null') return null;
  if (remote.type === 'undefined') return undefined;
  if (remote.type === 'array') return (remote.value as BidiRemoteValue[]).map(fromRemote);
  return remote.value;
}

const toLocal = (value: string | number | boolean) => ({ type: typeof value, value });

/**
 * WebDriver BiDi on the tab's browsing context: browsingContext.locateNodes serialises each
 * element's shadow root, closed ones too (includeShadowTree: 'all'), which gives the roots to
 * search from; script.callFunction in a sandbox (an isolated realm) takes nodes by sharedId;
 * input.performActions clicks with the element as the pointer's origin (its in-view centre).
 */
function firefoxDeep(page: PpPage): DeepDriver<string> {
  const bidi = (page.browser() as unknown as { connection: BidiSend }).connection;
  // A BiDi frame's _id is its browsing context id (internal to puppeteer, stable across navigations).
  const context = () => (page.mainFrame() as unknown as { _id: string })._id;
  const send = async <R>(method: string, params: object) => (await bidi.send(method, params)).result as R;
  const SANDBOX = 'balise-harness';
  const callFunction = async (fn: string, thisNode: string | undefined, args: object[]) => {
    const answer = await send<{ type: 'success' | 'exception'; result?: BidiRemoteValue; exceptionDetails?: { text: string } }>(
      'script.callFunction',
      {
        functionDeclaration: fn,
        ...(thisNode ? { this: { sharedId: thisNode } } : {}),
        arguments: args,
        target: { context: context(), sandbox: SANDBOX },
        awaitPromise: true,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 0 },
      },
    );
    if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text ?? 'script exception');
    return answer.result!;
  };
  /** The shadow roots under `start` (the document when undefined), depth-first. */
  const shadowRoots = async (start?: string): Promise<string[]> => {
    const { nodes } = await send<{ nodes: BidiNode[] }>('browsingContext.locateNodes', {
      context: context(),
      locator: { type: 'css', value: '*' },
      ...(start ? { startNodes: [{ sharedId: start }] } : {}),
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const roots: string[] = [];
    for (const node of nodes) {
      const shadow = node.value?.shadowRoot;
      if (shadow && (shadow.value?.mode === 'open' || shadow.value?.mode === 'closed')) {
        roots.push(shadow.sharedId, ...(await shadowRoots(shadow.sharedId)));
      }
    }
    return roots;
  };
  return {
    findAll: async (selector) => {
      const roots = await shadowRoots();
      const result = await callFunction(
        'function (selector, ...roots) { return [document, ...roots].flatMap((r) => [...r.querySelectorAll(selector)]); }',
        undefined,
        [toLocal(selector), ...roots.map((sharedId) => ({ sharedId }))],
      );
      return (result.value as { sharedId: string }[]).map((n) => n.sharedId);
    },
    call: async <R>(node: string, fn: string, ...args: (string | number | boolean)[]) =>
      fromRemote(await callFunction(fn, node, args.map(toLocal))) as R,
    prepareClick: async (node) => {
      await callFunction(
        `function () {
          const box = this.getBoundingClientRect();
          if (!box.width || !box.height) throw new Error('the element has an empty box');
          if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
            this.scrollIntoView({ block: 'center', inline: 'center' });
          }
        }`,
        node,
        [],
      );
    },
    clickCentre: async (node) => {
      await send('input.performActions', {
        context: context(),
        actions: [
          {
            type: 'pointer',
            id: 'balise-harness-mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: node } } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
  };
}
