import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { renderMessage } from './catalog';

/** A browser whose UI language is `ui` and which loaded Balise's messages in `loaded`. */
function browserIn(ui: string, loaded: 'fr' | 'en') {
  fakeBrowser.i18n.getUILanguage = () => ui;
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: renderMessage('extName', [], loaded), version: '0.0.0' });
}

describe('contentLanguage', () => {
  // The cases seen in Debian's Chromium and Firefox ESR (see contentLanguage's comment).
  it.each([
    ['a French browser', 'fr', 'fr'],
    ['an English browser', 'en-US', 'en'],
    ['a Chromium asked for French without its French language pack', 'fr', 'en'],
    ['a German browser (default_locale French)', 'de', 'fr'],
  ] as const)('in %s, is the language of the loaded messages', async (_case, ui, loaded) => {
    browserIn(ui, loaded);
    // A fresh module, as in a new document: the language is read once per document.
    vi.resetModules();
    const { contentLanguage, local } = await import('./t');
    expect(contentLanguage()).toBe(loaded);
    expect(local({ fr: 'Étape', en: 'Step' })).toBe(loaded === 'fr' ? 'Étape' : 'Step');
  });
});
