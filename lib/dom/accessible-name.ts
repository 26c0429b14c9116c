/**
 * The pieces of text that name a field, read without layout (textContent, never innerText:
 * the collector runs on pages with 20 000 fields). Maps are built once per document or
 * shadow root by `createNameContext`, then each field asks `readNameParts`. Every reading
 * looks at a bounded neighbourhood of the field (a few siblings, a few ancestors), so that a
 * page's names cost O(fields).
 */

export type NameSource =
  | 'labelledBy'
  | 'ariaLabel'
  | 'labelFor'
  | 'wrappingLabel'
  | 'title'
  | 'previousText'
  | 'nextText'
  | 'rowCell'
  | 'columnHeader'
  | 'legend'
  | 'heading'
  | 'help';

/**
 * `nextText`: the text right after a field nothing names before it (CSS floating labels:
 * `<input><label>Nom</label>`). `heading`: the h2–h6 that opens the field's section, context
 * like a legend. `help`: the sentences among the elements aria-labelledby names (« Tel qu'il
 * figure sur votre pièce d'identité. »): they qualify the name, they are not it.
 */
export interface NamePart {
  source: NameSource;
  text: string;
}

/** What a real label or ARIA attribute says: when present, neighbouring text is noise. */
export const explicitSources: ReadonlySet<NameSource> = new Set(['labelledBy', 'ariaLabel', 'labelFor', 'wrappingLabel']);

export interface NameContext {
  readonly fields: ReadonlySet<Element>;
  /** label[for] → field, resolved once; `null` = the id names nothing (a mismatched id). */
  readonly labelTargets: Map<Element, Element | null>;
  readonly labelsOf: Map<Element, Element[]>;
  readonly groupText: Map<Element, string[]>;
  readonly columnHeaders: Map<Element, { row: Element | undefined; headers: string[] }>;
  /** Container → whether its texts follow their fields (see labelsFollowFields). */
  readonly labelsFollow: Map<Element, boolean>;
  /** Field → the heading of its section, computed once for all fields on first use. */
  headings: Map<Element, string> | null;
  readonly fieldList: readonly Element[];
  /** For the fields of an open shadow root: its host and the context the host is read in. */
  readonly host?: { element: Element; context: NameContext };
  /** The host's name parts, read once for all the fields of its shadow root. */
  hostParts: NamePart[] | null;
}

const maxText = 200;
const skippedInText = 'select, textarea, script, style, template';
/** Elements textOf must walk: the skipped ones, and slots whose text lives in the host's light DOM. */
const walkedInText = `${skippedInText}, slot`;
export const nativeField = 'input:not([type=hidden]), select, textarea';

function clean(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > maxText ? collapsed.slice(0, maxText) : collapsed;
}

/** Text of an element without the options of a select or the content of a textarea. */
export function textOf(element: Element): string {
  if (element.localName !== 'slot' && !element.querySelector(walkedInText)) return clean(element.textContent ?? '');
  let text = '';
  const visitNode = (node: Node): void => {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !(node as Element).matches(skippedInText)) visit(node as Element);
  };
  const visit = (node: Element): void => {
    // A web component's label is often a <slot>: its text is what the page puts in it, else its fallback.
    const assigned = node.localName === 'slot' ? (node as HTMLSlotElement).assignedNodes({ flatten: true }) : [];
    if (assigned.length > 0) assigned.forEach(visitNode);
    else for (let child = node.firstChild; child; child = child.nextSibling) visitNode(child);
  };
  visit(element);
  return clean(text);
}

function byId(scope: Node, id: string): Element | null {
  const root = scope.getRootNode();
  return 'getElementById' in root ? (root as Document | ShadowRoot).getElementById(id) : null;
}

/**
 * Resolves every label[for] of a root against the fields found in it. Duplicate ids (a
 * block pasted twice) go to the nearest following field with that id, as a reader would
 * pair them; ids naming nothing leave an "orphan" label that neighbouring text may use.
 */
