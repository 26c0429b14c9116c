/**
 * The pieces of text that name a field, read without layout (textContent, never innerText:
 * the collector runs on pages with 20 000 fields). Maps are built once per document or
 * shadow root by `createNameContext`, then each field asks `readNameParts`.
 */

export type NameSource =
  | 'labelledBy'
  | 'ariaLabel'
  | 'labelFor'
  | 'wrappingLabel'
  | 'title'
  | 'previousText'
  | 'rowCell'
  | 'columnHeader'
  | 'legend';

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
  readonly groupText: Map<Element, string>;
  readonly columnHeaders: Map<Element, { row: Element | undefined; headers: string[] }>;
}

const maxText = 200;
const skippedInText = 'select, textarea, script, style, template';
const nativeField = 'input:not([type=hidden]), select, textarea';

function clean(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > maxText ? collapsed.slice(0, maxText) : collapsed;
}

/** Text of an element without the options of a select or the content of a textarea. */
export function textOf(element: Element): string {
  if (!element.querySelector(skippedInText)) return clean(element.textContent ?? '');
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(skippedInText)) visit(child);
    }
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
export function createNameContext(root: ParentNode, fields: readonly Element[]): NameContext {
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
  return { fields: new Set(fields), labelTargets, labelsOf, groupText: new Map(), columnHeaders: new Map() };
}

/** The text of the elements an id-reference attribute (aria-labelledby, aria-describedby) names, in its order. */
function idrefText(element: Element, attribute: 'aria-labelledby' | 'aria-describedby'): string {
  const ids = element.getAttribute(attribute);
  if (!ids) return '';
  return clean(
    ids
      .split(/\s+/)
      .map((id) => (id ? byId(element, id) : null))
      .map((target) => (target ? textOf(target) : ''))
      .join(' '),
  );
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

/** Text just before the field: a bare text node, a span, an orphan label (for= naming nothing). */
function previousText(element: Element, context: NameContext): string {
  let node: Element | null = element;
  for (let depth = 0; depth < 3 && node; depth++) {
    let steps = 0;
    for (let sibling = node.previousSibling; sibling && steps < 4; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 3) {
        const text = clean(sibling.nodeValue ?? '');
        if (text) return text;
        continue;
      }
      if (sibling.nodeType !== 1) continue;
      steps++;
      const previous = sibling as Element;
      if (previous.matches('script, style, template, br')) continue;
      if (containsField(previous, context)) return '';
      const target = context.labelTargets.get(previous);
      if (target && target !== element) return '';
      const text = textOf(previous);
      if (text) return text;
    }
    node = node.parentElement;
    if (!node || node.matches('td, th, form, fieldset, body, li')) break;
  }
  return '';
}

/** The header row of a table (thead, or a first row made of th only) and its cell texts. */
function columnHeaders(table: Element, context: NameContext): { row: Element | undefined; headers: string[] } {
  const cached = context.columnHeaders.get(table);
  if (cached) return cached;
  const htmlTable = table as HTMLTableElement;
  const row = htmlTable.tHead?.rows[0] ?? htmlTable.rows[0];
  const cells = row ? Array.from(row.cells) : [];
  const found = cells.length > 0 && cells.every((cell) => cell.localName === 'th') ? { row, headers: cells.map(textOf) } : { row: undefined, headers: [] };
  context.columnHeaders.set(table, found);
  return found;
}

function tableParts(element: Element, context: NameContext): NamePart[] {
  const cell = element.closest('td, th') as HTMLTableCellElement | null;
  const row = cell?.parentElement;
  if (!cell || row?.localName !== 'tr') return [];
  const parts: NamePart[] = [];
  for (let previous = cell.previousElementSibling, steps = 0; previous && steps < 2; previous = previous.previousElementSibling, steps++) {
    if (containsField(previous, context)) break;
    const text = textOf(previous);
    if (text) {
      parts.push({ source: 'rowCell', text });
      break;
    }
  }
  const table = row.closest('table');
  if (table) {
    const { row: headerRow, headers } = columnHeaders(table, context);
    const header = headerRow === row ? undefined : headers[cell.cellIndex];
    if (header) parts.push({ source: 'columnHeader', text: header });
  }
  return parts;
}

/** Legend (or ARIA name) of the nearest fieldset / group: context such as "Représentant légal". */
function groupText(element: Element, context: NameContext): string {
  const group = element.parentElement?.closest('fieldset, [role=group], [role=radiogroup]');
  if (!group) return '';
  const cached = context.groupText.get(group);
  if (cached !== undefined) return cached;
  let text = '';
  for (const child of Array.from(group.children)) {
    if (child.localName === 'legend') {
      text = textOf(child);
      break;
    }
  }
  if (!text) text = clean(group.getAttribute('aria-label') ?? '') || idrefText(group, 'aria-labelledby');
  context.groupText.set(group, text);
  return text;
}

export function readNameParts(element: Element, context: NameContext): NamePart[] {
  const parts: NamePart[] = [];
  const add = (source: NameSource, text: string): void => {
    if (text) parts.push({ source, text });
  };
  add('labelledBy', idrefText(element, 'aria-labelledby'));
  add('ariaLabel', clean(element.getAttribute('aria-label') ?? ''));
  const labels = context.labelsOf.get(element) ?? [];
  for (const label of labels) add('labelFor', textOf(label));
  const wrapping = wrappingLabel(element);
  // `<label for="x"><input id="x"> …</label>` (Apereo CAS 6, Material) is one label, read once.
  if (wrapping && !labels.includes(wrapping)) add('wrappingLabel', textOf(wrapping));
  const labelled = parts.length > 0;
  add('title', clean(element.getAttribute('title') ?? ''));
  // Neighbouring text is only read for fields no label names: cheaper, and less noise.
  if (!labelled) {
    add('previousText', previousText(element, context));
    parts.push(...tableParts(element, context));
  }
  add('legend', groupText(element, context));
  return parts;
}

/** aria-describedby text ("Format attendu : 9 caractères"): context for format cues only. */
export function readHint(element: Element): string {
  return idrefText(element, 'aria-describedby');
}
