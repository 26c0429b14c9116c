/**
 * An establishment's record in the annuaire FINESS (./annuaire-finess.portal.ts, page `detail`)
 * read into the profile's words (issue 16). The page is an old JSP application and a new FiNESS
 * is announced, so values are found by their LABEL (lib/dom/label-values.ts), each label in the
 * wordings the site and its exports use, compared word by word (./words.ts); never by position.
 * Every value read is checked by the profile's own rules (lib/profile/identifiers.ts, then the
 * schema's rule for its field: length, control characters): a value that fails is shown with its
 * reason and never taken. Whether the record is a site's (ET) or a legal entity's (EJ) is read
 * from its « FINESS juridique » row; without one, the user says it (Balise does not guess).
 * Which labels exist on today's page is not established (see the replicas in
 * test/fixtures/annuaire-finess/records/): the lists below hold the export's column names and
 * the names of the open-data extract's fields.
 */
import type { Message } from '../i18n/t';
import type { LabelValue } from '../dom/label-values';
import { fold, splitStreet } from '../profile/address';
import { establishmentFields } from '../profile/fields';
import {
  checkDepartement,
  checkFiness,
  checkPhone,
  checkPostalCode,
  checkSiren,
  checkSiret,
  coherenceWarnings,
  normaliseDigits,
  normalisePhone,
  type Check,
} from '../profile/identifiers';
import type { EstablishmentKind } from '../profile/kinds';
import { checkEstablishmentValue, type categories, type Establishment, type statuses } from '../profile/schema';
import { sameWords, words, wordsOf } from './words';

/** What the record says that the profile keeps: the profile's kinds (lib/profile/fields.ts gives their place and label). */
export const recordKinds = [
  'finessEt',
  'finessEj',
  'legalName',
  'siret',
  'siren',
  'street',
  'addressComplement',
  'postalCode',
  'city',
  'departement',
  'establishmentPhone',
] as const satisfies readonly EstablishmentKind[];
export type RecordKind = (typeof recordKinds)[number];

/** The labels of the record's rows, in the wordings known (the site's export, the open-data extract's fields). */
const labels = {
  number: ['Numéro FINESS', 'N° FINESS', 'FINESS', 'Numéro FINESS ET', 'N° FINESS ET', 'FINESS ET', 'FINESS établissement'],
  ej: ['FINESS juridique', 'N° FINESS EJ', 'Numéro FINESS EJ', 'FINESS EJ', 'Entité juridique', 'FINESS entité juridique'],
  shortName: ['Raison sociale', 'Raison sociale courte', 'RS'],
  longName: ['Raison sociale longue', 'Raison sociale complète', 'RS longue'],
  siret: ['SIRET', 'N° SIRET', 'Numéro SIRET'],
  wayNumber: ['Numéro de voie', 'N° de voie', 'Numéro voie', 'N° voie'],
  repetition: ['Indice de répétition', 'Complément de numéro', 'Indice répétition'],
  wayType: ['Type de voie', 'Type voie'],
  wayName: ['Libellé de voie', 'Libellé voie', 'Voie'],
  wayComplement: ['Complément de voie', 'Complément d’adresse', 'Complément adresse', 'Complément'],
  place: ['Lieu-dit', 'Lieu dit'],
  distribution: ['Distribution', 'Mention de distribution', 'Boîte postale'],
  address: ['Adresse'],
  postalCode: ['Code postal'],
  routing: ['Ligne d’acheminement', 'Libellé routage', 'Libellé de routage', 'Commune'],
  departement: ['Département'],
  phone: ['Téléphone', 'Tél', 'N° de téléphone'],
  fax: ['Télécopie', 'Fax', 'N° de télécopie'],
  category: ['Catégorie', 'Catégorie d’établissement', 'Catégorie établissement'],
  status: ['Statut juridique', 'Statut'],
} as const;
type Row = keyof typeof labels;
const labelWords = Object.fromEntries(Object.entries(labels).map(([row, wordings]) => [row, wordings.map((w) => words(w))])) as Record<Row, ReturnType<typeof words>[]>;

