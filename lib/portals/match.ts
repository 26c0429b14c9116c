/**
 * Pure matchers for the knowledge base: URL patterns, page markers and field/button
 * locators (syntax documented in ./schema.ts). They take the document as a parameter and
 * use no global, so they run in the content script, in Node and in tests alike.
 */
import type { Locator, Marker } from './schema';

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

export function markerMatches(marker: Marker, doc: Document): boolean {
  if (marker.heading) {
    const headings = Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'));
    if (!headings.some((h) => marker.heading!.test(normalise(h.textContent)))) return false;
  }
  if (marker.selector) {
    const found = Array.from(doc.querySelectorAll(marker.selector));
    return marker.text ? found.some((el) => marker.text!.test(normalise(el.textContent))) : found.length > 0;
  }
  return marker.text ? marker.text.test(normalise(doc.body?.textContent)) : true;
}

/** Elements a locator can name when it gives only a label. */
const namedElements =
  'input:not([type="hidden"]), select, textarea, button, a[href], [role="button"], [role="combobox"], [role="textbox"], [role="checkbox"], [role="radio"]';

/** Every element the locator designates (a good locator designates exactly one). */
export function locateAll(root: ParentNode, locator: Locator): Element[] {
  const candidates = Array.from(root.querySelectorAll(locator.selector ?? namedElements));
  if (!locator.label) return candidates;
  const wanted = comparable(locator.label);
  return candidates.filter((el) => comparable(accessibleLabel(el)) === wanted);
}

function comparable(text: string): string {
  return normalise(text)
    .replace(/[’ʼ]/g, "'")
    .replace(/\s*[*:]+$/, '')
    .toLocaleLowerCase('fr');
}

/**
 * The text a person reads as the element's name, in the order the portals use it:
 * aria-labelledby, aria-label, <label> (for= or wrapping), the table cell before it,
 * then a button's or link's own text.
 */
export function accessibleLabel(el: Element): string {
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => textWithoutControls(doc.getElementById(id)))
      .join(' ');
    if (normalise(text)) return normalise(text);
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (normalise(ariaLabel)) return normalise(ariaLabel);
  const labels = 'labels' in el ? (el.labels as ArrayLike<Element> | null) : null;
  if (labels && labels.length > 0) return normalise(Array.from(labels, textWithoutControls).join(' '));
  const cell = el.closest('td');
  const before = cell?.previousElementSibling;
  if (before && (before.tagName === 'TH' || before.tagName === 'TD')) return normalise(textWithoutControls(before));
  const tag = el.tagName;
  if (tag === 'INPUT' && ['submit', 'button', 'reset'].includes((el.getAttribute('type') ?? '').toLowerCase())) return normalise(el.getAttribute('value'));
  if (tag === 'BUTTON' || tag === 'A' || el.getAttribute('role') === 'button') return normalise(el.textContent);
  return '';
}

/** A label's text without the text of controls it wraps (a select's options, a textarea's value). */
function textWithoutControls(node: Node | null): string {
  if (!node) return '';
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const tag = (node as Element).tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'SCRIPT' || tag === 'STYLE') return '';
  return Array.from(node.childNodes, textWithoutControls).join(' ');
}
