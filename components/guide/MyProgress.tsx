/**
 * The user's own progress, on the portal page: the same summary as the popup's (procedure,
 * count, next step numbered as in the checklist), plus whether the next step happens here or
 * where it starts. The page's own steps, done or not, sit above it in the panel.
 */
import { t } from '../../lib/i18n/t';
import type { Text } from '../../lib/portals/schema';
import type { ProgressSummary, SummaryItem } from '../../lib/procedures/summary';
import { contentLanguage } from '../ui/language';

export function MyProgress({ summary }: { summary: ProgressSummary }) {
  const language = contentLanguage();
  const text = (value: Text) => value[language];
  const title = (item: SummaryItem) => (item.person ? t('overlayStepFor', text(item.title), item.person) : text(item.title));
  const { next } = summary;
  return (
    <section className="my-progress" aria-labelledby="balise-my-progress" data-balise-progress={summary.procedureId}>
      <h3 id="balise-my-progress">{t('overlayMyProgress')}</h3>
      <p>
        {text(summary.title)} · <span className="my-progress__count">{t('procProgressCount', summary.done, summary.total)}</span>
      </p>
      {next ? (
        <p className="my-progress__next" data-balise-next={next.key}>
          <strong>{t('procNextStep')} :</strong> {t('procNumberedStep', next.index, summary.total, title(next))}{' '}
          {next.onThisPage ? (
            <span className="my-progress__here">{t('overlayNextHere')}</span>
          ) : next.page?.href ? (
            <a href={next.page.href} target="_top">{t('overlayNextGoTo', text(next.page.name))}</a>
          ) : next.page ? (
            <span>{t('overlayNextOn', text(next.page.name))}</span>
          ) : (
            <span>{t('overlayNextOffPortal')}</span>
          )}
        </p>
      ) : (
        <p className="my-progress__next">{t('overlayAllDone')}</p>
      )}
    </section>
  );
}
