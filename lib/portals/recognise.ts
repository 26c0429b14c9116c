/**
 * Which page of a portal a document is, from what a person sees on it: its titles, buttons,
 * field labels and text, against each page's signs (`shows`) and the labels of its field rules
 * and click targets. Real portals are served at URLs nobody here chose (hash routes, `?m=`
 * routing, JSF steps swapped by AJAX): the URL only breaks ties. Pure: the document and a
 * visibility test come in as parameters, so it runs in the content script and in Node alike.
 */
import { createNameContext } from '../dom/accessible-name';
import { type PageSigns, urlFitsPage } from './lookup';
import { accessibleLabel, phrasingsOf } from './match';
import type { Locator, Phrasings, Sign } from './schema';
import { containsWords, sameWords, words, type Words } from './words';

/** Whether a person can see an element (layout in a browser; tests may pass their own). */
export type IsShown = (element: Element) => boolean;

/** Not displayed (display:none, content-visibility:hidden, up the parents). Where the DOM cannot tell (jsdom), not under a `hidden` attribute. */
export const displayed: IsShown = (element) => (typeof element.checkVisibility === 'function' ? element.checkVisibility() : !element.closest('[hidden]'));

/**
 * An element's name, and whether a person sees the element: asked only of the names a page
 * looks for, since that test costs a style or layout lookup per element of a long page.
 */
export interface Named {
  readonly words: Words;
  shown(): boolean;
}

/** What a person sees on a document, each read once and only when a sign asks for it. */
export interface Sightings {
  titles(): readonly Words[];
  buttons(): readonly Named[];
  labels(): readonly Named[];
  text(): Words;
}

const titleSelector = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend, caption';
const buttonSelector =
  'button, input[type="submit"], input[type="button"], input[type="reset"], a[href], [role="button"], [role="link"], [role="tab"], [role="menuitem"]';
const fieldSelector =
  'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea, [role="combobox"], [role="textbox"], [role="checkbox"], [role="radio"], [role="listbox"]';

function once<T>(read: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: read() }).v;
}

const modalSelector = '[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]';

/**
 * An open modal dialog: a person sees it and nothing of the page behind. A non-modal one (a
 * cookie banner opened with show()) leaves the page in view. `:modal` is not known everywhere (jsdom).
 */
function openDialog(doc: Document, isShown: IsShown): Element | null {
  let dialogs: Element[];
  try {
    dialogs = Array.from(doc.querySelectorAll(`${modalSelector}, dialog:modal`));
  } catch {
    dialogs = Array.from(doc.querySelectorAll(modalSelector));
  }
  return dialogs.filter(isShown).at(-1) ?? null;
}

/** Where no text is shown: scripts, styles, templates, and what the page hides by attribute. */
const unseen = 'script, style, template, noscript, [hidden]';

/**
 * The text a person can read in `root`, without scripts' source nor hidden blocks (validation
 * messages waiting to show). The unseen blocks are found by one selector query, and the walk,
 * native and without a filter (a callback per node cost more than the rest of the recognition
 * on a long page), meets them in the same document order: it steps over each one whole.
 */
function readableText(root: Node & ParentNode): string {
  const doc = root.ownerDocument ?? (root as Document);
  const skipped = root.querySelectorAll(unseen);
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */ | 4 /* SHOW_TEXT */);
  const parts: string[] = [];
  let next = 0;
  let node = walker.nextNode();
  while (node) {
    if (node !== skipped[next]) {
      if (node.nodeType === 3 /* TEXT_NODE */) parts.push(node.nodeValue ?? '');
      node = walker.nextNode();
      continue;
    }
    // The unseen blocks inside this one are stepped over with it.
    while (next < skipped.length && node.contains(skipped[next]!)) next++;
    node = walker.nextSibling();
    while (!node && walker.parentNode()) node = walker.nextSibling();
  }
  return parts.join(' ');
}

