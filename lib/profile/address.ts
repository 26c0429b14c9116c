/**
 * A French street line ("12 avenue du Docteur Guilhem", "3 bis rue X") split the way
 * administrative forms ask for it: number in the street, repetition index, type of street,
 * name of the street. The rules are La Poste's, « La voie (ligne 4) » (Service national de
 * l'adresse): a number of at most 4 digits, then an extension B, T, Q, C for bis, ter, quater,
 * quinquies; the libellé is the type of street (optional: « La Canebière ») then its name.
 * No maintained npm package does this (the French parsers found are Perl's
 * Geo::StreetAddress::FR and Python's AdresseParser): a small table is enough.
 */

/** A type of street and its abbreviation, as the norme AFNOR NF Z10-011 writes them. */
export interface StreetType {
  word: string;
  abbreviation: string;
}

/**
 * The common types of street with their AFNOR NF Z10-011 abbreviations, the list INSEE's RIL
 * (doc.ril-recensement.insee.fr, « La voie ») and La Poste use. A type outside this list stays
 * in the street's name, which is where a form without a type field wants it anyway.
 */
export const streetTypes: readonly StreetType[] = [
  { word: 'Allée', abbreviation: 'ALL' },
  { word: 'Avenue', abbreviation: 'AV' },
  { word: 'Boulevard', abbreviation: 'BD' },
  { word: 'Carrefour', abbreviation: 'CAR' },
  { word: 'Chaussée', abbreviation: 'CHS' },
  { word: 'Chemin', abbreviation: 'CHE' },
  { word: 'Cours', abbreviation: 'CRS' },
  { word: 'Faubourg', abbreviation: 'FG' },
  { word: 'Hameau', abbreviation: 'HAM' },
  { word: 'Impasse', abbreviation: 'IMP' },
  { word: 'Lotissement', abbreviation: 'LOT' },
  { word: 'Montée', abbreviation: 'MTE' },
  { word: 'Passage', abbreviation: 'PAS' },
  { word: 'Place', abbreviation: 'PL' },
  { word: 'Quai', abbreviation: 'QU' },
  { word: 'Résidence', abbreviation: 'RES' },
  { word: 'Rond-point', abbreviation: 'RPT' },
  { word: 'Route', abbreviation: 'RTE' },
  { word: 'Rue', abbreviation: 'R' },
  { word: 'Square', abbreviation: 'SQ' },
];

/** A repetition index and the letter La Poste writes for it. */
export interface Repetition {
  word: string;
  letter: string;
}

export const repetitions: readonly Repetition[] = [
  { word: 'bis', letter: 'B' },
  { word: 'ter', letter: 'T' },
  { word: 'quater', letter: 'Q' },
  { word: 'quinquies', letter: 'C' },
];

export interface StreetParts {
  /** The line as the profile keeps it. */
  line: string;
  number?: string;
  repetition?: Repetition;
  type?: StreetType;
  /** The type as the line writes it ("avenue", "av."). */
  typeAs?: string;
  /** What follows the type ("du Docteur Guilhem"), or the whole line when nothing else was read. */
  name: string;
}

/** Lower-case ASCII words: "Allée" and "ALLEE", "av." and "AV" compare equal. */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const repetitionOf = (text: string | undefined): Repetition | undefined =>
  text === undefined ? undefined : repetitions.find((r) => fold(text) === r.word || fold(text) === r.letter.toLowerCase());

/** "12", "3 bis", "3B", "15/17" or "47-83" (the first number kept, as La Poste asks), then the rest. */
const numbered = /^(\d{1,4})(?:[/-]\d{1,4})?(?:\s*(bis|ter|quater|quinquies|[btqc])\b)?[\s,]+(\S.*)$/i;

/** The parts of a street line; a line it cannot read is all name. */
export function splitStreet(line: string): StreetParts {
  const text = line.trim().replace(/\s+/g, ' ');
  const found = numbered.exec(text);
  const [number, repetition, rest] = found ? [found[1], repetitionOf(found[2]), found[3] as string] : [undefined, undefined, text];
  const numberParts = { line: text, ...(number ? { number } : {}), ...(repetition ? { repetition } : {}) };
  const words = rest.split(' ');
  // One or two words make the type ("Rond-point", "rond point"); a type alone is a name ("Grande Rue" stays whole).
  for (const count of [2, 1]) {
    if (words.length <= count) continue;
    const head = fold(words.slice(0, count).join(' '));
    const type = streetTypes.find((t) => fold(t.word) === head || fold(t.abbreviation) === head);
    if (type) return { ...numberParts, type, typeAs: words.slice(0, count).join(' '), name: words.slice(count).join(' ') };
  }
  return { ...numberParts, name: rest };
}

/** Which parts a form asks for in fields of their own: the line's other parts go with the name. */
export interface SeparateParts {
  number: boolean;
  repetition: boolean;
  type: boolean;
}

/**
 * The street as a form with these separate fields wants it in its street field, written in full
 * first, then with the type abbreviated (the norm abbreviates only when the line is too long).
 */
export function streetLine(parts: StreetParts, separate: SeparateParts): string[] {
  const whole = !separate.number && !separate.repetition && !separate.type;
  const number = separate.number ? '' : [parts.number, separate.repetition ? undefined : parts.repetition?.word].filter(Boolean).join(' ');
  const spell = (type: string | undefined) => [number, separate.type ? '' : type, parts.name].filter(Boolean).join(' ');
  const full = whole ? parts.line : spell(parts.typeAs);
  const short = spell(parts.type?.abbreviation);
  return full === short || !parts.type ? [full] : [full, short];
}