/** One value of the record, checked: `source` is the label (or labels) it was read under, `read` what the page wrote. */
export interface RecordValue {
  kind: RecordKind;
  value: string;
  source: string;
  read: string;
  problem?: Message;
  warning?: Message;
}

/** A choice of the profile the record suggests (its category, its status), with what suggested it. */
export interface Suggestion<T> {
  value: T | null;
  source: string;
  read: string;
}

export interface FinessRecord {
  /**
   * An establishment's record (ET, under its legal entity) or a legal entity's (EJ); null when the
   * page shows no « FINESS juridique » row: the user says which, and the record is read again
   * with it (`readFinessRecord(pairs, type)`). Until then the number is in no value.
   */
  type: 'et' | 'ej' | null;
  /** The record's own number (the ET's or the EJ's), checked. */
  number: string;
  values: RecordValue[];
  /** The short raison sociale, when the record also gives the long one: the establishment's label. */
  shortName?: string;
  category?: Suggestion<Category>;
  status?: Suggestion<Status>;
  /** Read and checked, not kept: the profile has no fax number. */
  fax?: Omit<RecordValue, 'kind'>;
}

const checks: Partial<Record<RecordKind, Check>> = {
  finessEt: checkFiness,
  finessEj: checkFiness,
  siret: checkSiret,
  siren: checkSiren,
  postalCode: checkPostalCode,
  departement: checkDepartement,
  establishmentPhone: checkPhone,
};
const normalisers: Partial<Record<RecordKind, (value: string) => string>> = {
  departement: (value) => /^(2[AB]|97\d|\d{2})\b/i.exec(value.trim())?.[1]?.toUpperCase() ?? value.trim(),
};
const normalise = (kind: RecordKind, value: string) => {
  const field = establishmentFields[kind];
  const own = normalisers[kind] ?? ('normalise' in field ? field.normalise : undefined);
  return own ? own(value) : value.trim();
};


/** The first row under one of this field's labels. */
function find(pairs: readonly LabelValue[], row: Row): LabelValue | undefined {
  return pairs.find((pair) => pair.value !== '' && labelWords[row].some((wording) => sameWords(words(pair.label), wording)));
}

/** The FINESS a cell starts with (« 750712184 - ASSISTANCE PUBLIQUE… », a link's text). */
const leadingFiness = (text: string) => /^\s*([0-9]{2}[0-9AB][0-9]{6}|2[AB][0-9]{7})\b/i.exec(text)?.[1]?.toUpperCase();

function checked(kind: RecordKind, read: string, source: string): RecordValue {
  const value = normalise(kind, read);
  const problem = checks[kind]?.(value) ?? checkEstablishmentValue(establishmentFields[kind].path, value);
  return { kind, value, source, read, ...(problem ? { problem } : {}) };
}

/** « BD » is « Boulevard »: the profile keeps the street as people write it. */
function wayType(read: string): string {
  const parts = splitStreet(`1 ${read} X`);
  return parts.type && fold(parts.typeAs ?? '') === fold(read) ? parts.type.word : read;
}

/** The street line from its parts, or the one « Adresse » line. */
function streetOf(pairs: readonly LabelValue[]): { read: string; source: string } | undefined {
  const parts = (['wayNumber', 'repetition', 'wayType', 'wayName'] as const).map((row) => ({ row, pair: find(pairs, row) }));
  if (!parts.some(({ row, pair }) => row === 'wayName' && pair)) {
    const address = find(pairs, 'address');
    return address && { read: address.value, source: address.label };
  }
  const present = parts.filter((part): part is { row: typeof part.row; pair: LabelValue } => part.pair !== undefined);
  return {
    read: present.map(({ row, pair }) => (row === 'wayType' ? wayType(pair.value) : pair.value)).join(' '),
    source: present.map(({ pair }) => pair.label).join(' + '),
  };
}

