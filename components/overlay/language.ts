import { browser } from 'wxt/browser';
import type { Text } from '../../lib/portals/schema';

/**
 * The language of portal content (seed texts carry French and English): the one the
 * browser picks for the extension's own messages, so the panel never mixes the two.
 */
export function contentLanguage(): keyof Text {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'fr';
}
