// Apart from ./catalog, which imports every message: content scripts use this through tp() (./t.ts) and take no catalog with it.

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Which message of a pair `<base>One` / `<base>Other` says `count` things as `language` ('fr',
 * 'en') writes that count: French says « 0 valeur », « 1 valeur », « 2 valeurs », English
 * “0 values”, “1 value”.
 */
export function pluralKey<Base extends string>(base: Base, count: number, language: string): `${Base}One` | `${Base}Other` {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return `${base}${rules.select(count) === 'one' ? 'One' : 'Other'}`;
}
