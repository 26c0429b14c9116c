/**
 * Portal wording compared as a person reads it. Portals drift: « Adresse e-mail * » becomes
 * « Adresse e-mail : », « Nom de l’établissement » becomes « Nom d’établissement », a heading
 * gains a plural or swaps two words. So texts compare as bags of words, where case, accents,
 * punctuation, asterisks, elisions (l’, d’, qu’), the little words below and a final s or x
 * do not count. Pure functions of strings.
 */

/** Articles, prepositions and conjunctions whose presence never changes what a label asks. */
const littleWords = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'qu', 's', 'un', 'une']);

/** One word as compared: a final s or x dropped (plural; not a double s: « FINESS »), short words kept as they are. */
function stem(word: string): string {
  return word.length > 3 && /[^s][sx]$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * Characters whose class is known without Unicode property escapes: Latin letters and digits,
 * combining accents, punctuation and currency signs — a French page's text. On such a text
 * marks and word separators are read with plain character ranges (below), the same on these
 * characters (words.test.ts checks each one): compiling the escapes costs ~2 ms at their first
 * use, paid again on every portal page load by the always-loaded script, which keeps no
 * compiled code.
 */
const beyondLatin = /[^\u0000-\u024f\u0300-\u036f\u2000-\u206f\u20a0-\u20cf]/;
/** \p{M} on those characters: the combining accents. */
export const latinMarks = /[\u0300-\u036f]/g;
/** [\p{L}\p{N}] on those characters but s: Latin letters, digits, and the superscript digits, fractions and ordinal signs of Latin-1. */
const latinWordCharsButS = '0-9A-Za-rt-z\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
const wordChar = `[s${latinWordCharsButS}]`;
/** [^\p{L}\p{N}]+ on those characters. */
export const latinSeparators = new RegExp(`[^s${latinWordCharsButS}]+`);
const latinSeparatorsEverywhere = new RegExp(latinSeparators.source, 'g');

/** A text in lower case and without accents, as words are compared. */
export function folded(text: string): string {
  const decomposed = text.normalize('NFD');
  return (
    (beyondLatin.test(decomposed) ? decomposed.replace(/\p{M}/gu, '') : decomposed.replace(latinMarks, ''))
      // The same as French lower case (only Turkish, Azeri and Lithuanian differ), without the locale's slower path: whole pages go through here.
      .toLowerCase()
  );
}

/** On a Latin text: the little words, each whole; and each word's final s or x that stem() drops, kept before it. */
const latinLittleWords = new RegExp(`(?<!${wordChar})(?:${[...littleWords].join('|')})(?!${wordChar})`, 'g');
const latinStem = new RegExp(`(?<!${wordChar})(${wordChar}{2,}[${latinWordCharsButS}])[sx](?!${wordChar})`, 'g');

/**
 * wordsOfFolded(text).join(''), a whole page's words glued: on a Latin text by three passes of
 * the engine over the text rather than a call per word (~20 000 on a long form).
 */
export function gluedWordsOfFolded(text: string): string {
  if (beyondLatin.test(text)) return wordsOfFolded(text).join('');
  return text.replace(latinLittleWords, '').replace(latinStem, '$1').replace(latinSeparatorsEverywhere, '');
}

/** What splits a folded text into runs of letters and digits. */
const separatorsOf = (text: string) => (beyondLatin.test(text) ? /[^\p{L}\p{N}]+/u : latinSeparators);

/** The words of a text already folded (see wordsOf): a whole page's text is folded once for all its uses. */
export function wordsOfFolded(text: string): string[] {
  return text
    .split(separatorsOf(text))
    .filter((word) => word !== '' && !littleWords.has(word))
    .map(stem);
}

/**
 * A folded text's distinct runs of letters and digits, space-separated. A word (letters and
 * digits only) is a piece of the text exactly when it is a piece of these: a long page repeats
 * its words, so looking a word up here reads a fraction of the page (one split for all the words).
 */
export function distinctRunsOfFolded(text: string): string {
  return Array.from(new Set(text.split(separatorsOf(text)))).join(' ');
}

/**
 * The words of a text that count, in their order: lower case, without accents, split on
 * anything that is not a letter or a digit (so « Prénom(s) » is « prenom »).
 */
export function wordsOf(text: string): string[] {
  return wordsOfFolded(folded(text));
}

/** A text's words, ready to compare many times (sorted for bag equality, joined for glued words). */
export interface Words {
  readonly list: readonly string[];
  readonly sorted: string;
  readonly glued: string;
}

export function words(text: string): Words {
  return wordsFromList(wordsOf(text));
}

/** The Words of a text whose words were read already (wordsOf), e.g. at build time. */
export function wordsFromList(list: readonly string[]): Words {
  return { list, sorted: [...list].sort().join(' '), glued: list.join('') };
}

/**
 * The same words, in any order, or the same letters glued differently (« ProSanteConnect »
 * and « PRO SANTE CONNECT »). Empty texts are never the same: an unnamed field has no label.
 */
export function sameWords(a: Words, b: Words): boolean {
  return a.list.length > 0 && (a.sorted === b.sorted || a.glued === b.glued);
}

/** Some run of consecutive words of `list`, glued, is `glued` (never a piece of a longer word: « Connexion » is not in « Déconnexion »). */
function gluedFromWholeWords(list: readonly string[], glued: string): boolean {
  for (let start = 0; start < list.length; start++) {
    let run = '';
    // A run that stops being the start of `glued` never becomes it: a page's text is long, a sign short.
    for (let end = start; end < list.length && run.length < glued.length; end++) {
      run += list[end];
      if (!glued.startsWith(run)) break;
    }
    if (run === glued) return true;
  }
  return false;
}

/** How often each word occurs in a text, counted once per Words: a page's text is compared with many signs. */
const counted = new WeakMap<Words, Map<string, number>>();
function countsOf(text: Words): Map<string, number> {
  let counts = counted.get(text);
  if (!counts) {
    counts = new Map();
    for (const word of text.list) counts.set(word, (counts.get(word) ?? 0) + 1);
    counted.set(text, counts);
  }
  return counts;
}

/** Every word of `part` appears in `whole`, as often, in any order (a title within a longer heading). */
export function containsWords(whole: Words, part: Words): boolean {
  if (part.list.length === 0) return false;
  if (part.glued.length >= 6 && gluedFromWholeWords(whole.list, part.glued)) return true;
  const available = countsOf(whole);
  for (const [word, wanted] of countsOf(part)) if ((available.get(word) ?? 0) < wanted) return false;
  return true;
}
