/**
 * Fill: executes the ticked lines of a plan in the page. Values go through the native
 * setter of the element's own prototype (frameworks wrap the instance's `value`), then the
 * events frameworks listen to (input, change, blur). The fields are checked again before
 * they are written (the page may have changed since the preview): layout is read for all
 * of them in one pass, then the values are written. Checking each field between writes
 * would make the browser lay the page out again for every field.
 */
import type { Layout } from '../dom/layout';
import { isSecretKind, type FieldKind } from '../profile/kinds';
import { normalize } from './lexicon';
import type { FillLine, SkipReason } from './plan';
import { matchOption } from './resolve';
import { browserLayout, whyNotFillableAll, whyNotWritable } from './visibility';

export interface FillOptions {
  layout?: Layout;
  /** Balise's own shadow host: a field under it is skipped as 'underBalise' (see visibility.ts). */
  ownUi?: Element;
  /** How long an autocomplete may take to suggest (ms). */
  comboboxTimeout?: number;
}

export interface LineResult {
  line: FillLine;
  status: 'filled' | 'skipped';
  reason?: SkipReason;
}

interface Previous {
  element: HTMLElement;
  value?: string;
  selectedIndex?: number;
  checked?: boolean;
  /** For a radio: the radio of the group that was checked before, if any. */
  checkedRadio?: HTMLInputElement | null;
}

/** What undo needs to put every filled field back as it was. Opaque to callers. */
export interface UndoSnapshot {
  readonly entries: readonly Previous[];
}

export interface FillOutcome {
  results: LineResult[];
  snapshot: UndoSnapshot;
}

const defaultComboboxTimeout = 5000;

type ValueElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const viewOf = (element: Element): Window & typeof globalThis => element.ownerDocument.defaultView as Window & typeof globalThis;

function prototypeOf(element: Element): object {
  const view = viewOf(element);
  if (element.localName === 'textarea') return view.HTMLTextAreaElement.prototype;
  if (element.localName === 'select') return view.HTMLSelectElement.prototype;
  return view.HTMLInputElement.prototype;
}

/** The setter of the prototype, not of the instance: React replaces the instance's one to track changes. */
function setNative(element: ValueElement, property: 'value' | 'selectedIndex', value: string | number): void {
  const setter = Object.getOwnPropertyDescriptor(prototypeOf(element), property)?.set;
  if (setter) setter.call(element, value);
  else (element as unknown as Record<string, unknown>)[property] = value;
}

function dispatch(element: Element, type: 'input' | 'change', data?: string): void {
  const view = viewOf(element);
  const event =
    type === 'input'
      ? new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: data ?? null })
      : new view.Event('change', { bubbles: true });
  element.dispatchEvent(event);
}

function focus(element: HTMLElement): void {
  element.focus({ preventScroll: true });
}

function writeText(element: HTMLElement, value: string, blur: boolean): void {
  focus(element);
  if (element.localName === 'input' || element.localName === 'textarea') setNative(element as ValueElement, 'value', value);
  else element.textContent = value;
  dispatch(element, 'input', value);
  dispatch(element, 'change');
  if (blur) element.blur();
}

function currentText(element: HTMLElement): string {
  return element.localName === 'input' || element.localName === 'textarea' ? (element as HTMLInputElement).value : (element.textContent ?? '');
}

/** Fields nobody fills, whatever a plan says: passwords, one-time codes, card secrets. */
function isSecretField(element: Element, kind: FieldKind | null): boolean {
  if (kind && isSecretKind(kind)) return true;
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'password') return true;
  return /\b(?:one-time-code|current-password|new-password|cc-csc|cc-number)\b/.test(element.getAttribute('autocomplete') ?? '');
}

