import type { FieldKind } from '../profile/kinds';

/**
 * The words that name a field, in French and English, mapped to a FieldKind. Matched on
 * `normalize`d text, so patterns use lower-case ASCII words separated by single spaces
 * ("n° d'adresse électronique" → "numero d adresse electronique").
 *
 * Order is the whole trick: the first entry that matches wins, so specific phrases come
 * before the generic words they contain ("nom de l'établissement" before "nom",
 * "adresse électronique" before "adresse", "confirmation … e-mail" before "e-mail").
 */

/** `ignore` = a field we know is not ours (bank card, country, cedex…): stop looking. */
export type LexiconVerdict = FieldKind | 'ignore' | 'confirmation';

export interface LexiconEntry {
  verdict: LexiconVerdict;
  /** Matched on labels, placeholders, neighbouring text, legends. */
  text: RegExp;
  /** Extra shapes seen only in name/id attributes (abbreviations, glued words). */
  identifier?: RegExp;
  /** Weak entries (a lone generic word) lower the confidence. */
  weak?: boolean;
}

/**
 * Labels repeat across a page (a block pasted 500 times), so normalised strings and lexicon
 * results are memoised per distinct string. The caches are dropped when they grow past
 * `maxCached` so that a long-lived tab with ever-new text cannot make them grow without end.
 */
const maxCached = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= maxCached) cache.clear();
  cache.set(key, value);
  return value;
}

const normalized = new Map<string, string>();

export function normalize(text: string): string {
  if (text === '') return '';
  const cached = normalized.get(text);
  if (cached !== undefined) return cached;
  return remember(
    normalized,
    text,
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/\bn\s*[°º]|\bnum\./g, ' numero ')
      .replace(/[^a-z0-9@]+/g, ' ')
      .trim(),
  );
}

const tokenized = new Map<string, string>();

/** `billingAddress_line2` → "billing address line 2": name/id attributes glue words together. */
export function tokenizeIdentifier(identifier: string): string {
  if (identifier === '') return '';
  const cached = tokenized.get(identifier);
  if (cached !== undefined) return cached;
  return remember(
    tokenized,
    identifier,
    normalize(
      identifier
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/([A-Za-z])(\d)/g, '$1 $2')
        .replace(/(\d)([A-Za-z])/g, '$1 $2'),
    ),
  );
}

/** Matches `a` then `b` or `b` then `a` anywhere in the text. */
function either(a: string, b: string): RegExp {
  return new RegExp(`\\b(?:${a})\\b.*\\b(?:${b})\\b|\\b(?:${b})\\b.*\\b(?:${a})\\b`);
}

const confirmWords =
  'confirm\\w*|ressaisi\\w*|re saisi\\w*|saisi\\w* (?:a|de) nouveau|repet\\w*|retap\\w*|verif\\w*|retype|repeat|re enter|again';
const passwordWords = 'mot de passe|mdp|pass ?word|passwd|pwd';
const emailWords = 'e ?mail|courriel|mel|adresse electronique|adresse de messagerie';

/**
 * The parts of a split French street (values: ../profile/address.ts). They come before the
 * complement and the street, whose words ("complément", "voie", "adresse") they contain;
 * « Libellé de la voie » stays the street, which gets what no part's field takes.
 */
const streetPartEntries: readonly LexiconEntry[] = [
  {
    verdict: 'streetRepetition',
    text: /\bindice de repetition\b|\b(?:indice|complement) (?:de |du )?numero\b|\bbis ter\b/,
    identifier: /\bindice (?:de )?rep\w*\b|\b(?:num(?:ero)?|no) (?:voie )?(?:indice|compl\w*|suffixe?)\b/,
  },
  {
    verdict: 'streetType',
    text: /\b(?:type|nature) (?:de (?:la )?)?voie\b|\bstreet type\b/,
    identifier: /\b(?:type|typ) ?voie\b|\b(?:adresse|adr|addr) type\b/,
  },
  {
    verdict: 'streetNumber',
    text: /\bnumero (?:de (?:la )?|dans la )?voie\b|\bnumero de (?:la )?rue\b|\bstreet number\b|\bhouse number\b/,
    identifier: /\b(?:num|no|numero) ?voie\b|\b(?:adresse|adr|addr) (?:num|no|numero)\b/,
  },
];

