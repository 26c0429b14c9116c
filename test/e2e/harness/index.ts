/**
 * Real-browser harness: the built extension in Chromium (chromium.ts, playwright-core) and
 * Firefox ESR (firefox.ts, puppeteer-core over WebDriver BiDi), behind one API so that a test is
 * written once. `npm run test:e2e` runs it (vitest.e2e.config.ts); global-setup.ts builds
 * `.output/` when missing (not when stale: `npm run build` first) and copies it aside.
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
 * Both browsers show pages at 1280×720 CSS pixels, in French unless told otherwise, so that a
 * layout and a text are the same in both. Headed mode needs a display (`xvfb-run -a`).
 *
 * Selectors act on their first match (Playwright's strictness is not used) and pierce OPEN shadow
 * roots in both drivers (in Firefox through puppeteer's `pierce/`, where a selector with
 * combinators must stay inside one tree). clickByRole does not pierce them in Firefox (`::-p-aria`).
 * Nothing of TestPage's own methods reaches a CLOSED shadow root: `page.deep` does, through the
 * browser's protocol, and `page.frame(…)` reaches a frame at any depth, also inside one.
 */
import { describe } from 'vitest';
import type { Box } from '../../../lib/dom/layout';
import { launchChromium } from './chromium';
import { extensionDirs, selectedBrowsers, type BrowserName } from './env';
import { launchFirefox } from './firefox';
import type { PortalHandler, PortalResponse, NetworkRecord } from './network';

export { allBrowsers, browserBinary, builtExtensionDirs, extensionDirs, selectedBrowsers, type BrowserName } from './env';
export type { NetworkRecord, PortalHandler, PortalRequest, PortalResponse } from './network';
export { actionPopupArgs, chromiumLaunchOptions, chromiumScopes } from './chromium';
/** Where an element is drawn, in the viewport's CSS pixels (getBoundingClientRect). */
export type { Box } from '../../../lib/dom/layout';

