import fc from 'fast-check';
import fragment from '../i18n/messages/identifiers.json';
import { tm, type Message } from '../i18n/t';
import {
  checkAdeli,
  checkDepartement,
  checkDomain,
  checkEmail,
  checkFiness,
  checkPhone,
  checkPostalCode,
  checkRpps,
  checkSiren,
  checkSiret,
  checkSiretMatchesSiren,
  coherenceWarnings,
  finessDepartement,
  normaliseDigits,
  normalisePhone,
  postalCodeDepartements,
  shownValue,
  sirenOfSiret,
} from './identifiers';
import { bindFrenchSpaces } from '../i18n/typography';

/** Every message key an example below produced: the last test checks none is left untested. */
const produced = new Set<string>();
function expectMessage(result: Message | null, key: string, subs?: (string | number)[]) {
  expect(result?.key).toBe(key);
  if (subs) expect(result?.subs).toEqual(subs);
  produced.add(key);
}

// Real, published numbers. Sources:
// [FINESS] the Ministry of Health's FINESS open-data extract (data.gouv.fr, file
//   etalab-cs1100502-stock-20260512), lines quoted verbatim in public repositories' tests;
// [SAE] DREES's SAE 2025 statistics tables (establishment identification), quoted likewise;
// [SNDS] SNDS analysis code (public repository) naming the AP-HP, AP-HM and HCL legal entities;
// [RAA 2B-02] Préfecture de Haute-Corse, recueil des actes administratifs n°2B-2024-02-015
//   (29 Feb 2024), ARS Corse tariff orders; [RAA 2B-07] same, n°2B-2024-07-003 (4 Jul 2024);
// [RAA 2A] Préfecture de Corse-du-Sud, recueil des actes administratifs n°2A-2025-178
//   (24 Dec 2025), ARS Corse orders "FINESS EJ - …".
const realFiness: [string, string, string][] = [
  ['750712184', '75', 'AP-HP, legal entity [SAE]'],
  ['750100125', '75', 'AP-HP Pitié-Salpêtrière site [SAE]'],
  ['690781810', '69', 'Hospices Civils de Lyon, legal entity [SNDS]'],
  ['130786049', '13', 'AP-HM, legal entity [SNDS]'],
  ['010000024', '01', 'CH de Fleyriat, Bourg-en-Bresse, site [FINESS]'],
  ['010780054', '01', 'CH de Bourg-en-Bresse, legal entity [FINESS]'],
  ['970100012', '971', 'Polyclinique de la Guadeloupe, site [FINESS]'],
  ['970100400', '971', 'CH Louis Constant Fleming, Saint-Martin, site [FINESS]'],
  ['970100186', '971', 'CH Louis Constant Fleming, legal entity [FINESS]'],
  ['970210126', '972', 'CMPP intersectoriel Aloès, Martinique, site [FINESS]'],
  ['970300026', '973', 'CH de Cayenne, site [FINESS]'],
  ['970302022', '973', 'CH de Cayenne, legal entity [FINESS]'],
  ['970302287', '973', 'EHPAD Edmar Lama de Cayenne, site [FINESS]'],
  ['970400024', '974', 'CHU de La Réunion, Félix Guyon site [FINESS]'],
  ['970408589', '974', 'CHU de La Réunion, legal entity [FINESS]'],
  ['980502199', '976', 'Ubipharm-Mayotte, site [FINESS]'],
  ['980600027', '986', 'Hôpital de Sia, Wallis-et-Futuna, site [FINESS]'],
  ['2B0000020', '2B', 'CH de Bastia [RAA 2B-02]'],
  ['2B0005342', '2B', 'CH de Calvi [RAA 2B-02]'],
  ['2B0004246', '2B', 'CHI de Corte-Tattone [RAA 2B-02]'],
  ['2B0000442', '2B', 'EHPAD La Chenaie [RAA 2B-07]'],
  ['2B0003107', '2B', 'EHPAD U Serenu [RAA 2B-07]'],
  ['2B0003628', '2B', 'EHPAD du CH de Bastia [RAA 2B-07]'],
  ['2B0001341', '2B', 'EHPAD Saint André [RAA 2B-07]'],
  ['2A0000170', '2A', 'CH de Bonifacio, legal entity [RAA 2A]'],
  ['2A0000386', '2A', 'CH de Castelluccio, legal entity [RAA 2A]'],
  ['2A0002606', '2A', 'CH de Sartène, legal entity [RAA 2A]'],
];