export const lexicon: readonly LexiconEntry[] = [
  // Secrets first: the filler refuses them, so a false positive costs little, a miss costs a leak.
  {
    verdict: 'oneTimeCode',
    text: /\b(?:code|mot de passe) (?:a usage unique|temporaire|de verification|de validation|de confirmation|d authentification|de securite|recu par (?:sms|e ?mail|courriel))\b|\b(?:t?otp|2fa|mfa)\b|\bone time (?:code|password|passcode)\b|\bverification code\b|\bcode (?:sms|otp)\b/,
    identifier: /\bone time code\b|\bverif(?:ication)? code\b|\bsms code\b/,
  },
  { verdict: 'cardPin', text: /\bcode pin\b|\bpin\b|\bcode (?:secret|porteur|confidentiel)\b/ },
  { verdict: 'passwordConfirmation', text: either(confirmWords, passwordWords) },
  { verdict: 'password', text: new RegExp(`\\b(?:${passwordWords}|passphrase|phrase secrete)\\b`) },

  // Known fields that are not ours, before the words they contain (nom, adresse, commune, code postal).
  {
    verdict: 'ignore',
    text: /\bcarte (?:bancaire|de credit|de paiement|bleue)\b|\b(?:detenteur|titulaire|porteur) de la carte\b|\bnumero de (?:la )?carte\b|\bcard ?holder\b|\bcredit card\b|\bcard (?:number|name)\b|\bname on card\b|\bcvv\b|\bcvc\b|\bcryptogramme\b|\bexpir\w*\b|\biban\b|\bbic\b/,
    identifier: /\bcc (?:name|number|exp\w*|csc)\b/,
  },
  {
    verdict: 'ignore',
    text: /\b(?:date|lieu|ville|pays|commune|departement) de naissance\b|\bbirth ?(?:date|day|place)\b|\bbday\b/,
  },
  { verdict: 'ignore', text: /\bsite (?:web|internet)\b|\burl\b|\bweb\b|\badresse ip\b|\brecherch\w*\b|\bsearch\b|\bcaptcha\b/ },
  // The UPN of an IGC-Santé certificate order: optional, left empty for every usage (seed 003
  // l.240-269), and never a surname although it says « nom ».
  { verdict: 'ignore', text: /\bupn\b|\bnom principal d utilisateur\b|\buser principal name\b/ },

  // Mail: the trap is "adresse électronique", which is an e-mail and not a street.
  { verdict: 'emailConfirmation', text: either(confirmWords, emailWords) },
  { verdict: 'confirmation', text: new RegExp(`^(?:${confirmWords})(?: \\w+){0,3}$`) },
  { verdict: 'orgMailboxDescription', text: /\bdescription\b/ },
  {
    verdict: 'orgMailboxEmail',
    text: /\b(?:adresse|e ?mail|courriel|boite(?: aux lettres)?|bal)\b.*\b(?:generique|organisationnelle|fonctionnelle|applicative|structurelle)\b|\bbal org\b/,
  },
  {
    verdict: 'mailDomain',
    text: /\bnom de domaine\b|\bdomaine (?:de messagerie|mail|e ?mail|de l adresse)\b|\b(?:e ?mail|mail) domain\b|^domaine$/,
  },
  {
    verdict: 'email',
    text: new RegExp(`\\b(?:${emailWords}|mail|adresse mss(?:ante)?|messagerie securisee)\\b`),
  },

  // Phones.
  { verdict: 'ignore', text: /\bfax\b|\btelecopi\w*\b/ },
  {
    verdict: 'establishmentPhone',
    text: /\b(?:telephone|tel)\b.*\b(?:de l etablissement|de la structure|du standard|de l organisme|de l entreprise|de la societe)\b|\bstandard\b/,
  },
  { verdict: 'mobile', text: /\b(?:portable|mobile|cellulaire|gsm|cell ?phone)\b/, identifier: /\bcell\b/ },
  { verdict: 'phone', text: /\btelephone\b|\btel\b|\bphone\b|\bfixe\b/ },

  // Identifiers of people and establishments.
  { verdict: 'rpps', text: /\brpps\b/ },
  { verdict: 'adeli', text: /\badeli\b/ },
  { verdict: 'siret', text: /\bsiret\b/ },
  { verdict: 'siren', text: /\bsiren\b/ },
  { verdict: 'finessEj', text: either('finess', 'juridique|ej|entite juridique') },
  // "et" is also the French "and" ("FINESS et SIRET"): trusted only at the end of a label.
  {
    verdict: 'finessEt',
    text: new RegExp(`${either('finess', 'geographique').source}|\\bfiness et$`),
    identifier: /\bfiness et\b/,
  },
  // "FINESS de l'établissement" stays generic: users say "établissement" for the EJ too.
  { verdict: 'finess', text: /\bfiness\b/ },
  // « Type d'identifiant (établissement) » is the choice; « Identifiant (de l')établissement » the
  // number, which seed 002 l.99-103 says is the FINESS géographique (SIREN/SIRET only without one).
  { verdict: 'establishmentIdentifierType', text: /\btype d identifi\w+\b|\btype de numero\b/ },
  { verdict: 'finessEt', text: /\bidentifiant (?:de l |d )?etablissement\b/ },
  // A login identifier: a credential we do not keep.
  { verdict: 'ignore', text: /\bidentifiant\b|\blogin\b|\buser ?name\b|\bnom d utilisateur\b|\bpseudo\b|\buser id\b/ },

  // Software of the establishment (form 413: éditeur, solution, version).
  { verdict: 'softwareVendor', text: /\bediteur\b|\bvendor\b|\bfournisseur (?:du logiciel|de la solution)\b/ },
  { verdict: 'softwareVersion', text: /\bversion\b/ },
  { verdict: 'softwareProduct', text: /\blogiciel\b|\bsolution\b|\bsoftware\b/ },

  // The establishment's legal name: "nom de …" here is NOT a person's name.
  {
    verdict: 'legalName',
    text: /\braison sociale\b|\bdenomination\b|\bnom (?:de l |du |de la |d |de )?(?:etablissement|structure|organisme|entite|entreprise|societe|organisation|personne morale|association|cabinet|centre|hopital|clinique|laboratoire|pharmacie|ehpad)\b|\b(?:company|organi[sz]ation|business) name\b/,
  },
  { verdict: 'fullName', text: /\bnom (?:et )?prenoms?\b|\bprenoms? (?:et )?nom\b|\bnom complet\b|\bfull ?name\b/ },
  {
    verdict: 'civility',
    text: /\bcivilite\b|\bsalutation\b|\bhonorific prefix\b|\bmadame\b.*\bmonsieur\b|\bmonsieur\b.*\bmadame\b|\bm mme\b|\bmme m\b/,
  },
  // The DSFR tells civilité (Madame, Monsieur) from "titre d'appel" (Docteur, Recteur…), which the profile lacks.
  { verdict: 'ignore', text: /\btitre d appel\b/ },

  // Kinds of things, not names: "type de société", "forme juridique".
  {
    verdict: 'ignore',
    text: /\b(?:type|categorie|forme|statut|nature) (?:de l |d |de la |de |du )?(?:etablissement|structure|organisme|entite|entreprise|societe|juridique)\b|\bcode (?:naf|ape)\b/,
  },

  // Address. Lieu-dit / BP / cedex / pays have no place in the profile.
  {
    verdict: 'ignore',
    text: /\blieu dit\b|\bcommune deleguee\b|\bboite postale\b|\bcedex\b|\bpays\b|\bcountry\b|\b(?:adresse|address) (?:ligne |line )?3\b|\baddress level 3\b/,
  },
  ...streetPartEntries,
  {
    verdict: 'addressComplement',
    text: /\bcomplement\b|\b(?:adresse|address|ligne|line) 2\b|\bbatiment\b|\bresidence\b|\bappartement\b|\bescalier\b/,
    identifier: /\b(?:addr|adr) 2\b|\badresse suite\b/,
  },
  { verdict: 'postalCode', text: /\bcode postal\b|\bcp\b|\bzip(?: code)?\b|\bpost ?code\b|\bpostal code\b/, identifier: /\bcodepostal\b/ },
  { verdict: 'departement', text: /\bdepartement\b|\bdept\b|\bdpt\b/ },
  { verdict: 'region', text: /\bregion\b|\bstate\b|\bprovince\b/ },
  { verdict: 'city', text: /\bville\b|\bcommune\b|\blocalite\b|\bcity\b|\btown\b|\blocality\b/ },
  {
    verdict: 'street',
    text: /\badresse\b|\bnumero et (?:libelle de )?(?:la )?voie\b|\blibelle (?:de la )?voie\b|\bvoie\b|\brue\b|\bstreet\b|\baddress\b|\b(?:ligne|line) 1\b/,
    identifier: /\baddr\b|\badr\b/,
  },

  // People.
  { verdict: 'profession', text: /\bprofession\b|\bmetier\b|\bcategorie professionnelle\b|\bspecialite\b/ },
  { verdict: 'jobTitle', text: /\bfonctions?\b|\bposte\b|\bjob title\b|\bqualite\b|\bposition\b/ },
  { verdict: 'service', text: /\bservice\b|\bunite (?:fonctionnelle|de soins)\b|\bpole\b/ },
  { verdict: 'firstName', text: /\bprenoms?\b|\bfirst ?name\b|\bgiven ?name\b|\bforename\b/, identifier: /\bfname\b/ },
  {
    verdict: 'lastName',
    text: /\bnom\b|\blast ?name\b|\bsurname\b|\bfamily ?name\b|\b(?:birth|maiden|usual) name\b/,
    identifier: /\blname\b/,
  },
  // English "Name" alone means the whole name; never trusted in a name/id attribute (name="name").
  { verdict: 'fullName', text: /^(?:your )?name$/, weak: true },
  // A lone "Société" / "Établissement": the legal name, once every "… de l'établissement" above had its chance.
  {
    verdict: 'legalName',
    text: /\bsociete\b|\bentreprise\b|\bcompany\b|\borgani[sz]ation\b|\betablissement\b|\bstructure\b|\borganisme\b/,
    weak: true,
  },
];

