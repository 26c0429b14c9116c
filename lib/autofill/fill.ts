/**
 * Fill: executes the ticked lines of a plan in the page. Values go through the native
 * setter of the element's own prototype (frameworks wrap the instance's `value`), then the
 * events pages listen to: keydown/keypress/keyup for the validators and masks of the jQuery
 * era, input and change for frameworks, blur. A select a plugin replaced (select2, chosen,
 * PrimeFaces) is chosen natively, then through its widget if the widget does not show the
 * choice. A field an earlier line enables, or a list it loads, is waited for (bounded, by
 * MutationObserver). Afterwards each line says whether the page kept the value.
 * The fields are checked again before they are written (the page may have changed since the
 * preview): layout is read for all of them in one pass, then the values are written. Checking
 * each field between writes would make the browser lay the page out again for every field.
 */
import type { Layout } from '../dom/layout';
import { normalisePhone } from '../profile/identifiers';
import { isSecretKind, type FieldKind } from '../profile/kinds';
import { enhancedWidget } from './collect';
import { normalize } from './lexicon';
import type { FillLine, SkipReason } from './plan';
import { hasChoices, matchOption } from './resolve';
import { browserLayout, liveLayout, whyNotFillableAll, whyNotWritable } from './visibility';

export interface FillOptions {
  /** The click's moment (visibility.ts, `pageAsNow`) lets the first check share the click guard's walk of the page. */
  layout?: Layout;
  /** Balise's own shadow host: a field under it is skipped as 'underBalise' (see visibility.ts). */
  ownUi?: Element;
  /** How long the page may take to suggest, to enable a field, to load a list or to open a widget (ms). */
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

/**
 * Key events around a write, for pages that read fields on keyup (or keydown/keypress) only.
 * Synthetic events type nothing: the value is set by the setter, these only tell the page.
 */
function dispatchKey(element: Element, type: 'keydown' | 'keypress' | 'keyup', key: string): void {
  const view = viewOf(element);
  element.dispatchEvent(new view.KeyboardEvent(type, { bubbles: true, composed: true, cancelable: true, key }));
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
  // The last character stands for the typing: masks and validators read the field, not the key.
  const key = value.slice(-1) || 'Backspace';
  dispatchKey(element, 'keydown', key);
  dispatchKey(element, 'keypress', key);
  if (element.localName === 'input' || element.localName === 'textarea') setNative(element as ValueElement, 'value', value);
  else element.textContent = value;
  dispatch(element, 'input', value);
  dispatchKey(element, 'keyup', key);
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

const optionIndex = (select: HTMLSelectElement, line: FillLine): number =>
  matchOption(
    Array.from(select.options, (option) => ({ text: option.text, value: option.value })),
    [line.value, ...line.alternatives],
  );

function selectIndex(select: HTMLSelectElement, index: number): void {
  focus(select);
  setNative(select, 'selectedIndex', index);
  dispatch(select, 'input');
  dispatch(select, 'change');
  select.blur();
}

/** The lists a widget draws of its options (chosen draws them all at load): not what it shows as chosen. */
const optionLists = 'ul, ol, [role=listbox], [role=option], [hidden], .chosen-drop, .select2-dropdown';

/** Whether a widget shows a choice: its displayed text names the option (a placeholder, or the option in its list, does not). */
function shows(widget: Element, text: string): boolean {
  const shown = widget.cloneNode(true) as Element;
  for (const list of Array.from(shown.querySelectorAll(optionLists))) list.remove();
  return normalize(shown.textContent ?? '').includes(normalize(text));
}

/**
 * Resolves with what `find` finds in `node`'s tree, looked for again on every change of the
 * tree, or null after `timeout` ms. No fixed sleep: it ends as soon as the page is ready.
 */
function waitFor<T>(node: Node, find: () => T | null, timeout: number): Promise<T | null> {
  const now = find();
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    const view = (node.ownerDocument ?? (node as Document)).defaultView as Window & typeof globalThis;
    const finish = (found: T | null) => {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(found);
    };
    const observer = new view.MutationObserver(() => {
      const found = find();
      if (found !== null) finish(found);
    });
    observer.observe(node.getRootNode(), { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = view.setTimeout(() => finish(null), timeout);
  });
}

/**
 * The shown option that names one of `wanted`, as a select's option would: an ARIA option of the
 * listbox `trigger` names (else of its tree), or a list item inside the widget itself (chosen draws
 * its list without roles; a list item elsewhere may be the page's menu, never pressed).
 */
function shownOption(widget: Element, trigger: Element, wanted: readonly string[], before: ReadonlySet<Element>): HTMLElement | null {
  for (const scope of widgetLists(widget, trigger, before)) {
    const options = [...scope.querySelectorAll<HTMLElement>('[role=option], [role=treeitem]'), ...widget.querySelectorAll<HTMLElement>('li:not([role])')].filter(isShown);
    // A list item has no value of its own: its text stands for it (an empty value would read as a placeholder).
    const found = options[matchOption(options.map((option) => ({ text: option.textContent ?? '', value: option.textContent ?? '' })), wanted)];
    if (found) return found;
  }
  return null;
}

/**
 * Where a widget's options are: the listbox its trigger names, else the widget itself and the
 * listboxes that appeared since it was opened (`before`: those already there). Never any other
 * list of the page, which may be another field's or the page's own menu.
 */
function widgetLists(widget: Element, trigger: Element, before: ReadonlySet<Element>): ParentNode[] {
  const root = trigger.getRootNode() as Document | ShadowRoot;
  const ids = `${trigger.getAttribute('aria-controls') ?? ''} ${trigger.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  const named = ids.map((id) => root.getElementById(id)).filter((el): el is HTMLElement => el !== null);
  if (named.length > 0) return named;
  return [widget, ...Array.from(root.querySelectorAll('[role=listbox]')).filter((list) => !before.has(list) && !widget.contains(list))];
}

/** Opens a widget (combobox, plugin's trigger) and presses the option that names one of `wanted`: its text, or null when none showed in time. */
async function chooseInWidget(widget: HTMLElement, wanted: readonly string[], timeout: number): Promise<string | null> {
  // What a person clicks: the combobox itself or the trigger a plugin draws (chosen's a.chosen-single) — never a
  // button or a link of the page, which may submit or leave.
  const clickable = '[role=combobox], [aria-haspopup], a.chosen-single';
  // PrimeFaces draws the combobox around the select and its label: the trigger is that container.
  const trigger = widget.matches(clickable) ? widget : (widget.querySelector<HTMLElement>(clickable) ?? widget.closest<HTMLElement>(clickable) ?? widget);
  const before = new Set(Array.from((trigger.getRootNode() as ParentNode).querySelectorAll('[role=listbox]')));
  press(trigger);
  const option = await waitFor(widget, () => shownOption(widget, trigger, wanted, before), timeout);
  if (!option) {
    press(trigger);
    return null;
  }
  const text = option.textContent ?? '';
  press(option);
  return text;
}

const isLoading = (select: HTMLSelectElement): boolean => !hasChoices(Array.from(select.options));

/**
 * Chooses in a native select: the list may still be loading (options come after a parent
 * choice), and a plugin's widget must show the choice too, else it is chosen in the widget.
 * A choice the widget will not show is put back: nothing is left filled that the user cannot see.
 * Synchronous unless it has to wait for the page.
 */
function choose(select: HTMLSelectElement, line: FillLine, timeout: number): Written {
  const index = optionIndex(select, line);
  if (index >= 0) return chooseAt(select, index, timeout);
  if (!isLoading(select)) return 'noOption';
  return waitFor(select, () => (optionIndex(select, line) >= 0 ? optionIndex(select, line) : null), timeout).then((found) =>
    found === null ? 'noOption' : chooseAt(select, found, timeout),
  );
}

function chooseAt(select: HTMLSelectElement, index: number, timeout: number): Written {
  const before = select.selectedIndex;
  selectIndex(select, index);
  const widget = enhancedWidget(select);
  const text = select.options[index]?.text ?? '';
  if (!widget || shows(widget, text)) return null;
  return chooseInWidget(widget, [text], timeout).then((done) => {
    if (done !== null && select.selectedIndex === index && shows(widget, text)) return null;
    selectIndex(select, before);
    return 'rejected';
  });
}

/** Chooses in an ARIA combobox that has no text input: it is opened and its option pressed, its markup never written. */
async function chooseInCombobox(combobox: HTMLElement, line: FillLine, timeout: number): Promise<SkipReason | null> {
  const wanted = [line.value, ...line.alternatives];
  if (wanted.some((text) => shows(combobox, text))) return null;
  const chosen = await chooseInWidget(combobox, wanted, timeout);
  if (chosen === null) return 'noOption';
  return shows(combobox, chosen) ? null : 'rejected';
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

/** Not hidden by an attribute nor by the page's styles (an option of a closed list is not pressed). */
function isShown(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = view?.getComputedStyle(node);
    if (style?.display === 'none' || style?.visibility === 'hidden') return false;
  }
  return true;
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
  const option = await waitFor(input, () => findSuggestion(input, [line.value, ...line.alternatives]), timeout);
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
  // A combobox without input is never written: undo cannot put its markup back, the user chooses again.
  if (line.action === 'choose') return { element };
  if (line.action === 'check' || line.action === 'uncheck') {
    const input = element as HTMLInputElement;
    return input.type === 'radio'
      ? { element, checked: input.checked, checkedRadio: radioGroup(input).find((radio) => radio.checked) ?? null }
      : { element, checked: input.checked };
  }
  return { element, value: currentText(element) };
}

/**
 * Whether the page kept the text: a framework or a validator may have refused it; a mask may
 * have added separators (spaces, dots, dashes) or written a phone number as +33: the same
 * number is kept, another one is not.
 */
export function keptText(found: string, wanted: string, kind: FieldKind | null): boolean {
  if (found === wanted) return true;
  if (kind === 'phone' || kind === 'establishmentPhone') return normalisePhone(found) === normalisePhone(wanted);
  const bare = (text: string) => text.replace(/[\s.\-/()]/g, '');
  return bare(found) === bare(wanted);
}

function kept(element: HTMLElement, line: FillLine): boolean {
  if (line.action === 'check' || line.action === 'uncheck') return (element as HTMLInputElement).checked === (line.action === 'check');
  if (line.action === 'type') return keptText(currentText(element), line.value, line.kind);
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

/** Why a line was not written, or null; a promise only when it had to wait for the page. */
type Written = SkipReason | null | Promise<SkipReason | null>;

/** Writes a line; only a choice or an autocomplete's pick may wait for the page. */
function writeLine(line: FillLine, timeout: number): Written {
  const element = line.element;
  switch (line.action) {
    case 'type':
      writeText(element, line.value, true);
      break;
    case 'pick':
      return pick(element as HTMLInputElement, line, timeout);
    case 'choose':
      return element.localName === 'select' ? choose(element as HTMLSelectElement, line, timeout) : chooseInCombobox(element, line, timeout);
    case 'check':
    case 'uncheck':
      setChecked(element as HTMLInputElement, line.action === 'check');
      break;
  }
  return kept(element, line) ? null : 'rejected';
}

/**
 * Fills the lines in order; every field touched is in the snapshot, filled or refused by the
 * page. A field disabled when the fill starts is waited for once an earlier line was written
 * (that write may enable it), then measured on its own before it is written.
 */
export async function executeFill(lines: readonly FillLine[], options: FillOptions = {}): Promise<FillOutcome> {
  const settings = { layout: options.layout ?? browserLayout, timeout: options.comboboxTimeout ?? defaultComboboxTimeout };
  const results: LineResult[] = [];
  const entries: Previous[] = [];
  let verdicts = check(lines, settings.layout, options.ownUi);
  // Once written or waited for, the page is read as it is then, never from the click's moment (pageAsNow).
  const live = liveLayout(settings.layout);
  let written = 0;
  // After a wait in vain, nothing more is waited for until something else is written.
  let waitedInVainAt = -1;
  for (const [index, line] of lines.entries()) {
    if (line.skipped) {
      results.push({ line, status: 'skipped', reason: line.skipped });
      continue;
    }
    let unfillable = verdicts.get(line);
    if (unfillable === 'disabled' && line.enabledLater && written > 0 && waitedInVainAt !== written) {
      const enabled = await waitFor(line.element, () => (whyNotWritable(line.element) === 'disabled' ? null : true), settings.timeout);
      if (enabled) unfillable = check([line], live, options.ownUi).get(line);
      else waitedInVainAt = written;
    }
    if (unfillable) {
      results.push({ line, status: 'skipped', reason: unfillable });
      continue;
    }
    // Earlier writes may have disabled or removed it (a "same address" box): that needs no layout.
    const unwritable = whyNotWritable(line.element);
    const previous = remember(line.element, line);
    // Awaited only when the page is waited for: otherwise the page's and the overlay's own
    // reactions (re-renders run in microtasks) come once after the writes, not between every two.
    const pending = unwritable ?? writeLine(line, settings.timeout);
    const reason = pending instanceof Promise ? await pending : pending;
    if (reason === null || reason === 'rejected') entries.push(previous);
    if (reason === null) written++;
    results.push(reason ? { line, status: 'skipped', reason } : { line, status: 'filled' });
    // The page was waited for: its scripts ran, so the rest is measured again.
    if (pending instanceof Promise) verdicts = check(lines.slice(index + 1), live, options.ownUi);
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