// [FINESS] the SIRET column of the same extract; [ASN] an ASN (nuclear safety authority)
// inspection record, INSNP-PRS-2017-0288, for the Pitié-Salpêtrière, quoted in a public
// repository's test; [WP] French Wikipedia, "Système d'identification du répertoire des
// établissements" (INSEE's own example 732 829 320 00074, and La Poste's head office);
// [LIB] a public PHP validation library's test, La Poste establishment case.
const realSirets: [string, string][] = [
  ['26750045200524', 'AP-HP, Pitié-Salpêtrière [ASN]'],
  ['26010004500012', 'CH de Bourg-en-Bresse, Fleyriat site [FINESS]'],
  ['26971036400028', 'CH Louis Constant Fleming, Saint-Martin [FINESS]'],
  ['26973302800022', 'CH de Cayenne [FINESS]'],
  ['20003001300011', 'CHU de La Réunion [FINESS]'],
  ['31328539700011', 'Polyclinique de la Guadeloupe [FINESS]'],
  ['73282932000074', "INSEE's example [WP]"],
  ['35600000000048', 'La Poste, head office: an ordinary Luhn number [WP]'],
  ['35600000049837', 'La Poste establishment: not Luhn, digit sum a multiple of 5 [LIB]'],
];

describe('FINESS', () => {
  it.each(realFiness)('accepts %s (département %s): %s', (finess, departement) => {
    expect(checkFiness(finess)).toBeNull();
    expect(finessDepartement(finess)).toBe(departement);
  });

  it('explains each kind of error', () => {
    expectMessage(checkFiness('75071218'), 'finessLength', [8]);
    expectMessage(checkFiness('7507121840'), 'finessLength', [10]);
    expectMessage(checkFiness('75O712184'), 'finessCharacter', ['O', 3]);
    expectMessage(checkFiness('3A0000170'), 'finessCharacter', ['A', 2]);
    expectMessage(checkFiness('200000170'), 'finessPrefix', ['20']);
    expectMessage(checkFiness('000712184'), 'finessPrefix', ['00']);
    expectMessage(checkFiness('960712184'), 'finessPrefix', ['96']);
    expectMessage(checkFiness('971001234'), 'finessPrefix', ['9710']);
    expectMessage(checkFiness('750712185'), 'finessKey', ['750712185']);
    // A and B are not interchangeable: Bastia's number read as Corse-du-Sud fails.
    expectMessage(checkFiness('2A0000020'), 'finessKey', ['2A0000020']);
  });

  it('says it in French, naming the expected prefixes', () => {
    expect(tm(checkFiness('200000170')!)).toBe(
      bindFrenchSpaces('Le numéro FINESS doit commencer par un code de département : 01 à 95, 2A ou 2B (Corse), 9701 à 9705 ') +
        '(Guadeloupe, Martinique, Guyane, La Réunion, Saint-Pierre-et-Miquelon), 9805 (Mayotte) ou 9806 ' +
        bindFrenchSpaces('(Wallis-et-Futuna). Il commence ici par « 20 ».'),
    );
  });
});

