import { tp } from '../i18n/t';
import { parseEstablishment, type CheckedEstablishment, type FieldProblem } from './schema';

/** A profile that does not pass the schema: `problems` says where and why, the message says it in the user's language. */
export class ProfileValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(tp('optProfileRefused', problems.length));
    this.name = 'ProfileValidationError';
  }
}

/** The establishment as the schema reads it; throws ProfileValidationError otherwise. */
export function validateEstablishment(candidate: unknown): CheckedEstablishment {
  const parsed = parseEstablishment(candidate);
  if (!parsed.success) throw new ProfileValidationError(parsed.problems);
  return parsed.data;
}
