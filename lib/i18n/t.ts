import { browser } from 'wxt/browser';
import type { Language, MessageKey, PluralKey } from './catalog';
import { pluralKey } from './plural';
import { extName } from './messages/common.json';

/** A message of the catalog with its substitutions, kept as data until it is shown. */
export interface Message {
  key: MessageKey;
  subs?: (string | number)[];
}

// WXT types getMessage from public/_locales, which our build generates later: our keys are typed by the catalog.
const getMessage = (key: string, subs: string[]) => (browser.i18n.getMessage as (key: string, subs: string[]) => string)(key, subs);

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return getMessage(key, subs.map(String));
}

/**
 * A message about `count` things, written as the content language writes that count (see
 * `pluralKey`): `<base>One` or `<base>Other`, with `count` as {1} and `subs` from {2} on. The
 * browser's message format knows no plural, hence two messages.
 */
export function tp(base: PluralKey, count: number, ...subs: (string | number)[]): string {
  return t(pluralKey(base, count, contentLanguage()), count, ...subs);
}

export function tm(message: Message): string {
  return t(message.key, ...(message.subs ?? []));
}

/**
 * The language of the messages the browser loaded for Balise, hence of portal and procedure
 * content (seed texts carry French and English), so that a page never mixes the two.
 * getUILanguage() does not name it, and `@@ui_locale` names the browser's locale, not the one
 * whose messages were picked (seen 30/11 in Debian's Chromium 156 and Firefox ESR 153): a
 * Chromium asked for French without its French language pack answers « fr » and « en_US » with
 * English messages; a Chromium in German answers « de » and « de » with the French ones
 * (default_locale), where a Firefox without a German pack loads the English ones. A rule over
 * `@@ui_locale` would restate each browser's fallback. The manifest's name is localised with the
 * messages' own locale in both browsers, and reading it costs no message bundle: the first
 * getMessage() of a content script makes the browser hand it the whole bundle (~8 ms per portal
 * page, see lib/overlay/tab.ts). Read once: getManifest() copies the whole manifest (~0.2 ms), and
 * the browser picks the locale again only when the extension restarts, which ends this document's script.
 */
let language: Language | undefined;
export function contentLanguage(): Language {
  return (language ??= browser.runtime.getManifest().name === extName.en ? 'en' : 'fr');
}

/** A content text (`{ fr, en }`, from the portal and procedure modules) in the content language. */
export const local = (text: Readonly<Record<Language, string>>): string => text[contentLanguage()];