describe('SIREN and SIRET', () => {
  it.each(realSirets)('accepts the SIRET %s: %s', (siret) => {
    expect(checkSiret(siret)).toBeNull();
  });

  it('accepts published SIRENs: AP-HP [SAE, public procurement notices], La Poste [WP]', () => {
    expect(checkSiren('267500452')).toBeNull();
    expect(checkSiren('356000000')).toBeNull();
  });

  it('explains each kind of error', () => {
    expectMessage(checkSiren('26750045'), 'sirenLength', [8]);
    expectMessage(checkSiren('26750045X'), 'sirenCharacter', ['X', 9]);
    expectMessage(checkSiren('267500453'), 'sirenKey', ['267\u00a0500\u00a0453']);
    expectMessage(checkSiret('7328293200007'), 'siretLength', [13]);
    expectMessage(checkSiret('7328293200007A'), 'siretCharacter', ['A', 14]);
    expectMessage(checkSiret('73282932000075'), 'siretKey', ['732\u00a0829\u00a0320\u00a000075']);
    // La Poste's rule is its own: another SIREN's number with a digit sum multiple of 5 still needs Luhn.
    expectMessage(checkSiret('26750045200523'), 'siretKey');
    // …and a La Poste number must satisfy one of the two rules.
    expectMessage(checkSiret('35600000049838'), 'siretKey');
  });

  it('renders the key error in French as the form shows it', () => {
    expect(tm(checkSiret('73282932000075')!)).toBe(
      bindFrenchSpaces("Le SIRET 732\u00a0829\u00a0320\u00a000075 n’est pas valide : sa clé de contrôle ne correspond pas (vérifiez une faute de frappe)."),
    );
    expect(tm(checkSiret('7328293200007')!)).toBe(bindFrenchSpaces('Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.'));
  });

  it('checks that the SIRET belongs to the SIREN', () => {
    expect(checkSiretMatchesSiren('26750045200524', '267500452')).toBeNull();
    expect(checkSiretMatchesSiren('267 500 452 00524', '267500452')).toBeNull();
    expectMessage(checkSiretMatchesSiren('26010004500012', '267500452'), 'siretNotOfSiren', [
      '260\u00a0100\u00a0045\u00a000012',
      '267\u00a0500\u00a0452',
    ]);
    // A malformed number is reported by its own check, not here.
    expect(checkSiretMatchesSiren('2601000450001', '267500452')).toBeNull();
    expect(checkSiretMatchesSiren('26010004500012', '26750045')).toBeNull();
  });
});

describe('RPPS and ADELI', () => {
  it('checks length and digits only: no public reference documents a key', () => {
    // Published RPPS numbers: an RPPS API SDK's README on Packagist (10005173140), and the ANS
    // Annuaire Santé FHIR guide's example practitioner (10003461033), which no Luhn key fits.
    expect(checkRpps('10005173140')).toBeNull();
    expect(checkRpps('10003461033')).toBeNull();
    expectMessage(checkRpps('1000517314'), 'rppsLength', [10]);
    expectMessage(checkRpps('1000517314O'), 'rppsCharacter', ['O', 11]);
    // ADELI: shape only (no published number needed to show a shape).
    expect(checkAdeli('751234567')).toBeNull();
    expectMessage(checkAdeli('75123456'), 'adeliLength', [8]);
    expectMessage(checkAdeli('75123456/'), 'adeliCharacter', ['/', 9]);
  });
});

describe('postal code and département', () => {
  it('maps postal codes to their département(s)', () => {
    expect(postalCodeDepartements('75013')).toEqual(['75']);
    expect(postalCodeDepartements('01440')).toEqual(['01']);
    expect(postalCodeDepartements('20200')).toEqual(['2A', '2B']);
    expect(postalCodeDepartements('97139')).toEqual(['971']);
    expect(postalCodeDepartements('97150')).toEqual(['971']); // Saint-Martin, FINESS 9701… (see above)
    expect(postalCodeDepartements('97620')).toEqual(['976']);
    expect(postalCodeDepartements('98600')).toEqual(['986']);
    expect(postalCodeDepartements('96000')).toEqual([]);
    expect(postalCodeDepartements('7501')).toEqual([]);
  });

  it('checks postal codes and départements', () => {
    expect(checkPostalCode('75013')).toBeNull();
    expect(checkPostalCode('20000')).toBeNull();
    expectMessage(checkPostalCode('7501'), 'postalCodeLength', [4]);
    expectMessage(checkPostalCode('75O13'), 'postalCodeCharacter', ['O', 3]);
    expectMessage(checkPostalCode('00100'), 'postalCodePrefix', ['00100']);
    expectMessage(checkPostalCode('97700'), 'postalCodePrefix', ['97700']);
    for (const code of ['01', '19', '2A', '2B', '21', '95', '971', '974', '976']) expect(checkDepartement(code)).toBeNull();
    expectMessage(checkDepartement('20'), 'departementUnknown', ['20']);
    expectMessage(checkDepartement('1'), 'departementUnknown', ['1']);
    expectMessage(checkDepartement('975'), 'departementUnknown', ['975']);
    expectMessage(checkDepartement('96'), 'departementUnknown', ['96']);
  });
});

