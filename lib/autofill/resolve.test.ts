import { describe, expect, it } from 'vitest';
import { sampleEstablishment } from '../profile/sample';
import type { CollectedField } from './collect';
import type { FieldKind } from '../profile/kinds';
import { establishmentValue, finessFor, holderOfField, matchOption, personValue, whichPerson } from './resolve';

const sample = sampleEstablishment();
const noForm: ReadonlySet<FieldKind> = new Set();
const field = (extra: Partial<CollectedField> = {}): CollectedField =>
  ({ element: document.createElement('input'), control: 'input', type: 'text', nameParts: [], hint: '', name: '', id: '', placeholder: '', autocomplete: '', maxLength: null, inputMode: '', pattern: '', options: [], readOnly: false, disabled: false, ...extra }) as CollectedField;

describe('whichPerson', () => {
  const [claire, luc, sophie] = sample.contacts;
  it('a role takes its holder; me takes the workstation contact; several ask', () => {
    expect(whichPerson(sample, 'representantLegal', undefined, undefined)).toEqual({ contact: claire });
    expect(whichPerson(sample, 'me', sophie!.id, undefined)).toEqual({ contact: sophie });
    expect(whichPerson(sample, 'me', undefined, undefined)).toEqual({ ask: sample.contacts });
    expect(whichPerson(sample, 'me', undefined, luc!.id)).toEqual({ contact: luc });
    // Nobody holds the role: any contact may be picked, none is taken silently.
    expect(whichPerson(sample, 'mandataire', undefined, undefined)).toEqual({ ask: sample.contacts });
    expect(whichPerson(sample, 'mandataire', undefined, sophie!.id)).toEqual({ contact: sophie });
    expect(whichPerson({ ...sample, contacts: [] }, 'mandataire', undefined, undefined)).toEqual({ missing: true });
    const twoAdmins = { ...sample, contacts: [...sample.contacts, { ...luc!, id: crypto.randomUUID() }] };
    expect(whichPerson(twoAdmins, 'administrateurTechnique', undefined, undefined)).toHaveProperty('ask');
    // A pick outside the role's holders is ignored.
    expect(whichPerson(sample, 'representantLegal', undefined, sophie!.id)).toEqual({ contact: claire });
  });
});

describe('whichPerson: who « me » is (newcomer report P1)', () => {
  const [claire, luc] = sample.contacts;
  const alone = { ...sample, contacts: [luc!] };
  it('« Je ne figure pas dans la liste » (null): no contact is the user, even a lone one; a pick still counts', () => {
    expect(whichPerson(alone, 'me', null, undefined)).toEqual({ notListed: true });
    expect(whichPerson(sample, 'me', null, undefined)).toEqual({ notListed: true });
    expect(whichPerson(alone, 'me', null, luc!.id)).toEqual({ contact: luc });
  });
  it('not said yet: a lone contact is offered with the question, never taken silently', () => {
    expect(whichPerson(alone, 'me', undefined, undefined)).toEqual({ ask: [luc] });
    // A stored contact that is gone counts as not said.
    expect(whichPerson(alone, 'me', claire!.id, undefined)).toEqual({ ask: [luc] });
  });
});

