/**
 * The options page's address that opens the editor on a new establishment: where « Créer mon
 * établissement » leads from the popup and the guide. Apart from OptionsApp so that the popup
 * and the content script link here without loading the page's code.
 */
import { browser } from 'wxt/browser';

export const newEstablishmentHash = '#new';

export const newEstablishmentLink = () => `${browser.runtime.getURL('/options.html')}${newEstablishmentHash}`;
