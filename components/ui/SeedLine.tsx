/**
 * A text of a procedure or portal module, as every view shows it: Balise's own advice
 * (`baliseAdvice`, ref.advice) after « Conseil de Balise : », a seed's words plainly, with the
 * acronyms expanded at their first use on the page (Glossed). Said once here so that no view
 * shows an inference as the seed's words. `children` replaces the text itself when a view adds
 * to it (« … — pour X »).
 */
import { local, t } from '../../lib/i18n/t';
import type { SeedText } from '../../lib/portals/schema';
import { Glossed } from './Glossed';

export function SeedLine({ text, children }: { text: SeedText; children?: string }) {
  return (
    <>
      {text.ref.advice && (
        <>
          <strong className="advice">{t('adviceTag')}</strong>{' '}
        </>
      )}
      <Glossed text={children ?? local(text)} />
    </>
  );
}
