/**
 * A text Balise shows with an acronym's expansion written after its first use on the page
 * (components/ui/Glossed.tsx), as the module that holds it writes it: tests compare what a view
 * says with the procedures' own texts, wherever the page's first use happens to fall.
 */
import { glossary } from '../../../lib/procedures/glossary';

const written = glossary.flatMap(({ term, expansion }) => [expansion.fr, expansion.en].map((meaning) => [`${term} (${meaning})`, term] as const));

export function unglossed(text: string): string {
  return written.reduce((plain, [glossed, term]) => plain.replaceAll(glossed, term), text);
}