export function readSightings(doc: Document, isShown: IsShown = displayed): Sightings {
  const dialog = openDialog(doc, isShown);
  const scope: ParentNode = dialog ?? doc;
  const shown = (selector: string) => Array.from(scope.querySelectorAll(selector)).filter(isShown);
  // A long form repeats its labels (one « Nom » per row): each text's words are read once.
  const wordsOfName = new Map<string, Words>();
  const named = (elements: Element[]): Named[] => {
    const context = createNameContext(scope, elements);
    return elements.flatMap((element) => {
      const name = accessibleLabel(element, context);
      let read = wordsOfName.get(name);
      if (!read) wordsOfName.set(name, (read = words(name)));
      return read.list.length > 0 ? [{ words: read, shown: once(() => isShown(element)) }] : [];
    });
  };
  return {
    titles: once(() => {
      const titles = shown(titleSelector).map((element) => words(element.textContent ?? ''));
      // Behind a dialog the tab's title names the page underneath: only the dialog's own name counts.
      if (dialog) titles.push(...named([dialog]).map((name) => name.words));
      else titles.push(words(doc.title));
      return titles;
    }),
    buttons: once(() => named(Array.from(scope.querySelectorAll(buttonSelector)))),
    labels: once(() => named(Array.from(scope.querySelectorAll(fieldSelector)))),
    text: once(() => {
      const root = dialog ?? doc.body;
      return words(root ? readableText(root) : '');
    }),
  };
}

/** How much a sign weighs: a title names the page, a text describes it, a label or a button is one detail among many. */
const weights = { title: 3, text: 2, button: 1, label: 1 } as const;

interface Evidence {
  /** Weight of the page's signs seen on the document. */
  seen: number;
  /** Weight of all its signs. */
  total: number;
  titled: boolean;
}

/**
 * The words of a sign's or a label's phrasings, read once per phrasing: the knowledge base's
 * wording is fixed and small, while every page load and DOM change compares it again.
 */
const wordsOfSigns = new Map<string, Words>();
function wanted(phrasings: Phrasings): Words[] {
  return phrasingsOf(phrasings).map((phrasing) => {
    let read = wordsOfSigns.get(phrasing);
    if (!read) wordsOfSigns.set(phrasing, (read = words(phrasing)));
    return read;
  });
}

function signSeen(sign: Sign, seen: Sightings): { weight: number; found: boolean; title: boolean } {
  if ('title' in sign) {
    const phrasings = wanted(sign.title);
    return { weight: weights.title, title: true, found: seen.titles().some((title) => phrasings.some((phrasing) => containsWords(title, phrasing))) };
  }
  if ('text' in sign) {
    return { weight: weights.text, title: false, found: wanted(sign.text).some((phrasing) => containsWords(seen.text(), phrasing)) };
  }
  const phrasings = wanted(sign.button);
  return {
    weight: weights.button,
    title: false,
    found: seen.buttons().some((button) => phrasings.some((phrasing) => containsWords(button.words, phrasing)) && button.shown()),
  };
}

/** A field or click target's label, read as a person reads the field's (or button's) name. */
function labelSeen(locator: Locator, names: () => readonly Named[]): boolean {
  if (!locator.label) return false;
  const phrasings = wanted(locator.label);
  return names().some((name) => phrasings.some((phrasing) => sameWords(phrasing, name.words)) && name.shown());
}

export function evidenceFor(page: PageSigns, seen: Sightings): Evidence {
  const evidence: Evidence = { seen: 0, total: 0, titled: false };
  for (const sign of page.shows) {
    const { weight, found, title } = signSeen(sign, seen);
    evidence.total += weight;
    if (found) {
      evidence.seen += weight;
      evidence.titled ||= title;
    }
  }
  for (const rule of page.fields)
    if (rule.match.label) {
      evidence.total += weights.label;
      if (labelSeen(rule.match, seen.labels)) evidence.seen += weights.label;
    }
  for (const target of page.clickNext)
    if (target.match.label) {
      evidence.total += weights.button;
      if (labelSeen(target.match, seen.buttons) || labelSeen(target.match, seen.labels)) evidence.seen += weights.button;
    }
  return evidence;
}

/**
 * A page is a candidate when at least half of its signs' weight is seen, with its title or
 * two signs at least (one shared label is not a page). The most seen weight wins (a form that
 * extends another is the larger one), then the larger share of the page's signs, then a URL
 * that fits the page's known path and query. A tie on all three recognises nothing.
 */
export function recognise<P extends PageSigns>(pages: readonly P[], url: URL, seen: Sightings): P | null {
  const ranked = pages
    .map((page) => {
      const evidence = evidenceFor(page, seen);
      return { page, evidence, share: evidence.total > 0 ? evidence.seen / evidence.total : 0, fits: urlFitsPage(url, page) ? 1 : 0 };
    })
    .filter(({ evidence, share }) => share >= 0.5 && (evidence.titled || evidence.seen >= 2))
    .sort((a, b) => b.evidence.seen - a.evidence.seen || b.share - a.share || b.fits - a.fits);
  const [best, second] = ranked;
  if (!best) return null;
  if (second && second.evidence.seen === best.evidence.seen && second.share === best.share && second.fits === best.fits) return null;
  return best.page;
}
