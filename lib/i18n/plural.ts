import type { Language, MessageKey } from './catalog';

// Apart from ./catalog, which imports every message: content scripts use this through tp() (./t.ts) and take no catalog with it.

/** The message pairs `<base>One` / `<base>Other` of the catalog, named by their base. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}Other` ? (`${Base}One` extends MessageKey ? Base : never) : never }[MessageKey];

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * Which message of a pair says `count` things as `language` writes that count: French says
 * « 0 valeur », « 1 valeur », « 2 valeurs », English “0 values”, “1 value”.
 */
export function pluralKey(base: PluralKey, count: number, language: Language): MessageKey {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return `${base}${rules.select(count) === 'one' ? 'One' : 'Other'}` as MessageKey;
}
