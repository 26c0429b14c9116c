/**
 * The user's own progress, on the portal page: the same summary as the popup's (procedure,
 * count, next step numbered as in the checklist), plus whether the next step happens here or
 * where it starts. The page's own steps, done or not, sit above it in the panel: when they are
 * of this same procedure (`shownAbove`), its name and a next step listed there are not repeated.
 */
import { contentLanguage, t } from '../../lib/i18n/t';
import type { Text } from '../../lib/portals/schema';
import { SeedLine } from '../ui/SeedLine';
import type { NextStepSummary, ProgressSummary, SummaryItem } from '../../lib/procedures/summary';

export function MyProgress({ summary, shownAbove }: { summary: ProgressSummary; shownAbove: boolean }) {
  const language = contentLanguage();
  const text = (value: Text) => value[language];
  const title = (item: SummaryItem) => (item.person ? t('overlayStepFor', text(item.title), item.person) : text(item.title));
  const { next } = summary;
  return (
    <section className="my-progress" aria-labelledby="balise-my-progress" data-balise-progress={summary.procedureId}>
      <h3 id="balise-my-progress">{t('overlayMyProgress')}</h3>
      <p>
        {!shownAbove && `${text(summary.title)} · `}
        {/* Unanswered questions may still add steps: no count nor number that would change (as in the popup and the side panel). */}
        {summary.settled ? (
          <span className="my-progress__count">{t('procProgressCount', summary.done, summary.total)}</span>
        ) : (
          <span className="my-progress__pending">{t('procQuestionsPending')}</span>
        )}
      </p>
      {next ? (
        <p className="my-progress__next" data-balise-next={next.key}>
          <strong>{summary.settled ? t('procNextNumbered', next.index, summary.total) : t('procNextKnown')}</strong>{' '}
          {next.onThisPage && shownAbove ? (
            <span className="my-progress__here">{t('overlayNextAbove')}</span>
          ) : (
            <>
              <SeedLine text={next.title}>{title(next)}</SeedLine> <Where next={next} />
            </>
          )}
        </p>
      ) : (
        summary.settled && <p className="my-progress__next">{t('overlayAllDone')}</p>
      )}
    </section>
  );
}

/** Where the next step happens: here, a link to where it starts, the page's name, or off the portals. */
function Where({ next }: { next: NextStepSummary }) {
  const language = contentLanguage();
  if (next.onThisPage) return <span className="my-progress__here">{t('overlayNextHere')}</span>;
  if (next.page?.href) return <a href={next.page.href} target="_top">{t('overlayNextGoTo', next.page.name[language])}</a>;
  if (next.page) return <span>{t('overlayNextOn', next.page.name[language])}</span>;
  return <span>{t('overlayNextOffPortal')}</span>;
}