/** What a tab and a frame in it both offer (TestPage's own DOM methods; FrameScope's inside a frame). */
export interface PageScope {
  url(): Promise<string>;
  /**
   * A user's click on the first match. By default it waits until the element can take it
   * (enabled, still); `whateverItsState` clicks where it is drawn at once, as a person does
   * who does not wait: a disabled control then ignores the click.
   */
  click(selector: string, options?: { whateverItsState?: boolean }): Promise<void>;
  /** Pierces open shadow roots in both browsers. */
  clickByText(text: string, options?: { exact?: boolean }): Promise<void>;
  /** The accessibility tree: Playwright's getByRole in Chromium, puppeteer's `::-p-aria` in Firefox. */
  clickByRole(role: string, name: string): Promise<void>;
  /** Focus, select all, Backspace, then one key event per character. In Chromium, inside a frame, the pointer first moves over the element (see chromium.ts). */
  fill(selector: string, value: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** To the focus: 'Enter', 'Tab', 'Control+A'… */
  press(key: string): Promise<void>;
  /** textContent, trimmed. */
  text(selector: string): Promise<string>;
  value(selector: string): Promise<string>;
  count(selector: string): Promise<number>;
  /** Polls from Node, so it survives navigations. */
  waitFor(target: string | (() => unknown), options?: { timeout?: number }): Promise<void>;
  /** Runs in the page; on extension pages `chrome.*` works in both browsers. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

/**
 * One frame of a tab, found again by its URL on each call: a scope survives the iframe being
 * re-created. Lookups and waitFor retry across a re-creation; an action already under way when
 * its frame goes (a click, a fill) fails rather than being sent twice.
 */
export type FrameScope = PageScope;

/**
 * The tab's top document and every shadow root in it, open or CLOSED, at any depth, read through
 * the browser's protocol (CDP in Chromium, WebDriver BiDi in Firefox), never through page script,
 * and in an isolated world, so that a page patching DOM prototypes cannot change what is read.
 * A selector matches within one tree (no combinator across a shadow boundary). Matches are the
 * document's, then each shadow root's, depth-first in the order of their hosts. Frames' documents
 * are not searched (use `page.frame`).
 */
export interface DeepScope {
  /** Now, without waiting. */
  count(selector: string): Promise<number>;
  /** Of the first match (waits for one). */
  text(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  /** Of every match, now, without waiting: a list the UI draws, or an element that may be going away. */
  texts(selector: string): Promise<string[]>;
  attributes(selector: string, name: string): Promise<(string | null)[]>;
  box(selector: string): Promise<Box>;
  /**
   * A trusted mouse click at the centre of the first match, scrolled into view if needed, once
   * it has a box. No actionability check: like a user's click, it goes to whatever is on top.
   */
  click(selector: string): Promise<void>;
  /** Until a match exists (whose text equals `text`, or matches it), or until a Node-side condition holds (errors count as "not yet"). */
  waitFor(
    target: string | ((deep: DeepScope) => unknown),
    options?: { timeout?: number; text?: string | RegExp },
  ): Promise<void>;
}

export interface TestPage extends PageScope {
  /** Waits for the load; on extension pages polls readyState (Firefox never reports their load). */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Another viewport size, in CSS pixels (the harness starts at 1280×720): an ordinary screen narrower than that. */
  resize(width: number, height: number): Promise<void>;
  /** console.error and uncaught errors of this page. */
  consoleErrors(): string[];
  close(): Promise<void>;
  readonly deep: DeepScope;
  /** The frame whose location starts with a full URL, or with a path in the extension ('guide.html'). */
  frame(urlOrPathInExtension: string): FrameScope;
}

/** Balise's toolbar popup, open on a tab (ExtensionBrowser.openActionPopup). */
export interface ActionPopup {
  /** Until an element matching the selector exists; answers its text. */
  text(selector: string): Promise<string>;
  /** Chooses the option with this value, as a person's choice does (change event). */
  select(selector: string, value: string): Promise<void>;
  /** A user's click on the button whose text is `name`. */
  clickButton(name: string): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /**
   * Chromium: from the service worker's URL (it follows the build copy's path, so it changes every
   * run unless the manifest has a `key`); Firefox: a UUID fixed by a pref.
   */
  readonly extensionId: string;
  extensionUrl(pathInExtension: string): string;
  newPage(): Promise<TestPage>;
  /** Answers every http(s) request whose URL starts with the prefix; the route added last wins. */
  routePortal(urlPrefix: string, handler: PortalHandler): Promise<void>;
  /** Exact URLs (query and hash ignored) at their real https addresses; other URLs of the same origins get a 404. */
  servePortals(pages: Record<string, string | PortalResponse>): Promise<void>;
  /**
   * Clicks Balise's toolbar button for the tab showing `url`, as a person does (the tab gets
   * activeTab), and answers the popup it opens. Chromium: CDP Extensions.triggerAction (launch with
   * `chromiumArgs: [...actionPopupArgs]`), the popup driven by puppeteer over a debugging port
   * (Playwright does not attach to extension popups), its clicks trusted CDP input. Firefox: the
   * action triggered from the browser's chrome (`--remote-allow-system-access`), the popup, which
   * WebDriver BiDi does not list, driven by a frame script, a click made while the popup handles
   * user input (windowUtils.setHandlingUserInput), as a person's click is.
   */
  openActionPopup(url: string): Promise<ActionPopup>;
  /** Every http(s) request seen. */
  requests(): NetworkRecord[];
  /**
   * requests() minus those a fixture answered and the browser's own: [] when "Balise makes no
   * network request". The browsers' vendor hosts and Chromium's preconnects to routed hosts are
   * not counted.
   */
  strayRequests(): NetworkRecord[];
  close(): Promise<void>;
}

export type Locale = 'fr' | 'en';

export interface LaunchOptions {
  headless?: boolean;
  /**
   * The browser's UI language, hence the extension's: French by default, as Balise's users
   * have it (needs Debian's chromium-l10n and firefox-esr-l10n-fr, which .ci/run installs).
   */
  locale?: Locale;
  /** A profile directory to use and keep on close (a restart test launches twice on it). */
  profileDir?: string;
  /** Another build to load instead of extensionDirs[name] (e.g. a copy with a manifest `key`). */
  extensionDir?: string;
  /** Chromium only: more command-line switches (e.g. `--enable-unsafe-extension-debugging`). */
  chromiumArgs?: string[];
  /** Firefox only: more preferences (e.g. `extensions.webextOptionalPermissionPrompts`). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? extensionDirs[name];
  return name === 'chromium' ? launchChromium(options, extensionDir) : launchFirefox(options, extensionDir);
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