describe('normalisation', () => {
  it('strips separators from identifiers and upper-cases Corsica', () => {
    expect(normaliseDigits('732 829 320 00074')).toBe('73282932000074');
    expect(normaliseDigits('75\u00a0071\u202f218.4')).toBe('750712184');
    expect(normaliseDigits('2b-000-002-0')).toBe('2B0000020');
    expect(normaliseDigits('2a')).toBe('2A');
  });

  it('writes French phone numbers as 10 digits', () => {
    expect(normalisePhone('+33 1 23 45 67 89')).toBe('0123456789');
    expect(normalisePhone('+33 (0)1 23 45 67 89')).toBe('0123456789');
    expect(normalisePhone('0033 6 12 34 56 78')).toBe('0612345678');
    expect(normalisePhone('01.23.45.67.89')).toBe('0123456789');
    expect(normalisePhone(' 01-23-45-67-89 ')).toBe('0123456789');
    expect(normalisePhone('+262 262 90 50 50')).toBe('0262905050'); // CHU de La Réunion's number [FINESS]
    expect(normalisePhone('+590 590 82 19 63')).toBe('0590821963'); // Polyclinique de la Guadeloupe [FINESS]
    // Unreadable input stays as typed, so that the check can explain it.
    expect(normalisePhone(' 01 23 45 67 ')).toBe('01 23 45 67');
    expect(normalisePhone('+44 20 7946 0000')).toBe('+44 20 7946 0000');
  });

  it('checks phone numbers', () => {
    expect(checkPhone('0474454647')).toBeNull(); // CH de Fleyriat [FINESS]
    expectMessage(checkPhone('01234567'), 'phoneLength', [8]);
    expectMessage(checkPhone('+33 1 23 45 67'), 'phoneLength', [8]);
    expectMessage(checkPhone('01 23 45 67 8x'), 'phoneCharacter', ['x', 10]);
    expectMessage(checkPhone('1234567890'), 'phonePrefix');
    expectMessage(checkPhone('+44 20 7946 0000'), 'phoneForeign');
  });
});

describe('e-mail and domain', () => {
  it('accepts ordinary addresses and domains', () => {
    for (const domain of ['ch-exemple.fr', 'aphp.fr', 'medimail.mipih.fr', 'hôpital-exemple.fr', 'exemple.xn--p1ai'])
      expect(checkDomain(domain), domain).toBeNull();
    for (const email of ['secretariat@ch-exemple.fr', 'prenom.nom+dp@aphp.fr', "o'neil@exemple.com"])
      expect(checkEmail(email), email).toBeNull();
  });

  it('explains each kind of domain error', () => {
    expectMessage(checkDomain(''), 'domainEmpty');
    expectMessage(checkDomain('https://ch-exemple.fr'), 'domainScheme', ['https://']);
    expectMessage(checkDomain('contact@ch-exemple.fr'), 'domainAt', ['ch-exemple.fr']);
    expectMessage(checkDomain('ch-exemple.fr/contact'), 'domainPath', ['ch-exemple.fr']);
    expectMessage(checkDomain('ch exemple.fr'), 'domainCharacter', ['U+0020']);
    expectMessage(checkDomain('ch_exemple.fr'), 'domainCharacter', ['_']);
    expectMessage(checkDomain(`${'a.'.repeat(127)}fr`), 'domainTooLong', [256]);
    expectMessage(checkDomain('ch-exemple..fr'), 'domainEmptyLabel', ['ch-exemple..fr']);
    expectMessage(checkDomain('ch-exemple.fr.'), 'domainEmptyLabel');
    expectMessage(checkDomain(`${'a'.repeat(64)}.fr`), 'domainLabelTooLong', ['a'.repeat(64), 64]);
    expectMessage(checkDomain('-ch-exemple.fr'), 'domainHyphen', ['-ch-exemple']);
    expectMessage(checkDomain('localhost'), 'domainNoTld', ['localhost']);
    expectMessage(checkDomain('ch-exemple.123'), 'domainBadTld', ['123']);
    expectMessage(checkDomain('ch-exemple.f'), 'domainBadTld', ['f']);
  });

  it('explains each kind of e-mail error', () => {
    expectMessage(checkEmail('secretariat @ch-exemple.fr'), 'emailSpace', [12]);
    expectMessage(checkEmail('secretariat.ch-exemple.fr'), 'emailMissingAt');
    expectMessage(checkEmail('a@b@ch-exemple.fr'), 'emailSeveralAt');
    expectMessage(checkEmail('@ch-exemple.fr'), 'emailLocalEmpty');
    expectMessage(checkEmail(`${'a'.repeat(65)}@ch-exemple.fr`), 'emailLocalTooLong', [65]);
    expectMessage(checkEmail('secré,tariat@ch-exemple.fr'), 'emailCharacter', [',']);
    expectMessage(checkEmail('.secretariat@ch-exemple.fr'), 'emailLocalDots');
    expectMessage(checkEmail('secretariat..dp@ch-exemple.fr'), 'emailLocalDots');
    expectMessage(checkEmail('secretariat@ch-exemple'), 'domainNoTld', ['ch-exemple']);
  });
});

