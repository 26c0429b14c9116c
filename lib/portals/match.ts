/**
 * Pure matchers for the knowledge base: URL patterns (hints) and field/button
 * locators (syntax documented in ./schema.ts). They take the document as a parameter and
 * use no global, so they run in the content script, in Node and in tests alike.
 */
import { createNameContext, readOwnNameParts, type NameContext, type NamePart } from '../dom/accessible-name';
import type { Locator, Phrasings } from './schema';
import { sameWords, words, type Words } from './words';

/** The URL's path fits the pattern, or its hash route does (`#/compte/creation`, `#!/compte`). */
export function urlPathMatches(pattern: string, url: URL): boolean {
  const route = /^#!?(\/[^?]*)/.exec(url.hash)?.[1];
  return pathMatches(pattern, url.pathname) || (route !== undefined && pathMatches(pattern, route));
}

export function pathMatches(pattern: string, pathname: string): boolean {
  const want = splitPath(pattern);
  const got = splitPath(pathname);
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    if (segment === '**' && i === want.length - 1) return true;
    const actual = got[i];
    if (actual === undefined) return false;
    if (segment !== '*' && segment !== actual) return false;
  }
  return got.length === want.length;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

export function queryMatches(query: Record<string, string> | undefined, search: URLSearchParams): boolean {
  return Object.entries(query ?? {}).every(([key, value]) => search.has(key) && (value === '*' || search.get(key) === value));
}

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The phrasings of a locator's label or a sign, as a list. */
export function phrasingsOf(phrasings: Phrasings): readonly string[] {
  return typeof phrasings === 'string' ? [phrasings] : phrasings;
}

/** The label a locator gives, in its first phrasing: how Balise names the field or button to the user. */
export function shownLabel(locator: Locator): string | undefined {
  return locator.label === undefined ? undefined : phrasingsOf(locator.label)[0];
}

/** Elements a locator can name when it gives only a label. */
const namedElements =
  'input:not([type="hidden"]), select, textarea, button, a[href], [role="button"], [role="combobox"], [role="textbox"], [role="checkbox"], [role="radio"]';

/** Every element the locator designates (a good locator designates exactly one). */
export function locateAll(root: ParentNode, locator: Locator): Element[] {
  return locateEach(root, [locator])[0] as Element[];
}

/**
 * What each locator designates, in one pass: the candidates of a selector and their names are
 * read once for all the locators that share it (a page module has a locator per field, and
 * reading every name again for each one made locating quadratic).
 */
export function locateEach(root: ParentNode, locators: readonly Locator[]): Element[][] {
  const read = new Map<string, { candidates: Element[]; names?: Map<Element, Words> }>();
  const candidatesOf = (selector: string) => {
    let entry = read.get(selector);
    if (!entry) read.set(selector, (entry = { candidates: Array.from(root.querySelectorAll(selector)) }));
    return entry;
  };
  return locators.map((locator) => {
    const entry = candidatesOf(locator.selector ?? namedElements);
    if (!locator.label) return entry.candidates;
    if (!entry.names) {
      const context = createNameContext(root, entry.candidates);
      entry.names = new Map(entry.candidates.map((el) => [el, words(accessibleLabel(el, context))] as const));
    }
    const names = entry.names;
    const wanted = phrasingsOf(locator.label).map(words);
    return entry.candidates.filter((el) => wanted.some((phrasing) => sameWords(phrasing, names.get(el) as Words)));
  });
}

/**
 * The text a person reads as the element's name, in the order the portals use it:
 * aria-labelledby, aria-label, <label> (for= or wrapping), the table cell before it,
 * then a button's or link's own text. Built on the classifier's name reading
 * (lib/dom/accessible-name.ts) so that locators and classification agree.
 */
export function accessibleLabel(el: Element, context: NameContext = createNameContext(el.getRootNode() as ParentNode, [el])): string {
  const parts = readOwnNameParts(el, context);
  const first = (source: NamePart['source']) => parts.find((part) => part.source === source)?.text;
  const labels = parts.filter((part) => part.source === 'labelFor' || part.source === 'wrappingLabel').map((part) => part.text);
  const named = first('labelledBy') ?? first('ariaLabel') ?? (labels.length > 0 ? labels.join(' ') : undefined) ?? first('rowCell');
  if (named) return normalise(named);
  const tag = el.tagName;
  if (tag === 'INPUT' && ['submit', 'button', 'reset'].includes((el.getAttribute('type') ?? '').toLowerCase())) return normalise(el.getAttribute('value'));
  if (tag === 'BUTTON' || tag === 'A' || el.getAttribute('role') === 'button') return normalise(el.textContent);
  return '';
}
