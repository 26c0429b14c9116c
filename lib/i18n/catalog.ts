/**
 * Every UI string, French first and English second, one JSON file per area so that
 * areas can grow without touching each other. The build turns them into the browser's
 * `_locales/<lang>/messages.json`; code reads them through `t()` (./t.ts).
 */
import common from './messages/common.json';
import profile from './messages/profile.json';
import options from './messages/options.json';
import popup from './messages/popup.json';
import transfer from './messages/transfer.json';
import identifiers from './messages/identifiers.json';
import procedures from './messages/procedures.json';
import overlay from './messages/overlay.json';
import tab from './messages/tab.json';
import fill from './messages/fill.json';
import finess from './messages/finess.json';
import { pluralKey } from './plural';
import { bindFrenchSpaces } from './typography';

export const fragments = {
  common,
  profile,
  options,
  popup,
  transfer,
  identifiers,
  procedures,
  overlay,
  tab,
  fill,
  finess,
} as const;

type Fragments = typeof fragments;
export type Catalog = Fragments[keyof Fragments];
export type MessageKey = { [F in keyof Fragments]: keyof Fragments[F] }[keyof Fragments] & string;

/** The message pairs `<base>One` / `<base>Other` of the catalog, named by their base (see tp() in ./t.ts). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}Other` ? (`${Base}One` extends MessageKey ? Base : never) : never }[MessageKey];

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export interface CatalogEntry {
  fr: string;
  en: string;
  description?: string;
}

export function allEntries(): [string, CatalogEntry][] {
  return Object.values(fragments).flatMap((fragment) => Object.entries(fragment as Record<string, CatalogEntry>));
}

/** A message as the reader gets it, French with its non-breaking spaces (./typography.ts): bound at build, the browser shows it as is. */
const shownMessage = (entry: CatalogEntry, language: Language): string => (language === 'fr' ? bindFrenchSpaces(entry.fr) : entry.en);

/**
 * `{1}`…`{9}` in a message become named placeholders: both Chrome and Firefox document
 * placeholders, while bare `$1` in a message is not documented everywhere.
 */
export function toMessagesJson(language: Language): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of allEntries()) {
    const placeholders: Record<string, { content: string }> = {};
    const message = shownMessage(entry, language)
      .replaceAll('$', '$$$$')
      .replace(/\{([1-9])\}/g, (_m, n: string) => {
        placeholders[`p${n}`] = { content: `$${n}` };
        return `$P${n}$`;
      });
    out[key] = {
      message,
      ...(entry.description ? { description: entry.description } : {}),
      ...(Object.keys(placeholders).length ? { placeholders } : {}),
    };
  }
  return out;
}

export function localeFiles() {
  return languages.map((language) => ({
    relativeDest: `_locales/${language}/messages.json`,
    contents: JSON.stringify(toMessagesJson(language), null, 2),
  }));
}

/** Offline rendering of a message, for tests and build scripts (the browser does this at run time). */
let byKey: Map<string, CatalogEntry> | undefined;

export function renderMessage(key: string, substitutions: readonly string[] = [], language: Language = 'fr'): string {
  byKey ??= new Map(allEntries());
  const entry = byKey.get(key);
  if (!entry) return '';
  return shownMessage(entry, language).replace(/\{([1-9])\}/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** Offline rendering of a message about `count` things, as `tp()` (./t.ts) shows it: `count` is {1}, `substitutions` {2} on. */
export function renderPlural(base: PluralKey, count: number, substitutions: readonly string[] = [], language: Language = 'fr'): string {
  return renderMessage(pluralKey(base, count, language), [String(count), ...substitutions], language);
}
