/**
 * Which changes of the page may change the fill preview: a field added or removed (a dialog
 * opened, a step swapped in by AJAX), one shown, hidden, enabled or retyped, or the text that
 * names it. The guide plans the page again on these only: a clock ticking in the header or a
 * carousel turning re-plans nothing. Each record costs a `matches` or a `querySelector` on the
 * part of the page it changed; nothing here measures layout.
 */
import { fieldCandidates } from '../autofill/collect';

/**
 * The attributes the guide's observer watches (besides added and removed nodes and text): the
 * ones that show, hide, enable or rename a field, or open a dialog.
 */
export const watchedAttributes = [
  'hidden',
  'style',
  'class',
  'open',
  'inert',
  'aria-hidden',
  'disabled',
  'readonly',
  'aria-disabled',
  'aria-readonly',
  'type',
  'for',
  'aria-label',
  'aria-labelledby',
  'placeholder',
];

/** Where a field's name is written, besides the field's own attributes. */
const naming = 'label, legend';

/** The node is a field or a label, or holds one (an open shadow root may hold one: it is not searched). */
function holdsField(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  return element.matches(`${fieldCandidates}, ${naming}`) || !!element.shadowRoot || !!element.querySelector(`${fieldCandidates}, ${naming}`);
}

/**
 * Text in `element` may name a field: it is in a label or a legend, an aria-labelledby points at
 * it, or it sits beside a field (the neighbouring text the collector reads, lib/dom/accessible-name.ts).
 */
function namesField(element: Element | null): boolean {
  if (!element) return false;
  if (element.closest(naming)) return true;
  const id = element.closest('[id]')?.id;
  if (id && Array.from(element.ownerDocument.querySelectorAll('[aria-labelledby]')).some((field) => field.getAttribute('aria-labelledby')!.split(/\s+/).includes(id))) return true;
  return !!(element.parentElement ?? element).querySelector(fieldCandidates);
}

/** Whether this change of the page may change what the fill would write where. */
export function mayChangeFields(record: MutationRecord): boolean {
  switch (record.type) {
    case 'characterData':
      return namesField(record.target.parentElement);
    case 'attributes':
      return holdsField(record.target);
    default: {
      const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
      return nodes.some(holdsField) || (nodes.some((node) => node.nodeType === Node.TEXT_NODE) && namesField(record.target.nodeType === Node.ELEMENT_NODE ? (record.target as Element) : null));
    }
  }
}
