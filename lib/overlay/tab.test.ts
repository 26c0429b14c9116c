import { describe, expect, it } from 'vitest';
import tabMessages from '../i18n/messages/tab.json';
import { bindFrenchSpaces } from '../i18n/typography';

describe('the folded tab’s strings', () => {
  // The always-loaded script reads its fragment as written, past the build's typography step (issue 18: the tab once
  // said « étape 2/8 : » with a space the line could break at, where the panel said it bound).
  it('carry French spacing themselves, and English none', () => {
    for (const [key, entry] of Object.entries(tabMessages)) {
      expect(entry.fr, key).toBe(bindFrenchSpaces(entry.fr));
      expect(entry.en, key).not.toMatch(/[\u00a0\u202f]/);
    }
  });
});
