import { describe, expect, it } from 'vitest';
import { fixtureHtml, fixtures } from '../../test/fixtures/load';
import { containsWords, distinctRunsOfFolded, folded, gluedWordsOfFolded, latinMarks, latinSeparators, sameWords, words, wordsOf, wordsOfFolded } from './words';

describe('words', () => {
  it('read marks and separators of Latin text with plain ranges as Unicode properties read them', () => {
    const ranges = [[0x0000, 0x024f], [0x0300, 0x036f], [0x2000, 0x206f], [0x20a0, 0x20cf]] as const;
    for (const [first, last] of ranges)
      for (let code = first; code <= last; code++) {
        const char = String.fromCharCode(code);
        expect(new RegExp(latinSeparators.source).test(char), `U+${code.toString(16)}`).toBe(/[^\p{L}\p{N}]/u.test(char));
        expect(new RegExp(latinMarks.source).test(char), `U+${code.toString(16)}`).toBe(/\p{M}/u.test(char));
      }
  });

  it('glue a whole text’s words as they are read one by one', () => {
    const pieces = ['a', 'au', 'aux', 'de', 'l', 'qu', 's', 'ss', 'sx', 'x', 'es', 'nos', 'finess', 'prix', 'Créés', 'œufs', '²', '½', '3s', ' ', '’', '-', ' : ', '\u202f', '«', '…'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    const texts = [...fixtures.map((f) => fixtureHtml(f)), ...Array.from({ length: 300 }, () => Array.from({ length: 30 }, () => pieces[next()]).join(''))];
    for (const text of texts.map(folded)) expect(gluedWordsOfFolded(text), text.slice(0, 80)).toBe(wordsOfFolded(text).join(''));
  });

  it('find a word in a text’s distinct runs exactly where it is in the text', () => {
    const texts = [...fixtures.map((f) => fixtureHtml(f)), 'Nom de naissance, noms ; prénom² ½ café ✓ 東京 — finess, finesses', 'Ελληνικά nom'].map(folded);
    const sought = [...new Set(texts.flatMap(wordsOfFolded))].slice(0, 400).concat(['nom', 'om', 'prenom', 'cafe', '東京', 'ελληνικα', '½', '2', 'zzz']);
    for (const text of texts) {
      const runs = distinctRunsOfFolded(text);
      for (const word of sought) expect(runs.includes(word), `${word} in ${text.slice(0, 40)}`).toBe(text.includes(word));
    }
  });

  it('read words beyond Latin text too', () => {
    expect(wordsOf('Ελληνικά ½ café ✓ 東京')).toEqual(['ελληνικα', '½', 'cafe', '東京']);
  });

  it('keep letters and digits, lower case, without accents, little words nor plurals', () => {
    expect(wordsOf('Prénom(s) *')).toEqual(['prenom']);
    expect(wordsOf('Nom de l’établissement :')).toEqual(['nom', 'etablissement']);
    expect(wordsOf('N° FINESS des établissements')).toEqual(['n', 'finess', 'etablissement']);
  });

  it.each([
    ['Adresse e-mail *', 'Adresse e-mail :'],
    ['Nom de l’établissement', 'Nom d’établissement'],
    ['Nom de l\'établissement', 'NOM ÉTABLISSEMENT'],
    ['Mes profils / habilitations', 'Mes habilitations et profils'],
    ['Entités de rattachement', 'Entité de rattachement'],
    ['ProSanteConnect', 'PRO SANTE CONNECT'],
  ])('« %s » and « %s » are the same words', (a, b) => {
    expect(sameWords(words(a), words(b))).toBe(true);
  });

  it.each([
    ['Nom', 'Nom d’usage'],
    ['Nom', 'Prénom'],
    ['Mot de passe', 'Confirmation du mot de passe'],
    ['', ''],
  ])('« %s » and « %s » are not', (a, b) => {
    expect(sameWords(words(a), words(b))).toBe(false);
  });

  it('find a title within a longer heading, as often as it says its words', () => {
    expect(containsWords(words('Étape 3 : Informations de produit'), words('informations produit'))).toBe(true);
    expect(containsWords(words('Produit'), words('informations produit'))).toBe(false);
    expect(containsWords(words('nom'), words('nom nom'))).toBe(false);
    expect(containsWords(words('Se connecter avec ProSanteConnect'), words('Pro Santé Connect'))).toBe(true);
    expect(containsWords(words('anything'), words(''))).toBe(false);
    // Glued letters count only over whole words: « Connexion » is not in « Déconnexion ».
    expect(containsWords(words('Déconnexion'), words('Connexion'))).toBe(false);
    expect(containsWords(words('Invalider la demande'), words('Valider'))).toBe(false);
  });
});
