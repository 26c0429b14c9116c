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
import type { Phrasings, Sign } from './schema';
import { containsWords, distinctRunsOfFolded, folded, gluedWordsOfFolded, sameWords, words, wordsFromList, type Words } from './words';

/** Whether a person can see an element (layout in a browser; tests may pass their own). */
export type IsShown = (element: Element) => boolean;

/** Not displayed (display:none, content-visibility:hidden, up the parents). Where the DOM cannot tell (jsdom), not under a `hidden` attribute. */
export const displayed: IsShown = (element) => (typeof element.checkVisibility === 'function' ? element.checkVisibility() : !element.closest('[hidden]'));

/**
 * A name, and whether a person sees some element bearing it: asked only of the names a page
 * looks for, since that test costs a style or layout lookup per element of a long page.
 */
export interface Named {
  readonly words: Words;
  shown(): boolean;
}

/** What a person sees on a document, each read once and only when a sign asks for it. */
export interface Sightings {
  titles(): readonly Named[];
  buttons(): readonly Named[];
  labels(): readonly Named[];
  text(): Words;
  /**
   * Whether some field or button of the document may be named so: false when the words are
   * nowhere in the document's text nor naming attributes. Cheap next to reading every field's
   * name, which a page of 2 000 fields would pay on each load for labels it cannot have.
   */
  mayName(name: Words): boolean;
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
  // Most pages have none: two one-selector queries tell so for a third of the full search's cost on a long page.
  if (!doc.querySelector('[aria-modal="true"]') && !doc.querySelector('dialog[open]')) return null;
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

/**
 * Every text a name can come from (accessibleLabel, ./match.ts): the body's text, hidden parts
 * included (aria-labelledby may point there), and the aria-label and value attributes; lower
 * case, without accents, as words() reads them. Not the head: its title and scripts name no
 * field, and a portal's inline scripts there weigh more than its text.
 */
function readNamingText(doc: Document): { has: (word: string) => boolean; glued: () => string } {
  const texts = [(doc.body ?? doc.documentElement).textContent ?? ''];
  for (const element of Array.from(doc.querySelectorAll('[aria-label], input[value]')))
    texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('value') ?? '');
  const text = texts.join(' ');
  const plain = folded(text);
  const runs = distinctRunsOfFolded(plain);
  // Glued words cost passes over the whole text: only for a name whose words are not all in it plainly.
  return { has: (word) => runs.includes(word), glued: once(() => gluedWordsOfFolded(plain)) };
}