function radioGroup(radio: HTMLInputElement): HTMLInputElement[] {
  if (!radio.name) return [radio];
  const scope: ParentNode = radio.form ?? (radio.getRootNode() as ParentNode);
  return Array.from(scope.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((other) => other.name === radio.name);
}

function choose(select: HTMLSelectElement, line: FillLine): boolean {
  const options = Array.from(select.options, (option) => ({ text: option.text, value: option.value }));
  const index = matchOption(options, [line.value, ...line.alternatives]);
  if (index < 0) return false;
  focus(select);
  setNative(select, 'selectedIndex', index);
  dispatch(select, 'input');
  dispatch(select, 'change');
  select.blur();
  return true;
}

function setChecked(input: HTMLInputElement, checked: boolean): void {
  // A click is what every framework understands for boxes and radios: it toggles and fires input + change.
  if (input.checked !== checked) input.click();
  if (input.checked !== checked) {
    input.checked = checked;
    dispatch(input, 'change');
  }
}

/** The listbox the input names (aria-controls / aria-owns), else its whole document or shadow root. */
function listboxesOf(input: Element): ParentNode[] {
  const root = input.getRootNode() as Document | ShadowRoot;
  const ids = `${input.getAttribute('aria-controls') ?? ''} ${input.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  const named = ids.map((id) => root.getElementById(id)).filter((el): el is HTMLElement => el !== null);
  return named.length > 0 ? named : [root];
}

function isShown(element: Element): boolean {
  return !element.closest('[hidden], [aria-hidden="true"]');
}

/** The suggestion that names the wanted value: its text holds the FINESS as a whole word. */
function findSuggestion(input: Element, wanted: readonly string[]): HTMLElement | null {
  const patterns = wanted.map((w) => normalize(w)).filter(Boolean).map((w) => new RegExp(`(?:^| )${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`));
  for (const listbox of listboxesOf(input)) {
    const options = Array.from(listbox.querySelectorAll<HTMLElement>('[role=option]')).filter(isShown);
    const found = options.find((option) => patterns.some((pattern) => pattern.test(normalize(option.textContent ?? ''))));
    if (found) return found;
  }
  return null;
}

function waitForSuggestion(input: Element, wanted: readonly string[], timeout: number): Promise<HTMLElement | null> {
  return new Promise((resolve) => {
    const view = viewOf(input);
    let observer: MutationObserver | undefined;
    let timer: number | undefined;
    const finish = (found: HTMLElement | null) => {
      observer?.disconnect();
      if (timer !== undefined) view.clearTimeout(timer);
      resolve(found);
    };
    const check = () => {
      const found = findSuggestion(input, wanted);
      if (found) finish(found);
    };
    observer = new view.MutationObserver(check);
    observer.observe(input.getRootNode(), { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-hidden', 'aria-expanded'] });
    timer = view.setTimeout(() => finish(null), timeout);
    check();
  });
}

function press(option: HTMLElement): void {
  const view = viewOf(option);
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const) {
    const Constructor = type.startsWith('pointer') && 'PointerEvent' in view ? view.PointerEvent : view.MouseEvent;
    option.dispatchEvent(new Constructor(type, { bubbles: true, composed: true, cancelable: true, button: 0 }));
  }
  option.click();
}

/** Types the value, waits for the suggestions, picks the one that matches; gives up after the timeout. */
async function pick(input: HTMLInputElement, line: FillLine, timeout: number): Promise<SkipReason | null> {
  const before = input.value;
  writeText(input, line.value, false);
  const option = await waitForSuggestion(input, [line.value, ...line.alternatives], timeout);
  if (!option) {
    // Leave the field as it was rather than half-filled: the user sees the skip and can type.
    writeText(input, before, true);
    return 'comboboxTimeout';
  }
  press(option);
  input.blur();
  return null;
}

function remember(element: HTMLElement, line: FillLine): Previous {
  if (element.localName === 'select') return { element, selectedIndex: (element as HTMLSelectElement).selectedIndex };
  if (line.action === 'check' || line.action === 'uncheck') {
    const input = element as HTMLInputElement;
    return input.type === 'radio'
      ? { element, checked: input.checked, checkedRadio: radioGroup(input).find((radio) => radio.checked) ?? null }
      : { element, checked: input.checked };
  }
  return { element, value: currentText(element) };
}

/** Whether the page kept the value: a framework or a validator may have refused it. */
function kept(element: HTMLElement, line: FillLine): boolean {
  if (line.action === 'check' || line.action === 'uncheck') return (element as HTMLInputElement).checked === (line.action === 'check');
  if (line.action === 'type') return currentText(element) === line.value;
  return true;
}

/**
 * Why each line to fill must not be, in one pass of layout reads. A field the user could see
 * when the fill started may still be written if a page script hides it meanwhile: the user
 * chose it in view.
 */
function check(lines: readonly FillLine[], layout: Layout, ownUi: Element | undefined): Map<FillLine, SkipReason | null> {
  const verdicts = new Map<FillLine, SkipReason | null>();
  const measured: FillLine[] = [];
  for (const line of lines) {
    if (line.skipped) continue;
    if (isSecretField(line.element, line.kind)) verdicts.set(line, 'secret');
    else measured.push(line);
  }
  const found = whyNotFillableAll(measured.map((line) => line.element), layout, ownUi);
  measured.forEach((line, index) => verdicts.set(line, found[index] ?? null));
  return verdicts;
}

/** Writes a line that needs no waiting (all but an autocomplete's pick). */
function writeLine(line: FillLine): SkipReason | null {
  const element = line.element;
  switch (line.action) {
    case 'type':
      writeText(element, line.value, true);
      break;
    case 'choose':
      if (element.localName !== 'select' || !choose(element as HTMLSelectElement, line)) return 'noOption';
      break;
    case 'check':
    case 'uncheck':
      setChecked(element as HTMLInputElement, line.action === 'check');
      break;
  }
  return kept(element, line) ? null : 'rejected';
}

/** Fills the lines in order; every field touched is in the snapshot, filled or refused by the page. */
export async function executeFill(lines: readonly FillLine[], options: FillOptions = {}): Promise<FillOutcome> {
  const settings = { layout: options.layout ?? browserLayout, comboboxTimeout: options.comboboxTimeout ?? defaultComboboxTimeout };
  const results: LineResult[] = [];
  const entries: Previous[] = [];
  let verdicts = check(lines, settings.layout, options.ownUi);
  for (const [index, line] of lines.entries()) {
    if (line.skipped) {
      results.push({ line, status: 'skipped', reason: line.skipped });
      continue;
    }
    const unfillable = verdicts.get(line);
    if (unfillable) {
      results.push({ line, status: 'skipped', reason: unfillable });
      continue;
    }
    // Earlier writes may have disabled or removed it (a "same address" box): that needs no layout.
    const unwritable = whyNotWritable(line.element);
    const previous = remember(line.element, line);
    // No await but for a pick: the page's and the overlay's own reactions (re-renders run in
    // microtasks) come once after the writes instead of between every two of them.
    const reason = unwritable ?? (line.action === 'pick' ? await pick(line.element as HTMLInputElement, line, settings.comboboxTimeout) : writeLine(line));
    if (reason === null || reason === 'rejected') entries.push(previous);
    results.push(reason ? { line, status: 'skipped', reason } : { line, status: 'filled' });
    // An autocomplete waited for the page: its scripts ran, so the rest is measured again.
    if (line.action === 'pick') verdicts = check(lines.slice(index + 1), settings.layout, options.ownUi);
  }
  return { results, snapshot: { entries } };
}

/** Puts every field of the snapshot back as it was, last filled first. */
export function undo(snapshot: UndoSnapshot): void {
  for (const previous of [...snapshot.entries].reverse()) {
    const { element } = previous;
    if (!element.isConnected) continue;
    if (previous.selectedIndex !== undefined) {
      const select = element as HTMLSelectElement;
      setNative(select, 'selectedIndex', previous.selectedIndex);
      dispatch(select, 'input');
      dispatch(select, 'change');
    } else if (previous.checkedRadio !== undefined) {
      if (previous.checkedRadio) setChecked(previous.checkedRadio, true);
      else {
        (element as HTMLInputElement).checked = false;
        dispatch(element, 'change');
      }
    } else if (previous.checked !== undefined) {
      setChecked(element as HTMLInputElement, previous.checked);
    } else if (previous.value !== undefined) {
      writeText(element, previous.value, true);
    }
  }
}
