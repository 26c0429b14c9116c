/**
 * « D’où vient ce conseil ? »: the sources of a block of seed texts, folded behind one
 * disclosure, each named by its document's title and section (lib/procedures/sources.ts), so
 * that the guide's sentences read without a source line under each.
 */
import { t } from '../../lib/i18n/t';
import type { SeedText } from '../../lib/portals/schema';
import { distinctSources, sectionName, seedTitles } from '../../lib/procedures/sources';

export function Sources({ texts }: { texts: readonly SeedText[] }) {
  const sources = distinctSources(texts.map((text) => text.ref));
  if (sources.length === 0) return null;
  return (
    <details className="sources">
      <summary>{t('overlaySources')}</summary>
      <ul>
        {sources.map((ref) => (
          <li key={`${ref.seed}/${ref.section}/${ref.advice ?? ''}`}>
            {t(ref.advice ? 'overlayAdviceSource' : 'overlaySource', seedTitles[ref.seed], sectionName(ref.section))}
          </li>
        ))}
      </ul>
    </details>
  );
}
