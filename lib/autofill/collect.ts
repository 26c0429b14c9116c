import { createNameContext, nativeField, readHint, readNameParts, type NameContext, type NamePart } from '../dom/accessible-name';

/**
 * Collect: every field a person could type into or choose from, with the descriptors the
 * classifier reads. No layout here (no getComputedStyle, no getBoundingClientRect): this
 * runs on whole pages, up to 20 000 fields; visibility is checked later on the few fields
 * that get filled (visibility.ts).
 */

export type FieldControl = 'input' | 'select' | 'textarea' | 'combobox' | 'textbox';

export interface CollectedField {
  element: HTMLElement;
  control: FieldControl;
  /** Input type ("text", "email", "password", "radio"…), "select-one", "textarea", "combobox" or "textbox". */
  type: string;
  /** Labels, ARIA names, neighbouring text and legend, most explicit first. */
  nameParts: NamePart[];
  /** aria-describedby text. */
  hint: string;
  name: string;
  id: string;
  placeholder: string;
  autocomplete: string;
  maxLength: number | null;
  inputMode: string;
  pattern: string;
  /** Text of the first options of a select. */
  options: string[];
  readOnly: boolean;
  disabled: boolean;
}

export interface CollectOptions {
  /** Look inside open shadow roots (default true). Costs one walk over every element. */
  shadowRoots?: boolean;
  /** Look inside same-origin, non-sandboxed iframes (default true). */
  frames?: boolean;
}

/** Inputs that take no typed value from a profile. */
const skippedInputTypes = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'file']);
/** Every element that may be a field, or hold a frame of them (the guide watches these for the preview to follow). */
export const fieldCandidates = 'input, select, textarea, [role=combobox], [role=textbox], [contenteditable], iframe, frame';
const maxOptions = 50;

function controlOf(element: Element): FieldControl | null {
  switch (element.localName) {
    case 'input':
      return skippedInputTypes.has((element as HTMLInputElement).type) ? null : 'input';
    case 'select':
      return 'select';
    case 'textarea':
      return 'textarea';
    case 'iframe':
    case 'frame':
      return null;
  }
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') {
    // Only the editing host: its editable descendants are part of the same field.
    const host = element.parentElement?.closest('[contenteditable]');
    return host && host.getAttribute('contenteditable')?.toLowerCase() !== 'false' ? null : 'textbox';
  }
  const role = element.getAttribute('role');
  if (role !== 'combobox' && role !== 'textbox') return null;
  // ARIA 1.1 comboboxes wrap a real input, which is collected itself.
  return element.querySelector('input, select, textarea') ? null : role;
}

/** What only a select-replacing plugin draws: a combobox or popup trigger, select2's, chosen's or PrimeFaces' containers. */
const pluginWidget = '[role=combobox], [aria-haspopup], .select2-container, .chosen-container, .ui-selectonemenu';

/**
 * The widget a person sees and works in place of a native <select> that a plugin (select2,
 * chosen, PrimeFaces selectOneMenu) keeps in the form but takes out of the tab order or the
 * accessibility tree (tabindex=-1, aria-hidden, display:none): the element right after the
 * select, or after the wrapper that holds nothing else (PrimeFaces' `.ui-helper-hidden-accessible`).
 * Null for a select shown as itself, and for a hidden select that nothing marks as replaced: a
 * hidden select followed by any box is a trap, judged on itself (visibility.ts) and never
 * reached through its neighbour. Structure only, no layout.
 */
export function enhancedWidget(select: Element): HTMLElement | null {
  if (select.localName !== 'select') return null;
  const replaced =
    select.getAttribute('tabindex') === '-1' || select.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/.test(select.getAttribute('style') ?? '');
  if (!replaced) return null;
  let node: Element = select;
  while (node.parentElement && node.parentElement.childElementCount === 1) node = node.parentElement;
  const next = node.nextElementSibling as HTMLElement | null;
  if (!next || next.matches('input, select, textarea, button, script, template') || next.querySelector('select, textarea')) return null;
  // The plugin's mark: on the widget or inside it, around both (PrimeFaces), or the widget named after the select (chosen's `<id>_chosen`).
  const marked =
    next.matches(pluginWidget) ||
    next.querySelector(pluginWidget) !== null ||
    node.parentElement?.closest(pluginWidget) != null ||
    (select.id !== '' && next.id.startsWith(select.id));
  return marked ? next : null;
}

/**
 * The select a plugin's focus input stands for: PrimeFaces' selectOneMenu labels a hidden text
 * input (`<id>_focus`) kept beside the select it replaced, each in a wrapper of its own. Null for
 * any other input.
 */
export function replacedSelectOf(input: Element): HTMLSelectElement | null {
  if (input.localName !== 'input') return null;
  let node: Element = input;
  while (node.parentElement && node.parentElement.childElementCount === 1) node = node.parentElement;
  if (node === input) return null;
  for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    const select = sibling.localName === 'select' ? sibling : sibling.childElementCount === 1 ? sibling.querySelector(':scope > select') : null;
    if (select) return enhancedWidget(select) ? (select as HTMLSelectElement) : null;
  }
  return null;
}

