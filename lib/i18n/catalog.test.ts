import { allEntries, fragments, languages, localeFiles, renderMessage, renderPlural, toMessagesJson } from './catalog';

const substitutions = (text: string) => [...text.matchAll(/\{([1-9])\}/g)].map((m) => m[1]).sort();

describe('message catalog', () => {
  it('has no key defined in two fragments', () => {
    const seen = new Map<string, string>();
    for (const [fragment, entries] of Object.entries(fragments)) {
      for (const key of Object.keys(entries)) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${fragment}`).toBeUndefined();
        seen.set(key, fragment);
      }
    }
  });

  it('gives every message in French and English with the same substitutions', () => {
    for (const entries of Object.values(fragments)) {
      for (const [key, entry] of Object.entries(entries as Record<string, { fr: string; en: string }>)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.fr.trim(), key).not.toBe('');
        expect(entry.en.trim(), key).not.toBe('');
        expect(substitutions(entry.en), key).toEqual(substitutions(entry.fr));
      }
    }
  });

  // Typography a reader sees (issue 18): one apostrophe in each language (the English side read
  // « Balise's icon » beside « the establishment’s export » on one page), no French spacing in English.
  it('writes both languages with the curly apostrophe only', () => {
    for (const [key, entry] of allEntries()) for (const language of languages) expect(entry[language], `${key} (${language})`).not.toContain("'");
  });

  it('writes English with no space before a colon, semicolon, question or exclamation mark', () => {
    for (const [key, entry] of allEntries()) expect(entry.en, key).not.toMatch(/[\s\u00a0\u202f][:;?!]/);
  });

  // French spacing (./typography.ts): authors type ordinary spaces, the build binds them.
  it('builds French messages whose guillemets, colons, semicolons, question and exclamation marks cannot start or end a line', () => {
    const built = Object.entries(toMessagesJson('fr') as Record<string, { message: string }>);
    expect(built.filter(([, { message }]) => /« | [»:;?!]/.test(message))).toEqual([]);
    expect(built.filter(([key]) => /[:;?!»]/.test(renderMessage(key))).length).toBeGreaterThan(100);
  });

  it('leaves English messages as written', () => {
    const built = Object.entries(toMessagesJson('en') as Record<string, { message: string }>);
    expect(built.filter(([, { message }]) => /[\u00a0\u202f]/.test(message))).toEqual([]);
    expect(renderMessage('errTooLong', ['60'], 'en')).toBe('This text is too long: 60 characters at most.');
  });

  // Issue 18: « établissement(s) » is for forms; a count is said as the language says it, through tp().
  it('writes no « (s) » plural', () => {
    for (const [key, entry] of allEntries()) {
      expect(entry.fr, key).not.toMatch(/\((s|x|es)\)/);
      expect(entry.en, key).not.toMatch(/\((s|es)\)/);
    }
  });

  it('says a count as each language does: French 0 and 1 are singular, English 0 is plural', () => {
    expect([0, 1, 2].map((n) => renderPlural('importDifferences', n))).toEqual(['0 différence\u00a0:', '1 différence\u00a0:', '2 différences\u00a0:']);
    expect([0, 1, 2].map((n) => renderPlural('importDifferences', n, [], 'en'))).toEqual(['0 differences:', '1 difference:', '2 differences:']);
    expect(renderPlural('exportDone', 3, ['a.json'], 'fr')).toBe('Fichier «\u202fa.json\u202f» prêt\u00a0: 3 établissements.');
  });

  it('writes messages.json with placeholders and escaped dollars', () => {
    const fr = toMessagesJson('fr') as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
    expect(fr.errTooLong).toEqual({
      message: 'Ce texte est trop long\u00a0: $P1$ caractères au plus.',
      placeholders: { p1: { content: '$1' } },
    });
    expect(localeFiles().map((f) => f.relativeDest)).toEqual(['_locales/fr/messages.json', '_locales/en/messages.json']);
  });

  it('renders substitutions offline as the browser does', () => {
    expect(renderMessage('errTooLong', ['60'])).toBe('Ce texte est trop long\u00a0: 60 caractères au plus.');
    expect(renderMessage('errTooLong', ['60'], 'en')).toBe('This text is too long: 60 characters at most.');
  });
});