/** Categories of the directory, by the words of their name, as the profile's (a guess the user confirms). */
type Category = (typeof categories)[number];
type Status = (typeof statuses)[number];
const categoryWords = (status: Status | null | undefined): readonly [readonly string[], Category | null][] => [
  [['hebergement', 'personne', 'agee', 'dependante'], 'ehpad'],
  [['pharmacie'], 'pharmacie'],
  [['hospitalier'], 'hopital'],
  [['hopital'], 'hopital'],
  // A care establishment (« soins médicaux… ») is a hospital when public, a clinic when private.
  [['soin'], status === 'public' ? 'hopital' : status === 'private' ? 'clinique' : null],
];
/** Legal statuses by their words: the private ones first (« reconnue d’utilité publique » is an association's). */
const statusWords: readonly [readonly string[], Status][] = [
  [['association'], 'private'],
  [['fondation'], 'private'],
  [['societe'], 'private'],
  [['mutualiste'], 'private'],
  [['congregation'], 'private'],
  [['prive'], 'private'],
  [['personne', 'physique'], 'private'],
  [['public'], 'public'],
  [['publique'], 'public'],
];
const hasAll = (text: string, wanted: readonly string[]) => {
  const found = new Set(wordsOf(text));
  return wanted.every((word) => found.has(word));
};

function suggest<T>(pair: LabelValue | undefined, table: readonly [readonly string[], T | null][]): Suggestion<T> | undefined {
  if (!pair) return undefined;
  const value = table.find(([wanted]) => hasAll(pair.value, wanted))?.[1] ?? null;
  return { value, source: pair.label, read: pair.value };
}

/**
 * The record on a FINESS page, from its label/value pairs; null when no FINESS number is read
 * (not a record, or a page Balise does not know how to read). `said`: whether it is a site's or
 * a legal entity's record, as the user said when the page has no « FINESS juridique » row.
 */
export function readFinessRecord(pairs: readonly LabelValue[], said?: 'et' | 'ej'): FinessRecord | null {
  const numberRow = find(pairs, 'number');
  const number = numberRow && leadingFiness(numberRow.value);
  if (!numberRow || !number) return null;
  const ejRow = find(pairs, 'ej');
  const ej = ejRow && leadingFiness(ejRow.value);
  // Its own number as « FINESS juridique »: a legal entity's record. No such row: the user says.
  const type = ej ? (ej !== number ? 'et' : 'ej') : (said ?? null);
  const values: RecordValue[] = [];
  const add = (kind: RecordKind, read: string | undefined, source: string | undefined) => {
    if (read && source) values.push(checked(kind, read, source));
  };

  if (type) add(type === 'et' ? 'finessEt' : 'finessEj', number, numberRow.label);
  if (type === 'et') add('finessEj', ej, ejRow?.label);
  const shortName = find(pairs, 'shortName');
  const name = find(pairs, 'longName') ?? shortName;
  add('legalName', name?.value, name?.label);
  const siret = find(pairs, 'siret');
  add('siret', siret?.value, siret?.label);
  // The SIREN is the SIRET's first nine digits: read from the same row.
  const siretDigits = siret && normaliseDigits(siret.value);
  if (siretDigits && !checkSiret(siretDigits)) add('siren', siretDigits.slice(0, 9), siret.label);
  const street = streetOf(pairs);
  add('street', street?.read, street?.source);
  const complement = (['wayComplement', 'place', 'distribution'] as const).map((row) => find(pairs, row)).filter((pair) => pair !== undefined);
  add('addressComplement', complement.map((pair) => pair.value).join(' ') || undefined, complement.map((pair) => pair.label).join(' + '));

  // « Ligne d’acheminement »: « 75013 PARIS », or the commune alone beside a « Code postal » row.
  const routing = find(pairs, 'routing');
  const routed = routing && /^(\d{5})\s+(.+)$/.exec(routing.value);
  const postalCode = find(pairs, 'postalCode');
  add('postalCode', postalCode?.value ?? routed?.[1], postalCode?.label ?? routing?.label);
  add('city', routed ? routed[2] : routing?.value, routing?.label);
  const departement = find(pairs, 'departement');
  add('departement', departement?.value, departement?.label);
  const phone = find(pairs, 'phone');
  add('establishmentPhone', phone?.value, phone?.label);

  const valueOf = (kind: RecordKind) => values.find((v) => v.kind === kind && !v.problem)?.value;
  for (const { field, message } of coherenceWarnings({
    finessEt: valueOf('finessEt'),
    finessEj: valueOf('finessEj'),
    postalCode: valueOf('postalCode'),
    departement: valueOf('departement'),
  })) {
    const value = values.find((v) => v.kind === field);
    if (value) value.warning = message;
  }

  const fax = find(pairs, 'fax');
  const faxValue = fax && normalisePhone(fax.value);
  const faxProblem = faxValue === undefined ? null : checkPhone(faxValue);
  const status = suggest(find(pairs, 'status'), statusWords);
  const category = suggest(find(pairs, 'category'), categoryWords(status?.value));
  return {
    type,
    number,
    values,
    ...(shortName && shortName !== name ? { shortName: shortName.value } : {}),
    ...(category ? { category } : {}),
    ...(status ? { status } : {}),
    ...(fax && faxValue !== undefined ? { fax: { value: faxValue, source: fax.label, read: fax.value, ...(faxProblem ? { problem: faxProblem } : {}) } } : {}),
  };
}

