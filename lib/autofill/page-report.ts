/**
 * « Décrire cette page »: a plain-text description of a portal page for the people who maintain
 * Balise (or the DSI), shown to the user before anything is copied (issue 13, « Page non
 * reconnue »). What a page is made of — its URL without query values, title, headings, each
 * field's tag, type, name, id, label, autocomplete and how Balise classified it, its buttons —
 * and never what anyone typed or chose: no field value, no selected option, no textarea content,
 * no checkbox state, no profile data. A select gives its number of options only.
 *
 * Values are kept out by construction (nothing here reads `.value`, `.checked` or a selected
 * option, labels are read without select and textarea contents), and then once more: every
 * value the page's fields hold, and the values Balise would write (`privateValues`), is cut out
 * of the finished text wherever the page's own text repeats it (a label that points at a
 * contenteditable, a heading a script fills with what is typed).
 *
 * Pure: the document, the autofill's reading of its fields (engine.ts analysePage) and the
 * recognised page come in as parameters.
 */
import { createNameContext, textOf } from '../dom/accessible-name';
import { findPortal, type PageMatch } from '../portals/index';
import { parseUrl } from '../portals/lookup';
import { accessibleLabel } from '../portals/match';
import { displayed, type IsShown } from '../portals/recognise';
import type { Sites } from '../portals/sites';
import type { PlanField } from './plan';

export interface PageReportInput {
  url: string;
  doc: Document;
  /** The autofill's reading of the page's fields (PageAnalysis.fields). */
  fields: readonly PlanField[];
  /** The page Balise recognised, or null. */
  match: PageMatch | null;
  /** Balise's version (the manifest's). */
  version: string;
  /** Values that must never show, whatever the page's text says (the fill preview's values: profile data). */
  privateValues?: readonly string[];
  /** The sites the user switched Balise on for (../portals/sites.ts): their portal is named too. */
  sites?: Sites;
  isShown?: IsShown;
}

/** Page texts (headings, labels, buttons) are clipped to this many characters. */
export const maxTextLength = 120;
/** Buttons and links listed at most; the rest are counted. */
const maxListed = 60;
/** Values shorter than this are not cut out of the text (« M », « 31 » would cut words of the page's own structure). */
const minPrivateLength = 3;
export const cut = '…';

const headingSelector = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend, caption';
// A button that opens a list or a menu shows what is chosen or who is signed in (« Dr … »): its text is data.
const buttonSelector =
  'button:not([aria-haspopup]), input[type="submit"], input[type="button"], input[type="reset"], input[type="image"], [role="button"]:not([aria-haspopup]), [role="tab"], [role="menuitem"]';
/** Rows of a table or grid are the portal's data (messages, people, establishments): their buttons are left out, and links everywhere. */
const dataRows = 'table, [role="grid"], [role="treegrid"]';
/** Open modal dialogs: recognition reads their name as the title of what a person sees (lib/portals/recognise.ts). */
const dialogSelector = '[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"], dialog[open]';