describe('holderOfField: whose block, from the label then the section titles', () => {
  const named = (label: string) => field({ nameParts: [{ source: 'labelFor', text: label }] });
  it.each([
    ['Nom', ['Responsable légal de la structure', 'Interlocuteurs'], 'representantLegal'],
    ['Nom', ['Représentant légal'], 'representantLegal'],
    ['Prénom', ['Contact technique'], 'administrateurTechnique'],
    ['Prénom', ['Administrateur technique du certificat'], 'administrateurTechnique'],
    ['Courriel', ['Responsable de la BAL'], 'responsableBalOrg'],
    ['Courriel', ['Responsable du compte'], 'responsableBalOrg'],
    ['Nom', ['Demandeur (vous)', 'Représentant légal'], 'me'],
    ['Nom', ['Vos coordonnées'], 'me'],
    ['Nom du mandataire', ['Demandeur'], 'mandataire'],
    ['Adresse mail', ['Compléter le formulaire d’inscription du compte partagé'], 'organisation'],
    ['Adresse mail', ['Boîte aux lettres organisationnelle'], 'organisation'],
    ['Adresse mail du compte nominatif', ['Création d’un compte organisationnel'], 'me'],
    ['Nom', ['Informations relatives au responsable du compte', 'BAL ORG'], 'responsableBalOrg'],
    ['Nom', [], 'me'],
  ] as const)('%s under %j → %s', (label, titles, holder) => {
    expect(holderOfField(named(label), titles)).toBe(holder);
  });
  it('the legend of the field, read by the collector, is not its own label: the titles order it', () => {
    const withLegend = field({ nameParts: [{ source: 'labelFor', text: 'Nom' }, { source: 'legend', text: 'Contact technique' }] });
    expect(holderOfField(withLegend, ['Demandeur (vous)'])).toBe('me');
  });
});

describe('finessFor', () => {
  it('EJ for public / ET for private on Plage; the rule otherwise', () => {
    expect(finessFor(sample, 'finess', 'byStatus')).toBe('750712184');
    expect(finessFor({ ...sample, status: 'private' }, 'finess', 'byStatus')).toBe('750100125');
    expect(finessFor(sample, 'finess', 'ej')).toBe('750712184');
    expect(finessFor(sample, 'finessEt', undefined)).toBe('750100125');
    expect(finessFor(sample, 'finess', undefined)).toBe('750100125');
  });
});

describe('phones', () => {
  const phone = (extra: Partial<CollectedField>) => personValue(sample.contacts[0]!, 'phone', field(extra))?.value;
  it('spaced by default, compact when the field counts digits, +33 when it asks', () => {
    expect(phone({})).toBe('01 40 27 50 01');
    expect(phone({ maxLength: 10 })).toBe('0140275001');
    expect(phone({ inputMode: 'numeric' })).toBe('0140275001');
    expect(phone({ placeholder: '+33 6 12 34 56 78' })).toBe('+33 1 40 27 50 01');
  });
  it('the spelling the pattern accepts, as the browser reads it (whole value)', () => {
    expect(phone({ pattern: '[0-9]{10}' })).toBe('0140275001');
    expect(phone({ pattern: '0[1-9]( ?\\d{2}){4}' })).toBe('01 40 27 50 01');
    expect(phone({ pattern: '0[1-9](\\d{2}){4}' })).toBe('0140275001');
    expect(phone({ pattern: '\\+33[1-9]\\d{8}' })).toBe('+33140275001');
    expect(phone({ pattern: '\\+33 [1-9]( \\d{2}){4}' })).toBe('+33 1 40 27 50 01');
    // A pattern this engine cannot read is no reason to leave the field empty.
    expect(phone({ pattern: '(' })).toBe('01 40 27 50 01');
  });
  it('no spelling within maxlength: not written', () => {
    expect(personValue(sample.contacts[0]!, 'phone', field({ maxLength: 8 }))).toMatchObject({ fit: 'tooLong' });
  });
});

describe('establishmentValue', () => {
  it('département: the name for a select or a wide input, the code for a short one', () => {
    const select = establishmentValue(sample, 'departement', field({ control: 'select' }), undefined, noForm);
    expect(select).toEqual({ value: 'Paris', alternatives: ['75', 'Paris', '75 - Paris'] });
    expect(establishmentValue(sample, 'departement', field({ maxLength: 3 }), undefined, noForm)?.value).toBe('75');
    expect(establishmentValue(sample, 'region', field(), undefined, noForm)?.value).toBe('Île-de-France');
  });
});

