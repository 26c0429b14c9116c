/**
 * A text with the seeds' acronyms expanded at their first use on the page, in the text itself
 * (an <abbr title> only where the text brackets words of its own: lib/procedures/glossary.ts). « First on the page » is the first mounted text to claim the
 * acronym, in rendering order, which is the document's order; a text keeps its claims while it
 * stays mounted (so that it keeps its <abbr> when it alone renders again) and frees them when
 * it goes, for the text that replaces it. One document is one page: the claims live as long as it.
 */
import { useEffect, useId } from 'react';
import { contentLanguage } from '../../lib/i18n/t';
import { glossText } from '../../lib/procedures/glossary';

/** Acronym → the id of the text that shows its expansion. */
const claims = new Map<string, string>();

const release = (owner: string) => {
  for (const [term, holder] of claims) if (holder === owner) claims.delete(term);
};

export function Glossed({ text }: { text: string }) {
  const id = useId();
  useEffect(() => () => release(id), [id]);
  // This text's acronyms may have changed since its last rendering: it claims them again.
  release(id);
  const pieces = glossText(text, contentLanguage(), (term) => {
    if (!claims.has(term)) claims.set(term, id);
    return claims.get(term) === id;
  });
  return (
    <>
      {pieces.map((piece, i) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          <abbr key={i} title={piece.title}>
            {piece.term}
          </abbr>
        ),
      )}
    </>
  );
}