describe('one way to show each number (newcomer report)', () => {
  it.each([
    ['siren', '267500452', '267\u00a0500\u00a0452'],
    ['siret', '26750045200011', '267\u00a0500\u00a0452\u00a000011'],
    ['phone', '0142160001', '01\u00a042\u00a016\u00a000\u00a001'],
    // Another shape is shown as stored, never cut.
    ['phone', '+4122123456', '+4122123456'],
    ['siret', '2675004520001', '2675004520001'],
  ] as const)('shows %s %s as %s', (kind, stored, shown) => {
    expect(shownValue(kind, stored)).toBe(shown);
    expect(normaliseDigits(shown)).toBe(stored);
  });

  it('shows a place name with Balise’s apostrophe, where the profile keeps INSEE’s, which the portals’ options use', () => {
    expect(shownValue('region', "Provence-Alpes-Côte d'Azur")).toBe('Provence-Alpes-Côte d’Azur');
    expect(shownValue('departement', "Côte-d'Or")).toBe('Côte-d’Or');
  });

  it('reads the SIREN a full SIRET begins with, however it is spaced', () => {
    expect(sirenOfSiret('267 500 452 00011')).toBe('267500452');
    expect(sirenOfSiret('267.500.452.0001')).toBeUndefined();
  });
});

describe('coherence warnings', () => {
  it('stays silent when everything agrees, Corsica and overseas included', () => {
    expect(coherenceWarnings({ finessEj: '750712184', finessEt: '750100125', postalCode: '75013', departement: '75' })).toEqual([]);
    expect(coherenceWarnings({ finessEt: '2B0000020', postalCode: '20200', departement: '2B' })).toEqual([]);
    expect(coherenceWarnings({ finessEt: '2A0000170', postalCode: '20169' })).toEqual([]);
    expect(coherenceWarnings({ finessEt: '970100400', postalCode: '97150' })).toEqual([]); // Saint-Martin [FINESS]
    expect(coherenceWarnings({ finessEt: '980600027', postalCode: '98600' })).toEqual([]); // Wallis [FINESS]
    // A legal entity sitting elsewhere is normal: ALEFPA's Martinique site (970216057) belongs
    // to a legal entity registered in the Nord (590799730) [FINESS].
    expect(coherenceWarnings({ finessEj: '590799730', finessEt: '970216057', postalCode: '97200', departement: '972' })).toEqual([]);
    // Nothing to compare, or values that are invalid anyway: no warning.
    expect(coherenceWarnings({})).toEqual([]);
    expect(coherenceWarnings({ finessEt: '750100125' })).toEqual([]);
    expect(coherenceWarnings({ finessEt: '750100126', postalCode: '13005' })).toEqual([]);
  });

  it('warns, on the field concerned, when they disagree', () => {
    const postal = coherenceWarnings({ postalCode: '75013', departement: '92' });
    expect(postal.map((w) => w.field)).toEqual(['departement']);
    expectMessage(postal[0]!.message, 'coherencePostalDepartement', ['75013', '75', '92']);

    const site = coherenceWarnings({ finessEt: '750100125', postalCode: '13005' });
    expect(site.map((w) => w.field)).toEqual(['finessEt']);
    expectMessage(site[0]!.message, 'coherenceFinessEtPostal', ['750100125', '75', '13005', '13']);

    const entity = coherenceWarnings({ finessEj: '2A0000170', postalCode: '97200' });
    expect(entity.map((w) => w.field)).toEqual(['finessEj']);
    expectMessage(entity[0]!.message, 'coherenceFinessEjPostal', ['2A0000170', '2A', '97200', '972']);

    // The département given wins over the postal code for locating the site.
    const both = coherenceWarnings({ finessEt: '750100125', postalCode: '75013', departement: '92' });
    expect(both.map((w) => w.field)).toEqual(['departement', 'finessEt']);
    expectMessage(both[1]!.message, 'coherenceFinessEt', ['750100125', '75', '92']);
    const entityHere = coherenceWarnings({ finessEj: '2A0000170', departement: '972' });
    expectMessage(entityHere[0]!.message, 'coherenceFinessEj', ['2A0000170', '2A', '972']);
    expect(tm(both[1]!.message)).toBe(
      bindFrenchSpaces('Le FINESS géographique 750100125 porte le code du département 75, mais le champ Département indique 92 : un site ') +
        bindFrenchSpaces('est normalement immatriculé dans son département ; vérifiez le numéro ou le département.'),
    );
  });
});