export function readSightings(doc: Document, isShown: IsShown = displayed): Sightings {
  const namingText = once(() => readNamingText(doc));
  const dialog = openDialog(doc, isShown);
  const scope: ParentNode = dialog ?? doc;
  // A long form repeats its labels (one « Nom » per row, a legend per group): each text's words
  // are read once, and each name is compared once, whatever the number of elements bearing it.
  const wordsOfName = new Map<string, Words>();
  const wordsOfText = (text: string) => {
    let read = wordsOfName.get(text);
    if (!read) wordsOfName.set(text, (read = words(text)));
    return read;
  };
  const byName = (elements: readonly Element[], textOf: (element: Element) => string): Named[] => {
    const bearers = new Map<Words, Element[]>();
    for (const element of elements) {
      const read = wordsOfText(textOf(element));
      if (read.list.length > 0) bearers.get(read)?.push(element) ?? bearers.set(read, [element]);
    }
    return Array.from(bearers, ([read, bearing]) => ({ words: read, shown: once(() => bearing.some(isShown)) }));
  };
  const named = (elements: Element[]): Named[] => {
    const context = createNameContext(scope, elements);
    return byName(elements, (element) => accessibleLabel(element, context));
  };
  return {
    titles: once(() => {
      const titles = byName(Array.from(scope.querySelectorAll(titleSelector)), (element) => element.textContent ?? '');
      // Behind a dialog the tab's title names the page underneath: only the dialog's own name counts.
      if (dialog) titles.push(...named([dialog]));
      else titles.push({ words: words(doc.title), shown: () => true });
      return titles;
    }),
    buttons: once(() => named(Array.from(scope.querySelectorAll(buttonSelector)))),
    labels: once(() => named(Array.from(scope.querySelectorAll(fieldSelector)))),
    text: once(() => {
      const root = dialog ?? doc.body;
      return words(root ? readableText(root) : '');
    }),
    mayName: (name) => {
      const { has, glued } = namingText();
      // A name's words are runs of the document's letters (stems are prefixes); glued words
      // (« ProSanteConnect ») are compared with the document's words glued, little words left out.
      return name.list.every(has) || glued().includes(name.glued);
    },
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
/** Phrasing → its words (wordsOf), read at build time: folding and splitting them cost the always-loaded script 1–2 ms per load. */
let readAhead: Readonly<Record<string, readonly string[]>> = {};

/** Hands over the phrasings' words read at build time (./outline.ts), so that they are not read again on each load. */
export function phrasingWordsRead(table: Readonly<Record<string, readonly string[]>>): void {
  readAhead = table;
}

function wanted(phrasings: Phrasings): Words[] {
  return phrasingsOf(phrasings).map((phrasing) => {
    let read = wordsOfSigns.get(phrasing);
    if (!read) {
      const list = Object.hasOwn(readAhead, phrasing) ? readAhead[phrasing] : undefined;
      wordsOfSigns.set(phrasing, (read = list ? wordsFromList(list) : words(phrasing)));
    }
    return read;
  });
}

const signWeight = (sign: Sign) => ('title' in sign ? weights.title : 'text' in sign ? weights.text : weights.button);

function signSeen(sign: Sign, seen: Sightings): boolean {
  if ('title' in sign) {
    const phrasings = wanted(sign.title);
    return seen.titles().some((title) => phrasings.some((phrasing) => containsWords(title.words, phrasing)) && title.shown());
  }
  // A text or a button's name is made of the document's text (mayName): a sign whose words are
  // not in it is not read for, since the readable text and the buttons' names cost a walk of a long page.
  if ('text' in sign) return wanted(sign.text).some((phrasing) => seen.mayName(phrasing) && containsWords(seen.text(), phrasing));
  const phrasings = wanted(sign.button).filter((phrasing) => seen.mayName(phrasing));
  return phrasings.length > 0 && seen.buttons().some((button) => phrasings.some((phrasing) => containsWords(button.words, phrasing)) && button.shown());
}

/** The phrasings of a label that some field or button of the document may bear (Sightings.mayName). */
const possible = (label: Phrasings, seen: Sightings): Words[] => wanted(label).filter((phrasing) => seen.mayName(phrasing));

/** A field or click target's label, read as a person reads the field's (or button's) name. */
function labelSeen(phrasings: readonly Words[], names: () => readonly Named[]): boolean {
  return phrasings.length > 0 && names().some((name) => phrasings.some((phrasing) => sameWords(phrasing, name.words)) && name.shown());
}

/** At least half of the page's signs' weight seen, with its title or two signs at least (see recognise). */
const isCandidate = (seen: number, total: number, titled: boolean) => total > 0 && seen / total >= 0.5 && (titled || seen >= 2);

export function evidenceFor(page: PageSigns, seen: Sightings): Evidence {
  return weigh(page, seen, false)!;
}

/**
 * The page's evidence; with `candidatesOnly`, null for a page that cannot be a candidate even
 * if every label the document may bear were seen: its fields' names are then never read.
 */
function weigh(page: PageSigns, seen: Sightings, candidatesOnly: boolean): Evidence | null {
  const labelled = [
    ...page.fields.flatMap((rule) => (rule.match.label ? [{ label: rule.match.label, weight: weights.label, button: false }] : [])),
    ...page.clickNext.flatMap((target) => (target.match.label ? [{ label: target.match.label, weight: weights.button, button: true }] : [])),
  ];
  const labelWeight = labelled.reduce((sum, { weight }) => sum + weight, 0);
  const signsWeight = (signs: readonly Sign[]) => signs.reduce((sum, sign) => sum + signWeight(sign), 0);
  const evidence: Evidence = { seen: 0, total: signsWeight(page.shows) + labelWeight, titled: false };
  // Titles first: a page has few, while a text or a button sign reads the whole document's
  // naming text (mayName), which a page whose missing title already rules it out need not pay.
  for (const sign of page.shows)
    if ('title' in sign && signSeen(sign, seen)) {
      evidence.seen += weights.title;
      evidence.titled = true;
    }
  const others = page.shows.filter((sign) => !('title' in sign));
  if (candidatesOnly && !isCandidate(evidence.seen + signsWeight(others) + labelWeight, evidence.total, evidence.titled)) return null;
  for (const sign of others) if (signSeen(sign, seen)) evidence.seen += signWeight(sign);
  // The bound without reading the document's naming text first: most pages of a portal fail it already.
  if (candidatesOnly && !isCandidate(evidence.seen + labelWeight, evidence.total, evidence.titled)) return null;
  const checks = labelled.map((target) => ({ ...target, phrasings: possible(target.label, seen) }));
  if (candidatesOnly) {
    const reachable = evidence.seen + checks.reduce((sum, check) => sum + (check.phrasings.length > 0 ? check.weight : 0), 0);
    if (!isCandidate(reachable, evidence.total, evidence.titled)) return null;
  }
  for (const { phrasings, weight, button } of checks)
    if ((button && labelSeen(phrasings, seen.buttons)) || labelSeen(phrasings, seen.labels)) evidence.seen += weight;
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
    .flatMap((page) => {
      const evidence = weigh(page, seen, true);
      return evidence ? [{ page, evidence, share: evidence.seen / evidence.total, fits: urlFitsPage(url, page) ? 1 : 0 }] : [];
    })
    .filter(({ evidence }) => isCandidate(evidence.seen, evidence.total, evidence.titled))
    .sort((a, b) => b.evidence.seen - a.evidence.seen || b.share - a.share || b.fits - a.fits);
  const [best, second] = ranked;
  if (!best) return null;
  if (second && second.evidence.seen === best.evidence.seen && second.share === best.share && second.fits === best.fits) return null;
  return best.page;
}
