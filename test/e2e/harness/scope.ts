/**
 * What both drivers share to build a page: polling, the frame a `frame(…)` call means, and
 * `page.deep` over a small per-driver core (DeepDriver).
 */
import type { Box, DeepScope } from './index';

export const DEFAULT_TIMEOUT = 10_000;
const POLL_MS = 50;

/** Retries until `attempt` returns something other than undefined; errors (e.g. mid-navigation) count as "not yet". */
export async function poll<T>(what: string, timeout: number, attempt: () => Promise<T | undefined>): Promise<T> {
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
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function isExtensionUrl(url: string) {
  return url.startsWith('chrome-extension://') || url.startsWith('moz-extension://');
}

/** `frame('guide.html')` means the extension's page; a full URL (any scheme) is used as it is. */
export function frameUrlPrefix(urlOrPath: string, extensionUrl: (p: string) => string) {
  return /^[a-z][a-z0-9+.-]*:/i.test(urlOrPath) ? urlOrPath : extensionUrl(urlOrPath);
}

export function collectErrors(subscribe: (push: (message: string) => void) => void) {
  const errors: string[] = [];
  subscribe((message) => errors.push(message));
  return errors;
}

/**
 * What each driver supplies for `page.deep`; waiting, "first match" and the options are shared.
 * N is the driver's handle on a node (a CDP backendNodeId, a BiDi sharedId), valid across calls
 * until the document goes away.
 */
export interface DeepDriver<N> {
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

export function deepScope<N>(driver: DeepDriver<N>): DeepScope {
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