export function createNameContext(root: ParentNode, fields: readonly Element[], host?: NameContext['host']): NameContext {
  const fieldsById = new Map<string, Element[]>();
  for (const field of fields) {
    if (!field.id) continue;
    const same = fieldsById.get(field.id);
    if (same) same.push(field);
    else fieldsById.set(field.id, [field]);
  }
  const labelTargets = new Map<Element, Element | null>();
  const labelsOf = new Map<Element, Element[]>();
  for (const label of Array.from(root.querySelectorAll('label[for]'))) {
    const id = label.getAttribute('for') ?? '';
    const candidates = fieldsById.get(id);
    let target: Element | null;
    if (!candidates) target = byId(label, id);
    else if (candidates.length === 1) target = candidates[0] ?? null;
    else
      target =
        candidates.find((c) => label.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ??
        candidates[candidates.length - 1] ??
        null;
    labelTargets.set(label, target);
    if (target && candidates) {
      const list = labelsOf.get(target);
      if (list) list.push(label);
      else labelsOf.set(target, [label]);
    }
  }
  return { fields: new Set(fields), fieldList: fields, labelTargets, labelsOf, groupText: new Map(), columnHeaders: new Map(), labelsFollow: new Map(), headings: null, host, hostParts: null };
}

/** The texts of the elements an id-reference attribute (aria-labelledby, aria-describedby) names, in its order. */
function idrefTexts(element: Element, attribute: 'aria-labelledby' | 'aria-describedby'): string[] {
  const ids = element.getAttribute(attribute);
  if (!ids) return [];
  const texts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const target = id ? byId(element, id) : null;
    const text = target ? textOf(target) : '';
    if (text) texts.push(text);
  }
  return texts;
}

const idrefText = (element: Element, attribute: 'aria-labelledby' | 'aria-describedby'): string => clean(idrefTexts(element, attribute).join(' '));

/**
 * A sentence (it ends with . ! ?) or a long text is help, not a name: a name is a few words,
 * « Nom de naissance * », « N° FINESS ».
 */
const maxNameWords = 8;
const isHelpText = (text: string): boolean => /[.!?…]$/.test(text) || text.split(' ').length > maxNameWords;

/**
 * aria-labelledby split into the name and the help it also names (RGAA survey markup:
 * `aria-labelledby="label-id help-id"`). With only help, the help is the name.
 */
function labelledBy(element: Element): { name: string; help: string } {
  const texts = idrefTexts(element, 'aria-labelledby');
  if (texts.length < 2) return { name: clean(texts.join(' ')), help: '' };
  const names = texts.filter((text) => !isHelpText(text));
  if (names.length === 0) return { name: clean(texts.join(' ')), help: '' };
  return { name: clean(names.join(' ')), help: clean(texts.filter(isHelpText).join(' ')) };
}


function wrappingLabel(element: Element): Element | null {
  const label = element.parentElement?.closest('label');
  if (!label) return null;
  // A label with `for` names the control it points to, not the one it wraps.
  const htmlFor = label.getAttribute('for');
  return htmlFor === null || htmlFor === element.id ? label : null;
}

function containsField(element: Element, context: NameContext): boolean {
  return context.fields.has(element) || element.querySelector(nativeField) !== null;
}

/** Where the neighbourhood of a field ends: text beyond belongs to other fields. */
const neighbourhoodEnd = 'td, th, form, fieldset, body, li';
const silent = 'script, style, template, br, input[type=hidden]';

/** Whether a node shows something: non-blank text, or an element other than scripts, breaks, hidden inputs. */
function isContent(node: Node): boolean {
  if (node.nodeType === 3) return (node.nodeValue ?? '').trim() !== '';
  return node.nodeType === 1 && !(node as Element).matches(silent);
}

function hasContentBefore(node: Node): boolean {
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) if (isContent(sibling)) return true;
  return false;
}

function hasContentAfter(node: Node): boolean {
  for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) if (isContent(sibling)) return true;
  return false;
}

/**
 * Whether a container opens with a field (or its bare wrapper) then a text (not a button, not another field's
 * label[for]): there each text follows its field (CSS floating labels,
 * `<input><label>Nom</label><input><label>Prénom</label>`) and names the field before it.
 */