export function clip(text: string, max = maxTextLength): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}${cut}` : clean;
}

/** A URL part that looks like data rather than a route: a number of 4 digits or more, an e-mail, a token. */
export function looksLikeData(part: string): boolean {
  let text = part;
  try {
    text = decodeURIComponent(part);
  } catch {
    // Malformed escapes: judge the raw text.
  }
  return /\d{4,}/.test(text) || text.includes('@') || /\s/.test(text) || (text.length >= 20 && /\d/.test(text)) || /^[0-9a-f-]{16,}$/i.test(text);
}

/** `a=1&b=2` → `a=…&b=…`: the parameters' names, never their values. */
function namesOnly(query: string): string {
  const names = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      return looksLikeData(name) ? cut : `${name}=${cut}`;
    });
  return names.join('&');
}

/** A path's segments, those that look like data cut out; `;jsessionid=…` matrix values too. */
function cleanPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const [head = '', ...params] = segment.split(';');
      const kept = looksLikeData(head) ? cut : head;
      return [kept, ...params.map((param) => `${param.split('=')[0] ?? ''}=${cut}`)].join(';');
    })
    .join('/');
}

/** A hash route (`#/compte/creation`, `#!/compte`) is kept, its data-looking parts cut; `#a=1` keeps names; an anchor stays when it is a plain word. */
function cleanHash(hash: string): string {
  if (hash === '' || hash === '#') return '';
  const body = hash.slice(1);
  const route = /^(!?)(\/[^?]*)(?:\?(.*))?$/.exec(body);
  if (route) return `#${route[1]}${cleanPath(route[2] ?? '')}${route[3] ? `?${namesOnly(route[3])}` : ''}`;
  if (body.includes('=')) return `#${namesOnly(body)}`;
  return /^[A-Za-z][\w-]{0,40}$/.test(body) && !looksLikeData(body) ? hash : `#${cut}`;
}

/** The URL without query values, user name or password, nor data in its path or hash. */
export function reportUrl(raw: string): string {
  const url = parseUrl(raw);
  if (!url) return cut;
  const query = url.search.length > 1 ? `?${namesOnly(url.search.slice(1))}` : '';
  return `${url.protocol}//${url.host}${cleanPath(url.pathname)}${query}${cleanHash(url.hash)}`;
}

/** What a field holds now: what must never be written. Text of a contenteditable or ARIA textbox is its value. */
function heldValues(element: HTMLElement): string[] {
  const values: string[] = [];
  switch (element.localName) {
    case 'input': {
      const input = element as HTMLInputElement;
      // A box's or a radio's value attribute is the page's own; what it holds is its state, never read.
      if (input.type !== 'checkbox' && input.type !== 'radio') values.push(input.value);
      break;
    }
    case 'textarea':
      values.push((element as HTMLTextAreaElement).value);
      break;
    case 'select':
      for (const option of Array.from((element as HTMLSelectElement).selectedOptions)) values.push(option.text, option.value);
      break;
    default:
      values.push(element.textContent ?? '');
  }
  return values;
}

/** Cuts every private value out of the text, whatever its case; the longest first, so that a value inside another goes with it. */
export function withoutValues(text: string, values: Iterable<string>): string {
  const wanted = [...new Set(Array.from(values, (value) => value.replace(/\s+/g, ' ').trim()).filter((value) => value.length >= minPrivateLength))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const value of wanted) {
    const pattern = new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'gi');
    out = out.replace(pattern, cut);
  }
  return out;
}

const quoted = (text: string) => (text ? `« ${clip(text)} »` : '(aucun)');
const attribute = (name: string, value: string) => (value ? ` ${name}="${clip(value, 80)}"` : '');

function headingLevel(element: Element): string {
  if (/^h[1-6]$/.test(element.localName)) return element.localName;
  if (element.getAttribute('role') === 'heading') return `h${element.getAttribute('aria-level') ?? '2'} (role=heading)`;
  return element.localName;
}

function fieldLines(field: PlanField, index: number, label: string, shown: boolean): string[] {
  const { element, control } = field.field;
  const type = element.localName === 'input' ? (element as HTMLInputElement).type : control === 'combobox' || control === 'textbox' ? `role=${control}` : '';
  const options = element.localName === 'select' ? ` options: ${(element as HTMLSelectElement).options.length}` : '';
  const head = `${index + 1}. ${element.localName}${type ? ` type=${type}` : ''}${attribute('name', field.field.name)}${attribute('id', field.field.id)}${attribute(
    'autocomplete',
    field.field.autocomplete,
  )}${options}${shown ? '' : ' (non affiché)'}${field.field.disabled ? ' (désactivé)' : ''}${field.field.readOnly ? ' (lecture seule)' : ''}`;
  const classified = field.classification
    ? `${field.classification.kind}, confiance ${Math.round(field.classification.confidence * 100)} % (${clip(field.classification.reason)})`
    : 'non classé';
  const lines = [head, `   libellé : ${quoted(label)}`, `   classement Balise : ${classified}`];
  if (field.rule) {
    const flags = [field.rule.leaveEmpty ? 'à laisser vide' : '', field.rule.readOnly ? 'verrouillé par le portail' : ''].filter(Boolean);
    lines.push(`   règle du portail : ${field.rule.kind ?? 'explication seulement'}${flags.length ? ` (${flags.join(', ')})` : ''}`);
  }
  return lines;
}

