import { browser } from 'wxt/browser';
import type { Text } from '../../lib/portals/schema';

/**
 * The language of portal and procedure content (seed texts carry French and English): the
 * one the browser picks for the extension's own messages — English only for an English UI,
 * French (the default locale) otherwise — so a page never mixes the two.
 */
export function contentLanguage(): keyof Text {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export const local = (text: Text): string => text[contentLanguage()];