/** A wrapper holding nothing but a field (`<span class="ctl"><input></span>`), two levels at most. */
function isBareWrapper(element: Element, context: NameContext, depth: number): boolean {
  let found = false;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (!isContent(child)) continue;
    if (found || child.nodeType !== 1) return false;
    const inner = child as Element;
    if (!context.fields.has(inner) && !(depth < 1 && isBareWrapper(inner, context, depth + 1))) return false;
    found = true;
  }
  return found;
}

function labelsFollowFields(parent: Element, context: NameContext): boolean {
  let follow = context.labelsFollow.get(parent);
  if (follow === undefined) context.labelsFollow.set(parent, (follow = opensWithFieldThenText(parent, context)));
  return follow;
}

function opensWithFieldThenText(parent: Element, context: NameContext): boolean {
  let seen = 0;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (!isContent(child)) continue;
    if (child.nodeType === 3) return seen === 1;
    const element = child as Element;
    if (seen === 0) {
      if (!context.fields.has(element) && !isBareWrapper(element, context, 0)) return false;
      seen = 1;
      continue;
    }
    return !element.matches('button') && !containsField(element, context) && !context.labelTargets.get(element);
  }
  return false;
}

/**
 * The first text among the next `max` element siblings of `from`, one way: a bare text node or an
 * element's text; '' where a field or another field's label stands first (nothing of theirs names
 * `element`); null when the siblings run out.
 */
function siblingText(from: Element, way: 'previousSibling' | 'nextSibling', max: number, skip: string, element: Element, context: NameContext): string | null {
  let steps = 0;
  for (let sibling = from[way]; sibling && steps < max; sibling = sibling[way]) {
    if (sibling.nodeType === 3) {
      const text = clean(sibling.nodeValue ?? '');
      if (text) return text;
      continue;
    }
    if (sibling.nodeType !== 1) continue;
    steps++;
    const other = sibling as Element;
    if (other.matches(skip)) continue;
    if (containsField(other, context)) return '';
    const target = context.labelTargets.get(other);
    if (target && target !== element) return '';
    const text = textOf(other);
    if (text) return text;
  }
  return null;
}

/** Text just before the field: a bare text node, a span, an orphan label (for= naming nothing). */
function previousText(element: Element, context: NameContext): string {
  const parent = element.parentElement;
  if (parent && hasContentBefore(element) && labelsFollowFields(parent, context)) return '';
  let node: Element | null = element;
  for (let depth = 0; depth < 3 && node; depth++) {
    const found = siblingText(node, 'previousSibling', 4, 'script, style, template, br', element, context);
    if (found !== null) return found;
    node = node.parentElement;
    if (!node || node.matches(neighbourhoodEnd)) break;
  }
  return '';
}

/**
 * Text just after a field nothing names before it: the label of CSS floating labels
 * (`<div><input placeholder=" "><label>Nom</label></div>`, no for=), out of the wrappers the
 * field alone fills. Never another field's label, nor a button's text.
 */
function nextText(element: Element, context: NameContext): string {
  let box = element;
  for (let depth = 0; depth < 2; depth++) {
    const parent = box.parentElement;
    if (!parent || parent.matches(neighbourhoodEnd) || hasContentBefore(box) || hasContentAfter(box)) break;
    box = parent;
  }
  const parent = box.parentElement;
  if (hasContentBefore(box) && !(parent && labelsFollowFields(parent, context))) return '';
  return siblingText(box, 'nextSibling', 3, `${silent}, button`, element, context) ?? '';
}

/** A header row: th cells, and the empty corner cell tables often have. */
const isHeaderRow = (cells: readonly HTMLTableCellElement[]): boolean =>
  cells.some((cell) => cell.localName === 'th') &&
  cells.every((cell) => cell.localName === 'th' || (cell.childElementCount === 0 && (cell.textContent ?? '').trim() === ''));