export interface LexiconMatch {
  entry: LexiconEntry;
  verdict: LexiconVerdict;
}

/**
 * « Tel qu'il figure sur votre pièce d'identité », « telle qu'inscrite à l'état civil », « tel
 * que déclaré »: a clause saying where the value is written, not what it is (its « tel » is no
 * téléphone). Normalised text; the clause runs to the end.
 */
const asWrittenClause = /\btel(?:le)?s? que?\b.*$/;

/** First entry matching human text (a label…), or null. A « tel que … » clause is left out. */
export function matchText(normalized: string, filter?: (verdict: LexiconVerdict) => boolean): LexiconMatch | null {
  return firstMatch(normalized.replace(asWrittenClause, '').trimEnd(), false, filter);
}

/** First entry matching a tokenized name/id attribute, or null. */
export function matchIdentifier(tokens: string, filter?: (verdict: LexiconVerdict) => boolean): LexiconMatch | null {
  return firstMatch(tokens, true, filter);
}

/** Per distinct value, each entry's test result once run: 0 = not run yet, 1 = matches, 2 = does not. */
const textTests = new Map<string, Uint8Array>();
const identifierTests = new Map<string, Uint8Array>();

function firstMatch(
  value: string,
  identifier: boolean,
  filter: ((verdict: LexiconVerdict) => boolean) | undefined,
): LexiconMatch | null {
  if (value === '') return null;
  const cache = identifier ? identifierTests : textTests;
  const tests = cache.get(value) ?? remember(cache, value, new Uint8Array(lexicon.length));
  for (let i = 0; i < lexicon.length; i++) {
    const entry = lexicon[i] as LexiconEntry;
    // Weak entries (lone generic words) are never trusted in attributes: name="name", id="structure".
    if (tests[i] === 2 || (identifier && entry.weak)) continue;
    if (filter && !filter(entry.verdict)) continue;
    if (tests[i] === 0) tests[i] = entry.text.test(value) || (identifier && entry.identifier?.test(value)) ? 1 : 2;
    if (tests[i] === 1) return { entry, verdict: entry.verdict };
  }
  return null;
}

