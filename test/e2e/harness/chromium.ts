/** The Chromium driver, on playwright-core: Playwright's locators, and CDP for `page.deep`. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import puppeteer, { type Browser as PpBrowser } from 'puppeteer-core';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Frame as PwFrame, type Locator, type Page as PwPage, type Route } from 'playwright-core';
import { browserBinary } from './env';
import type { ActionPopup, ExtensionBrowser, FrameScope, LaunchOptions, Locale, PageScope, TestPage } from './index';
import { Network, startEscapeProxy } from './network';
import { collectErrors, deepScope, DEFAULT_TIMEOUT, frameUrlPrefix, poll, type DeepDriver } from './scope';


/**
 * `page.deep` and `page.frame(url)` for a Playwright page driven by its own code rather than
 * through launch() (the benchmark, which needs Chromium's own tools): the same reads and clicks.
 */
export function chromiumScopes(page: PwPage, extensionUrl: (p: string) => string): Pick<TestPage, 'deep' | 'frame'> {
  return { deep: deepScope(chromiumDeep(page)), frame: (urlOrPath) => chromiumFrame(page, frameUrlPrefix(urlOrPath, extensionUrl)) };
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

/**
 * How a test browser starts Chromium: the binary, the UI language (on Linux Chromium takes it
 * from LANGUAGE; --lang alone is not enough), the extension if any, and none of Chromium's own
 * background traffic. The benchmark launches its twin browsers with it too.
 */
export function chromiumLaunchOptions(locale: Locale, extensionDir: string | null) {
  return {
    executablePath: browserBinary('chromium'),
    env: { ...process.env, LANGUAGE: locale },
    locale,
    args: [
      `--lang=${locale}`,
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

/** The switches openActionPopup needs: CDP's Extensions domain, and a port for puppeteer next to Playwright's pipe. */
export const actionPopupArgs = ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0'] as const;

export async function launchChromium(options: LaunchOptions, extensionDir: string): Promise<ExtensionBrowser> {
  const network = new Network();
  const proxy = await startEscapeProxy(network);
  const profile = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'balise-chromium-')));
  const removeProfile = () => (options.profileDir ? Promise.resolve() : rm(profile, { recursive: true, force: true }));
  let context: BrowserContext | undefined;
  try {
    const launchOptions = chromiumLaunchOptions(options.locale ?? 'fr', extensionDir);
    context = await chromium.launchPersistentContext(profile, {
      ...launchOptions,
      args: [...launchOptions.args, ...(options.chromiumArgs ?? [])],
      headless: options.headless ?? true,
      proxy: { server: `http://127.0.0.1:${proxy.port}` },
    });
    const ctx = context;
    await ctx.route('**/*', (route) => routeChromium(network, route));
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: DEFAULT_TIMEOUT }));
    const extensionId = new URL(worker.url()).host;
    const extensionUrl = (p: string) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`;
    let closed = false;
    let second: PpBrowser | undefined;
    const openActionPopup = async (url: string): Promise<ActionPopup> => {
      const browser = ctx.browser();
      if (!browser) throw new Error('openActionPopup: no browser-level CDP session');
      const session = await browser.newBrowserCDPSession();
      const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((target) => target.url === url);
      if (!tab) throw new Error(`openActionPopup: no tab at ${url} (${targetInfos.map((t) => t.url).join(', ')})`);
      await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      const [port] = (await readFile(path.join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
      second ??= await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
      const target = await second.waitForTarget((t) => t.url() === extensionUrl('popup.html'), { timeout: DEFAULT_TIMEOUT });
      const popup = await target.asPage();
      if (!popup) throw new Error('openActionPopup: the popup is not a page');
      popup.setDefaultTimeout(DEFAULT_TIMEOUT);
      return {
        text: async (selector) => (await popup.waitForSelector(selector))!.evaluate((element) => (element.textContent ?? '').trim()),
        select: async (selector, value) => void (await popup.waitForSelector(selector))!.select(value),
        clickButton: async (name) => {
          const button = await popup.waitForSelector(`::-p-aria([name="${name}"][role="button"])`);
          // A click that opens the browser's prompt may close the popup before the mouse-up is acknowledged: it was clicked.
          await button!.click().catch((error: unknown) => {
            if (!(error instanceof Error && /Target closed/i.test(`${error.name} ${error.message}`))) throw error;
          });
        },
      };
    };
    return {
      name: 'chromium',
      extensionId,
      extensionUrl,
      openActionPopup,
      newPage: async () => chromiumPage(await ctx.newPage(), extensionUrl),
      ...network.api(),
      close: async () => {
        if (closed) return;
        closed = true;
        await second?.disconnect().catch(() => {});
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
    resize: async (width, height) => {
      await page.setViewportSize({ width, height });
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
  let moves = 0;
  // Each try moves the pointer (one pixel apart in turn), as a hand does: a move to the very point it
  // is at may not be seen again. Bounded as the guide's other waits are, for a loaded machine (CI
  // once saw 10 s pass on 2 cores, the button offered and still).
  await poll('the pointer to reach the element in its frame', 3 * DEFAULT_TIMEOUT, async () => {
    const box = await target.boundingBox();
    await target.hover(box ? { position: { x: box.width / 2 + (moves++ % 2), y: box.height / 2 } } : undefined);
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
    click: async (selector, { whateverItsState = false } = {}) => (await aimed(await first(selector))).click({ force: whateverItsState }),
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
