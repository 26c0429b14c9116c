/**
 * The lessons an establishment keeps (schema.ts, `lessons`): one per field of an origin, the
 * latest word winning, and what each kind is called where they are chosen and listed. How a
 * lesson finds its field again: lib/autofill/lessons.ts.
 */
import type { MessageKey } from '../i18n/catalog';
import { establishmentFields, personFields } from './fields';
import { isPersonKind, type LessonKind } from './kinds';
import type { Lesson } from './schema';

/** `lessons` with `lesson` in place of any earlier one for the same field of the same origin. */
export function withLesson(lessons: readonly Lesson[], lesson: Lesson): Lesson[] {
  return [...withoutLesson(lessons, lesson), lesson];
}

export function withoutLesson(lessons: readonly Lesson[], { origin, signature }: Pick<Lesson, 'origin' | 'signature'>): Lesson[] {
  return lessons.filter((other) => other.origin !== origin || other.signature !== signature);
}

/** The French name of what a field may be taught to be: the profile field's own label (fields.ts). */
export function lessonKindLabel(kind: LessonKind): MessageKey {
  if (kind === 'never') return 'teachNever';
  return isPersonKind(kind) ? personFields[kind].label : establishmentFields[kind].label;
}
