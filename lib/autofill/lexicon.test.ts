import { describe, expect, it } from 'vitest';
import { fieldKinds } from '../profile/kinds';
import { lexicon, matchIdentifier, matchText, normalize, readAutocomplete, tokenizeIdentifier } from './lexicon';

describe('normalize', () => {
  it.each([
    ['Nom de l’Établissement', 'nom de l etablissement'],
    ["N° FINESS", 'numero finess'],
    ['nº SIRET', 'numero siret'],
    ['n°SIRET', 'numero siret'],
    ['Num. RPPS', 'numero rpps'],
    ['  Adresse   électronique :  ', 'adresse electronique'],
    ['E-MAIL*', 'e mail'],
    ['Mél', 'mel'],
    ['Téléphone (portable)', 'telephone portable'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalize(raw)).toBe(normalized);
  });
});

describe('tokenizeIdentifier', () => {
  it.each([
    ['raisonSociale', 'raison sociale'],
    ['code_postal', 'code postal'],
    ['address-line2', 'address line 2'],
    ['adresse2', 'adresse 2'],
    ['user[firstName]', 'user first name'],
    ['FINESS_EJ', 'finess ej'],
  ])('%s → %s', (raw, tokens) => {
    expect(tokenizeIdentifier(raw)).toBe(tokens);
  });
});

describe('matching', () => {
  it('only names kinds that exist', () => {
    for (const entry of lexicon)
      if (entry.verdict !== 'ignore' && entry.verdict !== 'confirmation') expect(fieldKinds).toContain(entry.verdict);
  });

  it('takes the first entry, so specific phrases beat the words they contain', () => {
    expect(matchText('adresse electronique')?.verdict).toBe('email');
    expect(matchText('adresse')?.verdict).toBe('street');
    expect(matchText('nom de la structure')?.verdict).toBe('legalName');
    expect(matchText('nom')?.verdict).toBe('lastName');
  });

  it('honours a filter', () => {
    expect(matchText('telephone portable', (verdict) => verdict !== 'mobile')?.verdict).toBe('phone');
  });

  it('does not trust weak words in attributes', () => {
    expect(matchText('name')?.verdict).toBe('fullName');
    expect(matchIdentifier('name')).toBeNull();
    expect(matchIdentifier('structure')).toBeNull();
    expect(matchIdentifier('fname')?.verdict).toBe('firstName');
    expect(matchText('fname')).toBeNull();
  });

  it('reads the UPN as no field of ours, before the « nom » it contains (domain audit W1)', () => {
    for (const text of ['Nom principal d’utilisateur (UPN)', 'UPN', 'User Principal Name'])
      expect(matchText(normalize(text))?.verdict, text).toBe('ignore');
    expect(matchIdentifier(tokenizeIdentifier('upn'))?.verdict).toBe('ignore');
  });

  it('tells the identifier type from the establishment identifier, which is the FINESS ET (domain audit W2)', () => {
    expect(matchText(normalize("Type d'identifiant établissement"))?.verdict).toBe('establishmentIdentifierType');
    expect(matchText(normalize('Type de numéro'))?.verdict).toBe('establishmentIdentifierType');
    expect(matchText(normalize('Identifiant établissement'))?.verdict).toBe('finessEt');
    expect(matchText(normalize("Identifiant de l'établissement"))?.verdict).toBe('finessEt');
    // A login identifier stays a credential we do not keep.
    expect(matchText(normalize('Identifiant'))?.verdict).toBe('ignore');
  });

  it('does not read « tel que » as a phone, and leaves the clause out of the name', () => {
    for (const text of ["Tel qu'il figure sur votre pièce d'identité", 'Tel qu’inscrit à l’état civil', 'Telle que déclarée', 'tels que'])
      expect(matchText(normalize(text)), text).toBeNull();
    expect(matchText(normalize("Nom de naissance * Tel qu'il figure sur votre pièce d'identité"))?.verdict).toBe('lastName');
    expect(matchText(normalize('Nom * tel qu’inscrit dans l’annuaire RPPS'))?.verdict).toBe('lastName');
    expect(matchText(normalize('Tél.'))?.verdict).toBe('phone');
    expect(matchText(normalize('Tel'))?.verdict).toBe('phone');
  });

  it('keeps the names of people apart', () => {
    expect(matchText(normalize('Nom'))?.verdict).toBe('lastName');
    expect(matchText(normalize("Nom d'usage"))?.verdict).toBe('lastName');
    expect(matchText(normalize('Prénom'))?.verdict).toBe('firstName');
    expect(matchText(normalize("Nom d'utilisateur"))?.verdict).toBe('ignore');
    expect(matchText(normalize('Nom de l’établissement'))?.verdict).toBe('legalName');
  });

  it('returns null on empty text', () => {
    expect(matchText('')).toBeNull();
  });

  it('gives the same answer for a remembered string, whatever the filter or the kind of text', () => {
    // A filtered call records which entries it ran; a later call must still run the others.
    expect(matchText('telephone portable', (verdict) => verdict === 'phone')?.verdict).toBe('phone');
    expect(matchText('telephone portable')?.verdict).toBe('mobile');
    expect(matchText('telephone portable', (verdict) => verdict === 'phone')?.verdict).toBe('phone');
    // The same string as text then as an identifier: the identifier-only patterns apply to the latter only.
    expect(matchText('cell')).toBeNull();
    expect(matchIdentifier('cell')?.verdict).toBe('mobile');
    expect(matchText('cell')).toBeNull();
    expect(matchIdentifier('name')).toBeNull();
    expect(matchText('name')?.verdict).toBe('fullName');
  });

  it('stays right after more distinct strings than it keeps', () => {
    for (let i = 0; i < 25_000; i++) expect(matchIdentifier(tokenizeIdentifier(`champ${i}`))).toBeNull();
    expect(normalize('Nom de l’Établissement')).toBe('nom de l etablissement');
    expect(tokenizeIdentifier('raisonSociale')).toBe('raison sociale');
    expect(matchText('nom de l etablissement')?.verdict).toBe('legalName');
  });
});

describe('readAutocomplete', () => {
  it.each([
    ['given-name', 'firstName'],
    ['section-contact shipping family-name', 'lastName'],
    ['ORGANIZATION', 'legalName'],
    ['work tel', 'phone'],
    ['mobile tel', 'mobile'],
    ['fax tel', null],
    ['address-line3', null],
    ['cc-number', null],
    ['username', null],
    ['new-password', 'password'],
    ['one-time-code', 'oneTimeCode'],
  ])('%s → %s', (attribute, kind) => {
    expect(readAutocomplete(attribute)?.kind).toBe(kind);
  });

  it('says nothing for on, off, empty or unknown tokens', () => {
    for (const attribute of ['on', 'off', '', 'cedex']) expect(readAutocomplete(attribute)).toBeUndefined();
  });
});
