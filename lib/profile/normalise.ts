/**
 * What people type (or what a colleague's file holds) → the canonical profile values the
 * schema checks: trimmed text, empty fields absent, identifiers without spaces, phones as
 * 10 digits. Walks any JSON-like value and touches only strings, so it never throws.
 */
import { normaliseDigits, normalisePhone } from './identifiers';

const byField: Record<string, (value: string) => string> = {
  finessEj: normaliseDigits,
  finessEt: normaliseDigits,
  siren: normaliseDigits,
  siret: normaliseDigits,
  rpps: normaliseDigits,
  adeli: normaliseDigits,
  postalCode: normaliseDigits,
  departement: normaliseDigits,
  phone: normalisePhone,
  mobile: normalisePhone,
  email: (value) => value.toLowerCase(),
  mailDomain: (value) => value.toLowerCase(),
  mssDomain: (value) => value.toLowerCase(),
};

export function normaliseProfileValue(value: unknown, field?: string): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    // hasOwn: a key such as "constructor" must not reach Object.prototype's members.
    const normalise = field !== undefined && Object.hasOwn(byField, field) ? byField[field] : undefined;
    return normalise ? normalise(trimmed) : trimmed;
  }
  if (Array.isArray(value)) return value.map((item) => normaliseProfileValue(item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const normalised = normaliseProfileValue(item, key);
      // defineProperty keeps a "__proto__" key an own, visible key (the schema then refuses it)
      // instead of letting an assignment swap the object's prototype.
      if (normalised !== undefined)
        Object.defineProperty(out, key, { value: normalised, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
