/**
 * A text with every « ACRONYM (its glossary expansion) » cut back to the acronym: what a view
 * shows (components/ui/Glossed.tsx writes the expansion at the page's first use) and the module's
 * own text then compare, wherever the first use falls. Both sides go through it: a module may
 * write the expansion itself (« code OTP (code à usage unique) »).
 */
import { glossary } from '../../../lib/procedures/glossary';

const written = glossary.flatMap(({ term, expansion }) => [expansion.fr, expansion.en].map((meaning) => [`${term} (${meaning})`, term] as const));

export function unglossed(text: string): string {
  return written.reduce((plain, [glossed, term]) => plain.replaceAll(glossed, term), text);
}
