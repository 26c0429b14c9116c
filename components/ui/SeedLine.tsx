/**
 * A text of a procedure or portal module, as every view shows it: Balise's own advice
 * (`baliseAdvice`, ref.advice) after « Conseil de Balise : », a seed's words plainly. Said once
 * here so that no view shows an inference as the seed's words. `children` replaces the text
 * itself when a view adds to it (« … — pour X »).
 */
import type { ReactNode } from 'react';
import { local, t } from '../../lib/i18n/t';
import type { SeedText } from '../../lib/portals/schema';

export function SeedLine({ text, children }: { text: SeedText; children?: ReactNode }) {
  return (
    <>
      {text.ref.advice && (
        <>
          <strong className="advice">{t('adviceTag')}</strong>{' '}
        </>
      )}
      {children ?? local(text)}
    </>
  );
}
