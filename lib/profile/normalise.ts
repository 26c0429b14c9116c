/**
 * What people type (or what a colleague's file holds) → the canonical profile values the
 * schema checks: trimmed text, empty fields absent, identifiers without spaces, phones as
 * 10 digits. Walks any JSON-like value and touches only strings, so it never throws.
 */
import { keptPlaces } from './fields';

/** By generic path ('contacts.rpps'): the kinds' places. */
const byPlace = new Map<string, (value: string) => string>(
  keptPlaces().flatMap((place) => (place.normalise ? [[place.path, place.normalise] as const] : [])),
);

/** `path`: where the value sits, list positions left out. */
export function normaliseProfileValue(value: unknown, path = ''): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const normalise = byPlace.get(path);
    return normalise ? normalise(trimmed) : trimmed;
  }
  if (Array.isArray(value)) return value.map((item) => normaliseProfileValue(item, path));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const normalised = normaliseProfileValue(item, path ? `${path}.${key}` : key);
      // defineProperty keeps a "__proto__" key an own, visible key (the schema then refuses it)
      // instead of letting an assignment swap the object's prototype.
      if (normalised !== undefined)
        Object.defineProperty(out, key, { value: normalised, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