/** Column position of each cell of a row, colspans counted. */
function columnStarts(row: HTMLTableRowElement): number[] {
  const starts: number[] = [];
  let column = 0;
  for (const cell of Array.from(row.cells)) {
    starts.push(column);
    column += Math.max(1, cell.colSpan);
  }
  return starts;
}

/** The header row of a table (thead, or a first row of th) and the text over each column. */
function columnHeaders(table: Element, context: NameContext): { row: Element | undefined; headers: string[] } {
  const cached = context.columnHeaders.get(table);
  if (cached) return cached;
  const htmlTable = table as HTMLTableElement;
  const row = htmlTable.tHead?.rows[0] ?? htmlTable.rows[0];
  const cells = row ? Array.from(row.cells) : [];
  const headers: string[] = [];
  if (row && isHeaderRow(cells)) {
    const starts = columnStarts(row);
    cells.forEach((cell, index) => {
      const text = textOf(cell);
      for (let span = 0; span < Math.max(1, cell.colSpan); span++) headers[(starts[index] ?? 0) + span] = text;
    });
  }
  const found = { row: headers.length > 0 ? row : undefined, headers };
  context.columnHeaders.set(table, found);
  return found;
}

/** The table cell a field sits in, when that cell is in a row. */
function tableCell(element: Element): HTMLTableCellElement | null {
  const cell = element.closest('td, th') as HTMLTableCellElement | null;
  return cell?.parentElement?.localName === 'tr' ? cell : null;
}

/** The row's name for a field in `cell`: the nearest cell before with text, or the row header, past the other fields of the row. */
function rowCellText(cell: HTMLTableCellElement, context: NameContext): string {
  let rowName = '';
  for (let previous = cell.previousElementSibling, steps = 0; previous && steps < 2 && !rowName; previous = previous.previousElementSibling, steps++) {
    if (containsField(previous, context)) break;
    rowName = textOf(previous);
  }
  const header = (cell.parentElement as HTMLTableRowElement).cells[0];
  if (!rowName && header && header !== cell && !containsField(header, context)) rowName = textOf(header);
  return rowName;
}

/**
 * The row's name (the nearest cell before with text, or the row header: a th or the first
 * cell, past the other fields of the row) and the column's header.
 */
function tableParts(element: Element, context: NameContext): NamePart[] {
  const cell = tableCell(element);
  if (!cell) return [];
  const row = cell.parentElement as HTMLTableRowElement;
  const parts: NamePart[] = [];
  const rowName = rowCellText(cell, context);
  if (rowName) parts.push({ source: 'rowCell', text: rowName });
  const table = row.closest('table');
  if (table) {
    const { row: headerRow, headers } = columnHeaders(table, context);
    const column = headerRow === row ? undefined : headers[columnStarts(row)[cell.cellIndex] ?? -1];
    if (column) parts.push({ source: 'columnHeader', text: column });
  }
  return parts;
}

/**
 * Legends (or ARIA names) of the enclosing fieldsets / groups, innermost first: context such
 * as « Adresse » inside « Représentant légal ». Cached per group.
 */
function groupTexts(element: Element, context: NameContext): string[] {
  const group = element.parentElement?.closest('fieldset, [role=group], [role=radiogroup]');
  if (!group) return [];
  const cached = context.groupText.get(group);
  if (cached) return cached;
  let text = '';
  for (const child of Array.from(group.children)) {
    if (child.localName === 'legend') {
      text = textOf(child);
      break;
    }
  }
  if (!text) text = clean(group.getAttribute('aria-label') ?? '') || idrefText(group, 'aria-labelledby');
  const texts = text ? [text, ...groupTexts(group, context)] : groupTexts(group, context);
  context.groupText.set(group, texts);
  return texts;
}

/** Section headings; h1 is the page's title, not a section's. */
const sectionHeading = 'h2, h3, h4, h5, h6, [role=heading]';

/**
 * Each field's section heading: the last h2–h6 before it whose section holds it (the heading's
 * container, out of wrappers the heading alone fills). One merge of the headings and the
 * fields, both in document order.
 */
