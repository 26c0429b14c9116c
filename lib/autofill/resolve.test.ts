import { describe, expect, it } from 'vitest';
import { sampleEstablishment } from '../profile/sample';
import type { CollectedField } from './collect';
import { establishmentValue, finessFor, formatPhone, holderOfField, matchOption, whichPerson } from './resolve';

const sample = sampleEstablishment();
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

describe('formatPhone', () => {
  it('spaced by default, compact when the field counts digits, +33 when it asks', () => {
    expect(formatPhone('0140275000', field())).toBe('01 40 27 50 00');
    expect(formatPhone('0140275000', field({ maxLength: 10 }))).toBe('0140275000');
    expect(formatPhone('0140275000', field({ pattern: '[0-9]{10}' }))).toBe('0140275000');
    expect(formatPhone('0140275000', field({ placeholder: '+33 6 12 34 56 78' }))).toBe('+33 1 40 27 50 00');
  });
});

describe('establishmentValue', () => {
  it('département: the name for a select or a wide input, the code for a short one', () => {
    const select = establishmentValue(sample, 'departement', field({ control: 'select' }), undefined, false);
    expect(select).toEqual({ value: 'Paris', alternatives: ['75', 'Paris', '75 - Paris'] });
    expect(establishmentValue(sample, 'departement', field({ maxLength: 3 }), undefined, false)?.value).toBe('75');
    expect(establishmentValue(sample, 'region', field(), undefined, false)?.value).toBe('Île-de-France');
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