/** The values that passed the profile's rules. */
export const validValues = (record: FinessRecord) => record.values.filter((value) => !value.problem);

/** Writes a value at its place in the profile (lib/profile/fields.ts), on a copy. */
export function withValue(establishment: Establishment, kind: RecordKind, value: string | undefined): Establishment {
  const [head, tail] = establishmentFields[kind].path.split('.') as [keyof Establishment, string | undefined];
  if (tail === undefined) {
    const copy: Record<string, unknown> = { ...establishment };
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy as unknown as Establishment;
  }
  const inner: Record<string, unknown> = { ...(establishment[head] as Record<string, unknown>) };
  if (value === undefined) delete inner[tail];
  else inner[tail] = value;
  return { ...establishment, [head]: inner };
}

/** The profile's value for a kind, as kept (never implied: a place left empty is a difference). */
export function keptValue(establishment: Establishment, kind: RecordKind): string | undefined {
  return establishmentFields[kind].path.split('.').reduce<unknown>((record, key) => (record as Record<string, unknown> | undefined)?.[key], establishment) as string | undefined;
}

/**
 * A new establishment from the record: the values that passed the rules, the category and status
 * the user confirmed, and nothing of the user's own (no contact, no certificate, no domain).
 * `readOn`: the day the record was read (YYYY-MM-DD), kept as its mark.
 */
export function establishmentFromRecord(
  record: FinessRecord,
  choice: { id: string; status: Status; category: Category; readOn: string },
): Establishment {
  const name = validValues(record).find((value) => value.kind === 'legalName')?.value ?? record.number;
  const base: Establishment = {
    id: choice.id,
    label: (record.shortName ?? name).slice(0, 60).trim(),
    legalName: name,
    status: choice.status,
    category: choice.category,
    address: {},
    contacts: [],
    certificates: [],
    finessReadOn: choice.readOn,
  };
  return validValues(record).reduce((establishment, { kind, value }) => withValue(establishment, kind, value), base);
}

/** One line of the comparison: the record's value and the profile's, and whether they say the same. */
export interface Comparison {
  value: RecordValue;
  mine: string | undefined;
  same: boolean;
}

/** Same street: same number, type and name, whatever the case, accents and abbreviations (« BD » is « boulevard »). */
function sameStreet(a: string, b: string): boolean {
  const [x, y] = [splitStreet(a), splitStreet(b)];
  return x.number === y.number && x.repetition?.letter === y.repetition?.letter && x.type?.word === y.type?.word && fold(x.name) === fold(y.name);
}

function same(kind: RecordKind, record: string, mine: string | undefined): boolean {
  if (mine === undefined) return false;
  return kind === 'street' ? sameStreet(record, mine) : fold(record) === fold(mine);
}

/** The record against an establishment of the profile, value by value (those that failed the rules are not compared). */
export function compareRecord(record: FinessRecord, establishment: Establishment): Comparison[] {
  return validValues(record).map((value) => {
    const mine = keptValue(establishment, value.kind);
    return { value, mine, same: same(value.kind, value.value, mine) };
  });
}

/** The local day, as the profile keeps the record's date (YYYY-MM-DD). */
export function today(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