function typeOf(element: Element, control: FieldControl): string {
  if (control === 'input') return (element as HTMLInputElement).type;
  if (control === 'select') return (element as HTMLSelectElement).multiple ? 'select-multiple' : 'select-one';
  return control;
}

function optionsOf(element: Element): string[] {
  const options = (element as HTMLSelectElement).options;
  const texts: string[] = [];
  for (let i = 0; i < options.length && texts.length < maxOptions; i++) {
    const text = options[i]?.text.trim();
    if (text) texts.push(text);
  }
  return texts;
}

function describe(element: HTMLElement, control: FieldControl, context: NameContext): CollectedField {
  const attribute = (name: string): string => element.getAttribute(name) ?? '';
  const maxLength = Number.parseInt(attribute('maxlength'), 10);
  const native = control === 'input' || control === 'select' || control === 'textarea';
  return {
    element,
    control,
    type: typeOf(element, control),
    nameParts: readNameParts(element, context),
    hint: readHint(element),
    name: attribute('name'),
    id: element.id,
    placeholder: attribute('placeholder') || attribute('aria-placeholder'),
    autocomplete: attribute('autocomplete'),
    maxLength: Number.isFinite(maxLength) && maxLength > 0 ? maxLength : null,
    inputMode: attribute('inputmode'),
    pattern: attribute('pattern'),
    options: control === 'select' ? optionsOf(element) : [],
    readOnly: control === 'input' || control === 'textarea' ? (element as HTMLInputElement).readOnly : attribute('aria-readonly') === 'true',
    disabled: (native && element.matches(':disabled')) || attribute('aria-disabled') === 'true',
  };
}

/**
 * The candidates and the hosts of open shadow roots, in document order. No selector finds a
 * shadow host, so every element is looked at, once: `found` and `querySelectorAll('*')` are
 * both in document order, so one cursor over `found` keeps its elements without any lookup.
 */
function withShadowHosts(root: Document | ShadowRoot | Element, found: readonly Element[]): Element[] {
  const ordered: Element[] = [];
  let next = 0;
  // querySelectorAll leaves out the root itself, which `found` may start with.
  if (root.nodeType === 1 && (found[0] === root || (root as Element).shadowRoot)) {
    ordered.push(root as Element);
    if (found[0] === root) next = 1;
  }
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const element = all[i] as Element;
    if (element === found[next]) {
      ordered.push(element);
      next++;
    } else if (element.shadowRoot) ordered.push(element);
  }
  return ordered;
}

function frameDocument(frame: Element): Document | null {
  // Sandboxed frames run scripts apart on purpose: leave them alone.
  if (frame.hasAttribute('sandbox')) return null;
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    // Cross-origin: some browsers throw instead of returning null.
    return null;
  }
}

function collectInto(root: Document | ShadowRoot | Element, options: Required<CollectOptions>, out: CollectedField[], host?: NameContext['host']): void {
  const found = Array.from(root.querySelectorAll(fieldCandidates));
  if (root.nodeType === 1 && (root as Element).matches(fieldCandidates)) found.unshift(root as Element);
  const ordered = options.shadowRoots ? withShadowHosts(root, found) : found;

  const controls = new Map<Element, FieldControl>();
  const widgets = new Set<Element>();
  for (const element of found) {
    const control = controlOf(element);
    if (control) controls.set(element, control);
    const widget = control === 'select' ? enhancedWidget(element) : null;
    if (widget) widgets.add(widget);
  }
  // The proxy combobox, read-only text and search box of an enhanced select are the select itself, not fields of their own.
  if (widgets.size > 0)
    for (const element of controls.keys())
      for (let node: Element | null = element.parentElement; node; node = node.parentElement) if (widgets.has(node)) controls.delete(element);
  // A web component holding a field is a field to its neighbours: its label is its own
  // (`<label for="nom">Nom</label><ds-input id="nom">`), and no text reaches past it.
  const named = ordered.filter((element) => controls.has(element) || (options.shadowRoots && element.shadowRoot?.querySelector(nativeField)));
  const context = createNameContext(root, named, host);

  for (const element of ordered) {
    const control = controls.get(element);
    if (control) out.push(describe(element as HTMLElement, control, context));
    if (element.shadowRoot && options.shadowRoots) collectInto(element.shadowRoot, options, out, { element, context });
    if (options.frames && (element.localName === 'iframe' || element.localName === 'frame')) {
      const document = frameDocument(element);
      if (document) collectInto(document, options, out);
    }
  }
}

export function collectFields(root: Document | ShadowRoot | Element, options: CollectOptions = {}): CollectedField[] {
  const out: CollectedField[] = [];
  collectInto(root, { shadowRoots: options.shadowRoots ?? true, frames: options.frames ?? true }, out);
  return out;
}
