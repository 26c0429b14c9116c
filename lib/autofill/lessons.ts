/**
 * Fields the user taught (issue 14): « Ce champ est : … » on a line of the preview makes that
 * field, on that origin, the kind the user named (or « ne jamais remplir ») on every later
 * visit. A lesson is found again by the field's signature — what describes it, never its
 * position, which moves when the page adds a field — and acts like a portal rule: before the
 * lexicon. Pure: the lessons come with the fill context (lib/autofill/background.ts), only
 * those of the page's origin.
 */
import { explicitSources } from '../dom/accessible-name';
import { isSecretKind } from '../profile/kinds';
import type { Lesson } from '../profile/schema';
import type { CollectedField } from './collect';
import { normalize, tokenizeIdentifier } from './lexicon';
import type { PlanField } from './plan';

/** Generated parts of names change from one visit to the next ("j_idt45:nom", "mat-input-3"): digits are left out. */
const stable = (identifier: string) => tokenizeIdentifier(identifier).replace(/\d+/g, ' ').replace(/\s+/g, ' ').trim();

/** The title of the field's form, when its author gave one. */
function formTitle(field: CollectedField): string {
  const form = field.element.closest('form');
  return form ? normalize(form.getAttribute('aria-label') ?? '') || stable(form.getAttribute('name') ?? '') || stable(form.id) : '';
}

/**
 * "type|label|section|placeholder|name|id|form", each normalised (lexicon.ts): no space at either end, as stored;
 * null when nothing describes the field (a lesson would then match every unnamed field of its type).
 */
export function signatureOf(field: CollectedField): string | null {
  const ownParts = field.nameParts.filter((part) => part.source !== 'legend');
  const label = normalize((ownParts.find((part) => explicitSources.has(part.source)) ?? ownParts[0])?.text ?? '');
  const section = normalize(field.nameParts.find((part) => part.source === 'legend')?.text ?? '');
  const placeholder = normalize(field.placeholder);
  const name = stable(field.name);
  const id = stable(field.id);
  if (!label && !placeholder && !name && !id) return null;
  return [field.type, label, section, placeholder, name, id, formTitle(field)].join('|');
}

/**
 * The signature of a field the user may teach, else null: never a password, a one-time code or
 * any field the classifier or the portal reads as a secret, never a box or a radio (their labels
 * are values, not the field's name), never a field the portal module leaves empty or locked.
 */
export function teachableSignature({ field, classification, rule }: PlanField): string | null {
  if (field.type === 'password' || field.type === 'checkbox' || field.type === 'radio') return null;
  if (classification && isSecretKind(classification.kind)) return null;
  if (rule && (rule.leaveEmpty || rule.readOnly || (rule.kind && isSecretKind(rule.kind)))) return null;
  return signatureOf(field);
}

/**
 * The fields with the lessons of `origin` applied: a taught field gets the user's kind with full
 * confidence (or no kind: « never »), and a portal rule's guess on it gives way. `origin`: the
 * page's exact origin (URL.origin); a lesson of any other origin is ignored.
 */
export function applyLessons(fields: readonly PlanField[], lessons: readonly Lesson[], origin: string): PlanField[] {
  const taught = new Map(lessons.filter((lesson) => lesson.origin === origin).map((lesson) => [lesson.signature, lesson] as const));
  if (taught.size === 0) return [...fields];
  return fields.map((planField) => {
    const signature = teachableSignature(planField);
    const lesson = signature === null ? undefined : taught.get(signature);
    if (!lesson) return planField;
    const reason = `lesson "${lesson.label}"`;
    return { field: planField.field, classification: lesson.kind === 'never' ? null : { kind: lesson.kind, confidence: 1, reason }, taught: true };
  });
}