/**
 * autocomplete tokens (WHATWG "autofill detail tokens") → kind. `null` = a known token that is
 * not ours (stop). address-line3 / address-level3 hold a lieu-dit or BP: not in the profile.
 */
const autocompleteKinds: Readonly<Record<string, FieldKind | null>> = {
  'honorific-prefix': 'civility',
  'given-name': 'firstName',
  'family-name': 'lastName',
  name: 'fullName',
  'additional-name': null,
  nickname: null,
  organization: 'legalName',
  'organization-title': 'jobTitle',
  'street-address': 'street',
  'address-line1': 'street',
  'address-line2': 'addressComplement',
  'address-line3': null,
  'address-level1': 'region',
  'address-level2': 'city',
  'address-level3': null,
  'address-level4': null,
  'postal-code': 'postalCode',
  country: null,
  'country-name': null,
  email: 'email',
  tel: 'phone',
  'tel-national': 'phone',
  'tel-local': 'phone',
  'tel-country-code': null,
  'tel-area-code': null,
  'tel-extension': null,
  username: null,
  'current-password': 'password',
  'new-password': 'password',
  'one-time-code': 'oneTimeCode',
  bday: null,
  url: null,
  photo: null,
};

export type AutocompleteVerdict = { kind: FieldKind | null; token: string };

/**
 * Reads the field token of an autocomplete attribute ("section-x shipping mobile tel" → mobile).
 * Returns undefined when the attribute says nothing (absent, on/off, unknown token such as "cedex").
 */
export function readAutocomplete(attribute: string): AutocompleteVerdict | undefined {
  const tokens = attribute.toLowerCase().trim().split(/\s+/);
  const token = tokens[tokens.length - 1] ?? '';
  if (token.startsWith('cc-') || token.startsWith('bday-') || token.startsWith('transaction-')) return { kind: null, token };
  if (!(token in autocompleteKinds)) return undefined;
  const kind = autocompleteKinds[token] ?? null;
  if (kind === 'phone') {
    if (tokens.includes('fax') || tokens.includes('pager')) return { kind: null, token };
    if (tokens.includes('mobile')) return { kind: 'mobile', token };
  }
  return { kind, token };
}
