import { browser } from 'wxt/browser';
import type { MessageKey } from './catalog';

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

export function tm(message: Message): string {
  return t(message.key, ...(message.subs ?? []));
}

/**
 * The language of portal and procedure content (seed texts carry French and English): the
 * one the browser picks for the extension's own messages — English only for an English UI,
 * French (the default locale) otherwise — so a page never mixes the two.
 */
export function contentLanguage(): 'fr' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** A content text (`{ fr, en }`, from the portal and procedure modules) in the content language. */
export const local = (text: Readonly<Record<'fr' | 'en', string>>): string => text[contentLanguage()];