/** A Luhn key for a body, written here independently of the code under test. */
function luhnKey(body: string): string {
  const sum = Array.from(body)
    .reverse()
    .reduce((acc, c, i) => {
      const d = Number(c) * (i % 2 === 0 ? 2 : 1);
      return acc + (d > 9 ? d - 9 : d);
    }, 0);
  return String((10 - (sum % 10)) % 10);
}

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** Replaces one digit by another: a typo that any check key must catch. */
const typo = (length: number) =>
  fc.record({ index: fc.nat({ max: length - 1 }), shift: fc.integer({ min: 1, max: 9 }) });
function applyTypo(value: string, { index, shift }: { index: number; shift: number }): string {
  const c = value[index]!;
  const next = /\d/.test(c) ? String((Number(c) + shift) % 10) : c === 'A' ? 'B' : c === 'B' ? 'A' : c;
  return value.slice(0, index) + next + value.slice(index + 1);
}

const finessPrefixes = fc.constantFrom('01', '19', '21', '2A', '2B', '59', '75', '95', '9701', '9704', '9805', '9806');
const finessBody = finessPrefixes.chain((prefix) => digits(8 - prefix.length).map((rest) => prefix + rest));
const luhnBody = (body: string) => body.replace(/^2A/, '21').replace(/^2B/, '22');

describe('properties', () => {
  it('accepts any body with its computed key, and refuses it after any single-digit typo', () => {
    fc.assert(
      fc.property(digits(8), typo(9), (body, change) => {
        const siren = body + luhnKey(body);
        expect(checkSiren(siren)).toBeNull();
        expect(checkSiren(applyTypo(siren, change))).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(
        digits(13).filter((body) => !body.startsWith('356000000')),
        typo(14),
        (body, change) => {
          const siret = body + luhnKey(body);
          expect(checkSiret(siret)).toBeNull();
          expect(checkSiret(applyTypo(siret, change))).not.toBeNull();
        },
      ),
    );
    fc.assert(
      fc.property(finessBody, typo(9), (body, change) => {
        const finess = body + luhnKey(luhnBody(body));
        expect(checkFiness(finess)).toBeNull();
        const changed = applyTypo(finess, change);
        if (changed !== finess) expect(checkFiness(changed)).not.toBeNull();
      }),
    );
  });

  it('accepts every La Poste number whose digit sum is a multiple of 5', () => {
    fc.assert(
      fc.property(digits(5), (nic) => {
        const siret = `356000000${nic}`;
        const sum = Array.from(siret).reduce((acc, c) => acc + Number(c), 0);
        if (sum % 5 === 0) expect(checkSiret(siret)).toBeNull();
      }),
    );
  });

  it('normalises idempotently', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(normaliseDigits(normaliseDigits(value))).toBe(normaliseDigits(value));
        expect(normalisePhone(normalisePhone(value))).toBe(normalisePhone(value));
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    // Characters that matter to the checks, mixed with any UTF-16 unit (lone surrogates included).
    const typed = fc.string({
      unit: fc.oneof(fc.constantFrom(...'0123456789AB2@.+-/ \u00a0'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))),
    });
    const checks = [checkFiness, checkSiren, checkSiret, checkRpps, checkAdeli, checkPostalCode, checkDepartement, checkPhone, checkEmail, checkDomain];
    fc.assert(
      fc.property(typed, typed, (value, other) => {
        for (const check of checks) check(value);
        checkSiretMatchesSiren(value, other);
        finessDepartement(value);
        postalCodeDepartements(value);
        coherenceWarnings({ finessEj: value, finessEt: other, postalCode: value, departement: other });
      }),
    );
  });
});

describe('messages', () => {
  it('has an example above for every message of the fragment', () => {
    expect([...produced].sort()).toEqual(Object.keys(fragment).sort());
  });
});
