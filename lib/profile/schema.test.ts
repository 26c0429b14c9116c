import { renderMessage } from '../i18n/catalog';
import { normaliseProfileValue } from './normalise';
import { sampleEstablishment } from './sample';
import { parseEstablishment } from './schema';
import { bindFrenchSpaces } from '../i18n/typography';

function problemsOf(candidate: unknown) {
  const parsed = parseEstablishment(normaliseProfileValue(candidate));
  if (parsed.success) return [];
  return parsed.problems.map((p) => ({ path: p.path.join('.'), text: renderMessage(p.message.key, (p.message.subs ?? []).map(String)) }));
}

describe('establishment schema', () => {
  it('accepts the sample establishment', () => {
    expect(problemsOf(sampleEstablishment())).toEqual([]);
  });

  it('says in French which field is wrong and what is expected', () => {
    const candidate = { ...sampleEstablishment(), siret: '2675004520052', label: '  ' };
    expect(problemsOf(candidate)).toEqual([
      { path: 'label', text: 'Ce champ est obligatoire.' },
      { path: 'siret', text: bindFrenchSpaces('Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.') },
    ]);
  });

  it('locates problems inside contacts and certificates', () => {
    const base = sampleEstablishment();
    const candidate = {
      ...base,
      contacts: [{ ...base.contacts[0]!, rpps: '1234' }],
      certificates: [{ id: crypto.randomUUID(), kind: 'PRO AUTH', holderContactId: crypto.randomUUID(), obtainedOn: '2025-02-01', expiresOn: '2024-02-01' }],
    };
    expect(problemsOf(candidate).map((p) => p.path)).toEqual(['contacts.0.rpps', 'certificates.0.expiresOn', 'certificates.0.holderContactId']);
  });

  it('refuses a SIRET that does not start with the SIREN', () => {
    expect(problemsOf({ ...sampleEstablishment(), siren: '356000000' }).map((p) => p.path)).toEqual(['siret']);
  });

  it('says a missing choice is required, not unknown', () => {
    const { status: _status, ...withoutStatus } = sampleEstablishment();
    expect(problemsOf({ ...withoutStatus, category: '' })).toEqual([
      { path: 'status', text: 'Ce champ est obligatoire.' },
      { path: 'category', text: 'Ce champ est obligatoire.' },
    ]);
    expect(problemsOf({ ...sampleEstablishment(), label: 42 })).toEqual([{ path: 'label', text: 'Cette valeur n’est pas du type attendu.' }]);
  });

  it('refuses unknown keys and values outside the lists', () => {
    const candidate = { ...sampleEstablishment(), pin: '1234', status: 'associatif' };
    expect(problemsOf(candidate)).toEqual([
      { path: 'status', text: bindFrenchSpaces('Valeur non reconnue ; valeurs possibles : public, private.') },
      { path: '', text: bindFrenchSpaces('Balise refuse les noms de champ qu’elle ne connaît pas : pin.') },
    ]);
  });
});

describe('invisible and control characters (Unicode Cc, Cf) in text', () => {
  it.each([
    ['label', 'CH \u202Eeimedac\u202C', 'U+202E'],
    ['legalName', 'Centre\u200Bhospitalier', 'U+200B'],
    ['group', 'GHT\u0007', 'U+0007'],
    ['address.city', 'Pa\u2066ris', 'U+2066'],
    ['contacts.0.lastName', 'Mar\u00ADtin', 'U+00AD'],
    ['orgMailbox.description', 'Ligne 1\nLigne 2\u202E', 'U+202E'],
  ])('refuses one in %s', (path, value, character) => {
    const candidate = structuredClone(sampleEstablishment()) as unknown as Record<string, unknown>;
    const parts = path.split('.');
    let node = candidate as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
    expect(problemsOf(candidate)).toEqual([
      { path, text: bindFrenchSpaces(`Ce texte contient un caractère invisible ou de contrôle (${character}), qui peut fausser son affichage : retirez-le.`) },
    ]);
  });

  it('keeps line breaks and tabs in the mailbox description, and accents anywhere', () => {
    expect(problemsOf({ ...sampleEstablishment(), label: 'Hôpital Éléonore', orgMailbox: { description: 'Ligne 1\n\tLigne 2' } })).toEqual([]);
  });
});

describe('normaliseProfileValue', () => {
  it('turns what people type into canonical values', () => {
    const typed = { siret: ' 267 500 452 00524 ', phone: '+33 1 40 27 50 00', label: ' CH ', group: '', address: { departement: '2a' }, contacts: [{ email: 'Claire.Martin@Exemple.FR' }] };
    expect(normaliseProfileValue(typed)).toEqual({
      siret: '26750045200524',
      phone: '0140275000',
      label: 'CH',
      address: { departement: '2A' },
      contacts: [{ email: 'claire.martin@exemple.fr' }],
    });
  });

  it('keeps a __proto__ key visible so that the strict schema refuses it', () => {
    const hostile = JSON.parse(`{"label":"x","__proto__":{"polluted":true}}`) as unknown;
    const normalised = normaliseProfileValue(hostile) as Record<string, unknown>;
    expect(Object.keys(normalised)).toEqual(['label', '__proto__']);
    expect(Object.getPrototypeOf(normalised)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problemsOf({ ...sampleEstablishment(), ...(hostile as object) }).map((p) => p.text)).toContain(bindFrenchSpaces('Balise refuse les noms de champ qu’elle ne connaît pas : __proto__.'));
  });
});
