/**
 * The Firefox ESR driver, on puppeteer-core over WebDriver BiDi. Its CSS gets `pierce/` so that
 * it enters open shadow roots as Playwright's does; `page.deep` speaks BiDi itself.
 */
import puppeteer, { type Browser as PpBrowser, type Frame as PpFrame, type HTTPRequest, type Page as PpPage } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { browserBinary } from './env';
import type { ActionPopup, ExtensionBrowser, LaunchOptions, PageScope, TestPage } from './index';
import { Network, startEscapeProxy } from './network';
import { collectErrors, deepScope, DEFAULT_TIMEOUT, frameUrlPrefix, isExtensionUrl, poll, type DeepDriver } from './scope';

/** Fixed through the `extensions.webextensions.uuids` pref so that tests can address moz-extension pages. */
const FIREFOX_EXTENSION_UUID = '5b7a1c3e-2f64-4d0a-9e8b-b4115e5a17e0';

export async function launchFirefox(options: LaunchOptions, extensionDir: string): Promise<ExtensionBrowser> {
  const network = new Network();
  const proxy = await startEscapeProxy(network);
  let browser: PpBrowser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserBinary('firefox'),
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
        ...options.firefoxPrefs,
      },
    });
    const ff = browser;
    await ff.installExtension(extensionDir);
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
      openActionPopup: (url) => firefoxActionPopup((ff as unknown as { connection: BidiSend }).connection, url),
      newPage: async () => {
        const page = await ff.newPage();
        await interceptFirefox(network, page);
        return firefoxPage(page, extensionUrl);
      },
      ...network.api(),
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
      // Firefox never reports the load of a moz-extension page over BiDi: start it, then poll. A page
      // may drop its fragment once read (options.html#new) before its load completes, the more so as
      // it preloads its code (which holds the load event back): its address without it counts too.
      void page.goto(url).catch(() => {});
      await waitForLoad(url, () =>
        page.evaluate((u) => (location.href === u || location.href === u.replace(/#.*$/, '')) && document.readyState === 'complete', url),
      );
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
    resize: async (width, height) => {
      await page.setViewport({ width, height });
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
    // puppeteer clicks where the element is drawn without waiting for it to be enabled: whateverItsState always holds.
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

/**
 * Balise's toolbar popup in Firefox (see ExtensionBrowser.openActionPopup): the tab at `url` is
 * selected and the action triggered in the browser's chrome, as a click on the toolbar button does
 * (the tab gets activeTab); the popup, which BiDi does not list, is read and driven by a frame script.
 */
async function firefoxActionPopup(bidi: BidiSend, url: string): Promise<ActionPopup> {
  const { contexts } = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const chromeWindow = contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml')?.context;
  if (!chromeWindow) throw new Error('openActionPopup: no browser window (is --remote-allow-system-access set?)');
  const inChrome = async (expression: string): Promise<unknown> => {
    const { result } = (await bidi.send('script.evaluate', { expression, target: { context: chromeWindow }, awaitPromise: true })) as {
      result: { type: string; result?: BidiRemoteValue; exceptionDetails?: { text?: string } };
    };
    if (result.type !== 'success') throw new Error(`openActionPopup: ${result.exceptionDetails?.text ?? 'failed'}`);
    return fromRemote(result.result!);
  };
  await inChrome(`(async () => {
    const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
    if (!tab) throw new Error('no tab at ${url}');
    gBrowser.selectedTab = tab;
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
    await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
  })()`);
  /** Runs `body` (an async function's source, run with `content` the popup's window) in the popup; answers its JSON result. */
  const inPopup = async (body: string, mayClose = false): Promise<unknown> =>
    inChrome(`(async () => {
      // The popup loads in a browser element that Firefox may swap for another once shown: it is found again on each attempt.
      const loaded = () => {
        const popup = document.querySelector('browser[webextension-view-type="popup"]');
        return popup?.messageManager && popup.browsingContext?.currentWindowGlobal?.documentURI?.spec.endsWith('/popup.html') ? popup : null;
      };
      // A frame script sent while the popup's document settles may never run: sent again until one answers.
      const run = async (attempt) => {
        let popup = loaded();
        for (let i = 0; !popup && i < 50; i++) {
          // A click that switches Balise on reloads the tab, which closes the popup: then nothing answers.
          if (attempt > 0 && ${mayClose}) return { value: 'closed' };
          await new Promise((r) => setTimeout(r, 100));
          popup = loaded();
        }
        if (!popup) return { error: 'no popup open' };
        const name = 'balise-test-' + crypto.randomUUID();
        const answer = new Promise((resolve) => {
          const listener = (message) => { popup.messageManager?.removeMessageListener(name, listener); resolve(message.data); };
          popup.messageManager.addMessageListener(name, listener);
          setTimeout(() => resolve(null), 2000);
        });
        const script = '(async () => { let result; try { result = { value: await (' + ${JSON.stringify(body)} + ')() }; } catch (error) { result = { error: String(error) }; } sendAsyncMessage(' + JSON.stringify(name) + ', result); })()';
        popup.messageManager.loadFrameScript('data:,' + encodeURIComponent(script), false);
        const result = await answer;
        return result ?? (attempt < 10 ? run(attempt + 1) : { error: 'the popup never answered' });
      };
      const { value, error } = await run(0);
      if (error) throw new Error(error);
      return value;
    })()`);
  const untilFound = (selector: string, then: string) =>
    `async () => { for (let i = 0; i < ${DEFAULT_TIMEOUT / 100}; i++) { const element = content.document.querySelector(${JSON.stringify(selector)}); if (element) return (${then})(element); await new Promise((r) => content.setTimeout(r, 100)); } throw new Error('no ' + ${JSON.stringify(selector)} + ' in the popup'); }`;
  return {
    text: async (selector) => String(await inPopup(untilFound(selector, '(element) => (element.textContent ?? "").trim()'))),
    select: async (selector, value) =>
      void (await inPopup(untilFound(selector, `(element) => { element.value = ${JSON.stringify(value)}; element.dispatchEvent(new content.Event('change', { bubbles: true })); }`))),
    clickButton: async (name) =>
      void (await inPopup(
        untilFound(
          'button',
          `() => { const button = [...content.document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)}); if (!button) throw new Error('no button ' + ${JSON.stringify(name)}); const gesture = content.windowUtils.setHandlingUserInput(true); try { button.click(); } finally { gesture.destruct(); } }`,
        ),
        true,
      )),
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