/** A list of page texts, at most `maxListed`, the rest counted. */
function listed(texts: readonly string[]): string[] {
  const lines = texts.slice(0, maxListed).map((text) => `- ${quoted(text)}`);
  if (texts.length > maxListed) lines.push(`- … et ${texts.length - maxListed} autres`);
  return lines;
}

function labelsOf(fields: readonly PlanField[]): string[] {
  // One name context per tree (document, shadow root, frame), as the collector reads them.
  const byRoot = new Map<Node, Element[]>();
  for (const { field } of fields) {
    const root = field.element.getRootNode();
    byRoot.set(root, [...(byRoot.get(root) ?? []), field.element]);
  }
  const contexts = new Map([...byRoot].map(([root, elements]) => [root, createNameContext(root as ParentNode, elements)] as const));
  return fields.map(({ field }) => accessibleLabel(field.element, contexts.get(field.element.getRootNode())));
}

export function describePage({ url, doc, fields, match, version, privateValues = [], sites, isShown = displayed }: PageReportInput): string {
  const portal = match?.portal ?? findPortal(url, sites);
  const headings = Array.from(doc.querySelectorAll(headingSelector)).flatMap((element) => {
    const text = textOf(element);
    return text ? [`- ${headingLevel(element)} ${quoted(text)}${isShown(element) ? '' : ' (non affiché)'}`] : [];
  });
  const named = (selector: string, keep: (element: Element) => boolean = () => true) => {
    const elements = Array.from(doc.querySelectorAll(selector)).filter(keep);
    const context = createNameContext(doc, elements);
    return elements.map((element) => accessibleLabel(element, context)).filter(Boolean);
  };
  const labels = labelsOf(fields);
  const dialogs = Array.from(doc.querySelectorAll(dialogSelector)).filter(isShown);
  const dialogContext = createNameContext(doc, dialogs);
  const dialogNames = dialogs.map((dialog) => `- ${dialog.getAttribute('role') ?? dialog.localName} ${quoted(accessibleLabel(dialog, dialogContext))}`);

  const lines = [
    `Description de page — Balise ${version}`,
    `URL : ${reportUrl(url)}`,
    `Titre du document : ${quoted(doc.title)}`,
    `Portail : ${portal ? portal.id : 'aucun'}`,
    `Page reconnue : ${match ? match.page.id : 'aucune (page non reconnue)'}`,
    '',
    ...(dialogNames.length > 0 ? [`Dialogues ouverts (${dialogNames.length}) :`, ...dialogNames, ''] : []),
    `Titres et légendes (${headings.length}) :`,
    ...headings,
    '',
    `Champs (${fields.length}) :`,
    ...fields.flatMap((field, i) => fieldLines(field, i, labels[i] ?? '', isShown(field.field.element))),
    '',
  ];
  const buttons = named(buttonSelector, (element) => !element.closest(dataRows));
  lines.push(`Boutons (${buttons.length}) :`, ...listed(buttons), '');
  // Links are not described: their texts are what the portal lists (message subjects, names).
  lines.push('Aucune valeur saisie ni donnée du profil ne figure dans cette description.');

  const values = [...privateValues, ...fields.flatMap(({ field }) => heldValues(field.element))];
  return withoutValues(lines.join('\n'), values);
}