describe('maxlength', () => {
  it('a too-long description is cut at a clause, and says so', () => {
    expect(establishmentValue(sample, 'orgMailboxDescription', field({ control: 'textarea', maxLength: 40 }), undefined, noForm)).toEqual({
      value: 'Pharmacie à usage intérieur',
      alternatives: [],
      fit: 'shortened',
    });
    const whole = establishmentValue(sample, 'orgMailboxDescription', field({ maxLength: 80 }), undefined, noForm);
    expect(whole).toEqual({ value: 'Pharmacie à usage intérieur, Pitié-Salpêtrière, Paris, 75013', alternatives: [] });
  });
  it('nothing fits: the value is kept to show, marked too long, never cut', () => {
    expect(establishmentValue(sample, 'legalName', field({ maxLength: 5 }), undefined, noForm)).toMatchObject({ fit: 'tooLong' });
    expect(establishmentValue(sample, 'orgMailboxDescription', field({ maxLength: 10 }), undefined, noForm)).toMatchObject({ fit: 'tooLong' });
  });
  it('the street takes the norm\'s abbreviated type before giving up', () => {
    expect(establishmentValue(sample, 'street', field({ maxLength: 26 }), undefined, noForm)?.value).toBe("47 BD de l'Hôpital") // La Poste keeps the first number of a range;
    expect(establishmentValue(sample, 'street', field({ maxLength: 5 }), undefined, noForm)).toMatchObject({ fit: 'tooLong' });
  });
});

describe('split street', () => {
  const lauragais = { ...sample, address: { ...sample.address, street: '3 bis avenue du Docteur Guilhem' } };
  const split = new Set<FieldKind>(['streetNumber', 'streetRepetition', 'streetType', 'street']);
  const value = (kind: FieldKind & ('street' | 'streetNumber' | 'streetRepetition' | 'streetType'), form: ReadonlySet<FieldKind>, extra: Partial<CollectedField> = {}) =>
    establishmentValue(lauragais, kind, field(extra), undefined, form);
  it('each part in its field, the street field keeps the name only', () => {
    expect(value('streetNumber', split, { maxLength: 5 })?.value).toBe('3');
    expect(value('streetRepetition', split, { control: 'select' })).toEqual({ value: 'bis', alternatives: ['B'] });
    expect(value('streetRepetition', split, { maxLength: 1 })?.value).toBe('B');
    expect(value('streetType', split, { control: 'select' })).toEqual({ value: 'Avenue', alternatives: ['AV'] });
    expect(value('streetType', split, { maxLength: 4 })?.value).toBe('AV');
    expect(value('street', split)?.value).toBe('du Docteur Guilhem');
  });
  it('parts without a field of their own stay with their neighbour', () => {
    const numberOnly = new Set<FieldKind>(['streetNumber', 'street']);
    expect(value('streetNumber', numberOnly)?.value).toBe('3 bis');
    expect(value('streetNumber', numberOnly, { maxLength: 2 })?.value).toBe('3B');
    expect(value('street', numberOnly)?.value).toBe('avenue du Docteur Guilhem');
    expect(value('street', noForm)?.value).toBe('3 bis avenue du Docteur Guilhem');
  });
});

describe('matchOption', () => {
  const options = (...texts: [string, string][]) => texts.map(([text, value]) => ({ text, value }));
  it('equal text or value, then the name without its code, then one option holding the words', () => {
    const deps = options(['Choisir', ''], ['13 - Bouches-du-Rhône', '13'], ['75 - Paris', '75']);
    expect(matchOption(deps, ['Paris'])).toBe(2);
    expect(matchOption(deps, ['13'])).toBe(1);
    expect(matchOption(options(['Pharmacien', '21'], ['Médecin', '10']), ['pharmacien'])).toBe(0);
    expect(matchOption(options(['FINESS géographique', 'FINESS'], ['SIRET', 'SIRET']), ['SIRET'])).toBe(1);
    expect(matchOption(options(['Région Île-de-France', 'IDF'], ['Corse', 'COR']), ['Île-de-France'])).toBe(0);
    expect(matchOption(options(['Corse', 'COR'], ['Occitanie', 'OCC']), ['Île-de-France'])).toBe(-1);
    // The placeholder never matches, even by its text.
    expect(matchOption(deps, ['Choisir'])).toBe(-1);
  });
});