function sectionHeadings(context: NameContext): Map<Element, string> {
  const found = new Map<Element, string>();
  const first = context.fieldList[0];
  if (!first) return found;
  const headings = Array.from((first.getRootNode() as Document | ShadowRoot).querySelectorAll(sectionHeading)).filter(
    (heading) => heading.getAttribute('aria-level') !== '1',
  );
  if (headings.length === 0) return found;
  const scopes = new Map<Element, { scope: Element | null; text: string }>();
  let next = 0;
  let current: Element | undefined;
  for (const field of context.fieldList) {
    while (next < headings.length && (headings[next] as Element).compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING)
      current = headings[next++];
    if (!current) continue;
    let section = scopes.get(current);
    if (!section) {
      let scope = current.parentElement;
      while (scope && scope.childElementCount === 1 && !hasContentBefore(scope.firstElementChild!) && scope.parentElement) scope = scope.parentElement;
      section = { scope, text: textOf(current) };
      scopes.set(current, section);
    }
    if (section.text && section.scope?.contains(field)) found.set(field, section.text);
  }
  return found;
}

function headingOf(element: Element, context: NameContext): string {
  context.headings ??= sectionHeadings(context);
  return context.headings.get(element) ?? '';
}

/** The parts of `explicitSources`, in that order, and the help aria-labelledby also names. */
function explicitParts(element: Element, context: NameContext): { parts: NamePart[]; help: string } {
  const parts: NamePart[] = [];
  const add = (source: NameSource, text: string): void => {
    if (text) parts.push({ source, text });
  };
  const { name, help } = labelledBy(element);
  add('labelledBy', name);
  add('ariaLabel', clean(element.getAttribute('aria-label') ?? ''));
  const labels = context.labelsOf.get(element) ?? [];
  for (const label of labels) add('labelFor', textOf(label));
  const wrapping = wrappingLabel(element);
  // `<label for="x"><input id="x"> …</label>` (Apereo CAS 6, Material) is one label, read once.
  if (wrapping && !labels.includes(wrapping)) add('wrappingLabel', textOf(wrapping));
  return { parts, help };
}

/**
 * What names a field outright (`explicitSources`, in readNameParts' order) or, when nothing
 * does, the row cell before it: the name a locator compares (lib/portals/match.ts), read
 * without the neighbouring text, legends, headings and host that the classifier also needs
 * (recognition names every field of the page on each load: those cost most on a long page).
 */
export function readOwnNameParts(element: Element, context: NameContext): NamePart[] {
  const { parts } = explicitParts(element, context);
  if (parts.length > 0) return parts;
  const cell = tableCell(element);
  const rowName = cell ? rowCellText(cell, context) : '';
  return rowName ? [{ source: 'rowCell', text: rowName }] : [];
}

export function readNameParts(element: Element, context: NameContext): NamePart[] {
  const { parts, help } = explicitParts(element, context);
  const add = (source: NameSource, text: string): void => {
    if (text) parts.push({ source, text });
  };
  const labelled = parts.length > 0;
  add('help', help);
  add('title', clean(element.getAttribute('title') ?? ''));
  // Neighbouring text is only read for fields no label names: cheaper, and less noise.
  if (!labelled) {
    const before = previousText(element, context);
    add('previousText', before);
    if (!before) add('nextText', nextText(element, context));
    parts.push(...tableParts(element, context));
  }
  for (const legend of groupTexts(element, context)) add('legend', legend);
  add('heading', headingOf(element, context));
  const host = context.host;
  if (host) {
    // The one field of a web component is named by its host when nothing inside names it
    // (`<label for="nom">Nom</label><ds-input id="nom">`); the host's section is its section.
    const hostParts = (context.hostParts ??= readNameParts(host.element, host.context));
    const named = labelled || parts.some((part) => part.source === 'previousText' || part.source === 'nextText');
    parts.push(...(named || context.fields.size > 1 ? hostParts.filter((part) => part.source === 'legend' || part.source === 'heading') : hostParts));
  }
  return parts;
}

/** aria-describedby text ("Format attendu : 9 caractères"): context for format cues only. */
export function readHint(element: Element): string {
  return idrefText(element, 'aria-describedby');
}
